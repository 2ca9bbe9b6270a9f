import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { services } from './completion-helpers.js';

const complete = expectCompletion(services.ThreatModel);
const labelAndDetail = (item: CompletionItem): string => `${item.label} — ${item.detail}`;

/** The completion items at the `<|>` mark, in sort order. */
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

describe('keywords', () => {
    test('an agent body offers its members; a single-valued member already written is not offered again', async () => {
        await complete({
            text: 'agent A {\n    summary "x"\n    cvss 5.0\n    <|>\n}',
            index: 0,
            expectedItems: ['factors { … }', 'factors', 'exploit', 'mitigation', 'published', 'layer', 'control'],
            disposeAfterCheck: true
        });
    });

    test('a threat with a catalog id and a cvss is offered neither again', async () => {
        await complete({
            text: 'agent A {\n    layer L1 { threat T { catalog M1.1 cvss 5.0 <|> } }\n}',
            index: 0,
            expectedItems: ['exploit', 'mitigation', 'mitigated_by'],
            disposeAfterCheck: true
        });
    });

    test('a control with a strength is offered nothing but its closing brace', async () => {
        const items = await itemsAt('agent A {\n    control C { strength partial <|> }\n}');
        expect(items).toEqual([]);
    });

    test('an empty file offers the header and an agent', async () => {
        await complete({ text: '<|>', index: 0, expectedItems: ['aivss', 'agent'], disposeAfterCheck: true });
    });

    test('nothing is proposed inside a comment or an ordinary string', async () => {
        expect(await itemsAt('agent A {\n    // a comment <|>\n}')).toEqual([]);
        expect(await itemsAt('agent A {\n    summary "some <|>text"\n}')).toEqual([]);
        expect(await itemsAt('agent A {\n    summary "not closed <|>\n}')).toEqual([]);
        expect(await itemsAt('/* block <|> comment */\nagent A {}')).toEqual([]);
    });
});

describe('exploit, mitigation, strength and rounding values', () => {
    test('exploit levels carry their v0.8 threat multipliers', async () => {
        await complete({
            text: 'agent A {\n    exploit <|>\n}',
            index: 0,
            expectedItems: ['attacked — ThM 1.00', 'proof_of_concept — ThM 0.97', 'unreported — ThM 0.50'],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
    });

    test('under v0.5 unreported is 0.91 and mitigations are marked as ignored', async () => {
        await complete({
            text: 'aivss 0.5\nagent A {\n    exploit <|>\n}',
            index: 0,
            expectedItems: ['attacked — ThM 1.00', 'proof_of_concept — ThM 0.97', 'unreported — ThM 0.91'],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
        const items = await itemsAt('aivss 0.5\nagent A {\n    mitigation <|>\n}');
        expect(items.map(labelAndDetail)).toEqual([
            'none — MF 1.00 (ignored: AIVSS v0.5 has no mitigation factor)',
            'partial — MF 0.83 (ignored: AIVSS v0.5 has no mitigation factor)',
            'strong — MF 0.67 (ignored: AIVSS v0.5 has no mitigation factor)'
        ]);
    });

    test('a control strength offers the mitigation levels with their MF', async () => {
        await complete({
            text: 'agent A {\n    control C { strength <|> }\n}',
            index: 0,
            expectedItems: ['none — MF 1.00', 'partial — MF 0.83', 'strong — MF 0.67'],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
    });

    test('rounding modes after the header', async () => {
        await complete({ text: 'aivss 0.8 rounding <|>', index: 0, expectedItems: ['half_up', 'half_even'], disposeAfterCheck: true });
    });
});

describe('layers and catalog ids', () => {
    test('after `layer`: the layers the agent lacks, stack order, cross-layer last, with their names', async () => {
        await complete({
            text: 'agent A {\n    layer L2 { "d" }\n    layer L5 { "o" }\n    layer <|>\n}',
            index: 0,
            expectedItems: [
                'L1 — Foundation Models',
                'L3 — Agent Frameworks',
                'L4 — Deployment and Infrastructure',
                'L6 — Security and Compliance',
                'L7 — Agent Ecosystem',
                'XL — Cross-Layer'
            ],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
    });

    test('a layer named by an alias counts as declared', async () => {
        const items = await itemsAt('agent A {\n    layer "Data Operations" { "d" }\n    layer <|>\n}');
        expect(items.map((item) => item.label)).not.toContain('L2');
    });

    test('after `catalog`: the entries of the enclosing layer with their names', async () => {
        await complete({
            text: 'agent A {\n    layer L5 { threat T { catalog <|> } }\n}',
            index: 0,
            expectedItems: [
                'M5.1 — Manipulation of Evaluation Metrics',
                'M5.2 — Compromised Observability Tools',
                'M5.3 — Denial of Service on Evaluation Infrastructure',
                'M5.4 — Evasion of Detection',
                'M5.5 — Data Leakage through Observability',
                'M5.6 — Poisoning Observability Data'
            ],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
    });

    test('a partly typed id that does not lex yet (`M4.`) still completes, replacing what was typed', async () => {
        const text = 'agent A {\n    layer L4 { threat T { catalog M4.<|> } }\n}';
        const items = await itemsAt(text);
        expect(items[0]).toMatchObject({ label: 'M4.1', textEdit: { newText: 'M4.1', range: { start: { line: 1, character: 34 }, end: { line: 1, character: 37 } } } });
        expect(items.every((item) => String(item.label).startsWith('M4.'))).toBe(true);
    });

    test('under an unknown layer the whole catalog is offered', async () => {
        const items = await itemsAt('agent A {\n    layer L9 { threat T { catalog <|> } }\n}');
        expect(items).toHaveLength(55);
    });
});

describe('controls after mitigated_by', () => {
    const text = (marked: string): string =>
        [
            'agent A {',
            `    layer L1 { threat T { ${marked} } }`,
            '    control Sandbox "Isolated decoder" { strength partial }',
            '    control Review { strength 0.9 }',
            '    control Nothing',
            '}'
        ].join('\n');

    test('the detail shows the title and the strength with its MF', async () => {
        await complete({
            text: text('mitigated_by <|>'),
            index: 0,
            expectedItems: [
                'Sandbox — Isolated decoder · strength partial (MF 0.83)',
                'Review — strength 0.9 (MF 0.90)',
                'Nothing — no strength (MF 1.00)'
            ],
            itemToString: labelAndDetail,
            disposeAfterCheck: true
        });
    });

    test('a control already listed is not offered again', async () => {
        await complete({ text: text('mitigated_by Sandbox, <|>'), index: 0, expectedItems: ['Review', 'Nothing'], disposeAfterCheck: true });
    });
});
