import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { parseCvssVector } from '../../language/aivss/cvss-vector.js';
import { services } from './completion-helpers.js';

const complete = expectCompletion(services.ThreatModel);
const labelAndDetail = (item: CompletionItem): string => `${item.label} — ${item.detail}`;
const agent = (cvssLine: string, header = ''): string => `${header}agent A {\n    ${cvssLine}\n}`;

async function itemsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await complete({
        text,
        index: 0,
        assert: (list) => {
            items = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        },
        disposeAfterCheck: true
    });
    return items;
}

describe('CVSS vector strings', () => {
    test('at the start of the string: the 4.0 prefix and a whole-vector snippet (3.1 only under v0.5)', async () => {
        await complete({ text: agent('cvss "<|>"'), index: 0, expectedItems: ['CVSS:4.0/', 'CVSS:4.0/AV:…/SA:…'], disposeAfterCheck: true });
        await complete({
            text: agent('cvss "CV<|>"', 'aivss 0.5\n'),
            index: 0,
            expectedItems: ['CVSS:4.0/', 'CVSS:4.0/AV:…/SA:…', 'CVSS:3.1/'],
            disposeAfterCheck: true
        });
    });

    test('the prefix replaces what was typed of it and reopens the suggestions', async () => {
        const [prefix] = await itemsAt(agent('cvss "CVSS:4<|>"'));
        expect(prefix).toMatchObject({
            textEdit: { newText: 'CVSS:4.0/', range: { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } } },
            command: { command: 'editor.action.triggerSuggest' }
        });
    });

    test('the whole-vector snippet lists every base metric with its values, and its defaults form a valid vector', async () => {
        const snippet = (await itemsAt(agent('cvss "<|>"')))[1]!;
        const text = (snippet.textEdit as { newText: string }).newText;
        expect(text).toBe(
            'CVSS:4.0/AV:${1|N,A,L,P|}/AC:${2|L,H|}/AT:${3|N,P|}/PR:${4|N,L,H|}/UI:${5|N,P,A|}/VC:${6|N,L,H|}/VI:${7|N,L,H|}/VA:${8|N,L,H|}/SC:${9|N,L,H|}/SI:${10|N,L,H|}/SA:${11|N,L,H|}'
        );
        const firstChoices = text.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1');
        expect(parseCvssVector(firstChoices).ok).toBe(true);
    });

    test('after `AV:` the four attack vectors with their meanings', async () => {
        await complete({
            text: agent('cvss "CVSS:4.0/AV:<|>"'),
            index: 0,
            expectedItems: ['N — Attack Vector: Network', 'A — Attack Vector: Adjacent', 'L — Attack Vector: Local', 'P — Attack Vector: Physical'],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
        const [network] = await itemsAt(agent('cvss "CVSS:4.0/AV:<|>"'));
        expect(network!.documentation).toBe('Exploitable remotely, across the network or the Internet.');
    });

    test('after a `/` the next metric in canonical order; a missing base metric is the only choice', async () => {
        await complete({ text: agent('cvss "CVSS:4.0/AV:N/<|>"'), index: 0, expectedItems: ['AC'], disposeAfterCheck: true });
        await complete({ text: agent('cvss "CVSS:4.0/AV:N/AC:L/AT:N/<|>"'), index: 0, expectedItems: ['PR'], disposeAfterCheck: true });
        const [pr] = await itemsAt(agent('cvss "CVSS:4.0/AV:N/AC:L/AT:N/P<|>"'));
        expect(pr).toMatchObject({ label: 'PR', detail: 'Privileges Required (base)', textEdit: { newText: 'PR:' } });
    });

    test('after the base metrics the optional ones, E first; those AIVSS ignores say so', async () => {
        const items = await itemsAt(agent('cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/<|>"'));
        expect(items[0]).toMatchObject({ label: 'E', detail: 'Exploit Maturity (threat)' });
        expect(items[1]).toMatchObject({ label: 'CR', detail: 'Confidentiality Requirement (environmental, not used by AIVSS)' });
        const afterE = await itemsAt(agent('cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/<|>"'));
        expect(afterE.map((item) => item.label)).not.toContain('E');
        expect(afterE[0]!.label).toBe('CR');
    });

    test('E offers the exploit maturities', async () => {
        await complete({
            text: agent('cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:<|>"'),
            index: 0,
            expectedItems: ['X', 'A', 'P', 'U'],
            disposeAfterCheck: true
        });
    });

    test('CVSS 3.1 vectors use the 3.1 catalogue', async () => {
        await complete({ text: agent('cvss "CVSS:3.1/AV:N/AC:L/<|>"', 'aivss 0.5\n'), index: 0, expectedItems: ['PR'], disposeAfterCheck: true });
        await complete({ text: agent('cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:<|>"', 'aivss 0.5\n'), index: 0, expectedItems: ['N', 'R'], disposeAfterCheck: true });
    });

    test('an unclosed vector string completes too, on a threat as well', async () => {
        const text = 'agent A {\n    layer L1 { threat T { cvss "CVSS:4.0/AV:N/AC:<|>\n}';
        await complete({ text, index: 0, expectedItems: ['L', 'H'], disposeAfterCheck: true });
    });

    test('an unknown prefix or metric offers nothing', async () => {
        expect(await itemsAt(agent('cvss "CVSS:2.0/<|>"'))).toEqual([]);
        expect(await itemsAt(agent('cvss "CVSS:4.0/ZZ:<|>"'))).toEqual([]);
    });

    test('a `cvss "` inside a comment is only a comment', async () => {
        expect(await itemsAt('agent A {\n    // cvss "CVSS:4.0/AV:<|>\n}')).toEqual([]);
    });

    test('after `cvss` a quoted whole-vector snippet', async () => {
        const [snippet] = await itemsAt(agent('cvss <|>'));
        expect(snippet).toMatchObject({ label: '"CVSS:4.0/…"', insertTextFormat: 2 });
    });
});
