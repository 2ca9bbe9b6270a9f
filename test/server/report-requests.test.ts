import { parse as parseHtml } from 'parse5';
import { describe, expect, test } from 'vitest';
import { parseCard } from '../../language/card/card-parser.js';
import { EXPORT_FORMATS } from '../../language/report/export-report.js';
import { REPORT_FORMATS } from '../../server/report-protocol.js';
import { reportPath } from '../../server/report/model-report.js';
import { addModel, fixture, reports, WORKSPACE } from './report-helpers.js';

const seedCard = fixture('cards/wan-2.2-s2v.card.txt');
const seed = fixture('example.tm');

function severities(diagnostics: readonly { severity?: number }[] | undefined): number[] {
    return (diagnostics ?? []).map((d) => d.severity ?? 1);
}

describe('threatModel/importCard', () => {
    test('the seed card becomes the .tm model atm import writes, and it checks clean', async () => {
        const result = reports.importCard({ text: seedCard, source: 'wan-2.2-s2v.card.txt' });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.tm).toBe(fixture('cards/wan-2.2-s2v.expected.tm'));
        expect(result.name).toBe('WAN 2.2-S2V');
        expect(result.errors).toEqual([]);
        const document = await addModel('imported/wan.tm', result.tm);
        // Info and hints (the uncertain layers, the missing cvss) are fine; no error, no warning.
        expect(severities(document.diagnostics).filter((s) => s <= 2)).toEqual([]);
    });

    test('a CRLF card with a BOM, as a client that keeps the BOM would send it', () => {
        const result = reports.importCard({ text: fixture('cards/odd-name-crlf-bom.card.txt'), source: 'odd-name-crlf-bom.card.txt' });
        expect(result.ok && result.tm).toBe(fixture('cards/odd-name-crlf-bom.expected.tm'));
    });

    test('rejections carry every located error of the card parser', () => {
        for (const name of ['reject-factor-out-of-range.card.txt', 'reject-missing-factor-row.card.txt', 'reject-not-a-card.txt', 'reject-wrong-sections.card.txt']) {
            const text = fixture(`cards/${name}`);
            const parsed = parseCard(text);
            const result = reports.importCard({ text, source: name });
            expect(result.ok, name).toBe(false);
            expect(result.errors, name).toEqual(parsed.ok ? [] : parsed.errors);
        }
        expect(reports.importCard({ text: fixture('cards/reject-factor-out-of-range.card.txt') }).errors)
            .toEqual([{ line: 9, column: 26, message: 'factor value 1.7 is outside 0.00–1.00' }]);
    });

    test('binary or undecodable text is refused where it starts; a huge text is not parsed', () => {
        const head = 'WAN 2.2-S2V — agentic threat model\n\nA summary';
        const binary = reports.importCard({ text: `${head}\u0000\u0001rest` });
        expect(binary).toEqual({ ok: false, errors: [{ line: 3, column: 10, message: 'Not a text card: binary or not valid UTF-8' }] });
        const undecodable = reports.importCard({ text: 'ab\r\ncd\uFFFD' });
        expect(undecodable.errors).toEqual([{ line: 2, column: 3, message: 'Not a text card: binary or not valid UTF-8' }]);
        const huge = reports.importCard({ text: 'x'.repeat(1024 * 1024 + 1) });
        expect(huge.ok).toBe(false);
        expect(huge.errors[0]?.message).toMatch(/^Not a card: 1048577 characters/);
    });

    test('a file name with a line break cannot put source into the model', () => {
        const result = reports.importCard({ text: seedCard, source: 'evil\nagent Injected {}\r\n.card.txt' });
        expect(result.ok && result.tm.split('\n')[1]).toBe('// Imported from the AgentReady threat-model card evil agent Injected {} .card.txt (plain rendering).');
        expect(result.ok && result.tm).not.toMatch(/^agent Injected/m);
    });
});

describe('threatModel/exportReport', () => {
    test('the protocol offers exactly the formats atm export knows', () => {
        expect(REPORT_FORMATS.map((f) => f.format).sort()).toEqual([...EXPORT_FORMATS].sort());
    });

    test('every format of the seed model, as atm export renders it', async () => {
        const document = await addModel('models/seed.tm', seed);
        const uri = document.uri.toString();
        const html = await reports.exportReport({ uri, format: 'html' });
        expect(html).toMatchObject({ ok: true, errors: 0, dropped: [], notes: [] });
        expect(html.ok && html.text).toMatch(/^<!DOCTYPE html>/);
        expect(html.ok && html.text).toContain('<h2>models/seed.tm</h2>');
        expect(html.ok && html.text).toContain('AIVSS 7.8 — High');

        const markdown = await reports.exportReport({ uri, format: 'markdown' });
        expect(markdown.ok && markdown.text).toContain('7.8');

        const json = await reports.exportReport({ uri, format: 'json' });
        const scores = JSON.parse(json.ok ? json.text : '{}') as { files: Array<{ path: string; agents: Array<{ name: string; aivss: number }> }> };
        expect(scores.files[0]?.path).toBe('models/seed.tm');
        expect(scores.files[0]?.agents[0]).toMatchObject({ name: 'Wan22S2V', aivss: 7.8 });

        const sarif = await reports.exportReport({ uri, format: 'sarif' });
        const log = JSON.parse(sarif.ok ? sarif.text : '{}') as { version: string; runs: Array<{ tool: { driver: { name: string; version: string } } }> };
        expect(log.version).toBe('2.1.0');
        expect(log.runs[0]?.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);

        const card = await reports.exportReport({ uri, format: 'card' });
        expect(card.ok).toBe(true);
        if (!card.ok) return;
        expect(parseCard(card.text).ok).toBe(true);
        expect(card.dropped).toContain('Wan22S2V: control UploadSandbox: a card has no controls');
    });

    test('a model with errors is still exported, and says how many', async () => {
        const document = await addModel('models/broken.tm', fixture('cli/broken.tm'));
        const result = await reports.exportReport({ uri: document.uri.toString(), format: 'markdown' });
        expect(result.ok && result.errors).toBeGreaterThan(0);
    });

    test('a workspace file no editor opened is validated for its report', async () => {
        const text = seed.replace('mitigated_by UploadSandbox', 'mitigated_by NoSuchControl');
        const document = await addModel('models/unopened.tm', text, false);
        expect(document.diagnostics ?? []).toEqual([]);
        const result = await reports.exportReport({ uri: document.uri.toString(), format: 'html' });
        expect(result.ok && result.errors).toBe(1);
        expect(result.ok && result.text).toContain('NoSuchControl');
    });

    test('unknown documents, unknown formats and a card of no agent are refusals, not crashes', async () => {
        expect(await reports.exportReport({ uri: `${WORKSPACE}/missing.tm`, format: 'html' }))
            .toEqual({ ok: false, message: `not a model the language server knows: ${WORKSPACE}/missing.tm` });
        const document = await addModel('models/empty.tm', 'aivss 0.8\n');
        const uri = document.uri.toString();
        expect(await reports.exportReport({ uri, format: 'pdf' as 'html' })).toMatchObject({ ok: false, message: expect.stringMatching(/^unknown report format 'pdf'/) });
        expect(await reports.exportReport({ uri, format: 'card' })).toEqual({ ok: false, message: 'models/empty.tm: no agent to export as a card' });
        expect(await reports.exportReport(undefined as never)).toMatchObject({ ok: false });
    });

    test('paths are relative to the workspace folder, else the file name', async () => {
        const inside = await addModel('a b/c.tm', seed);
        expect(reportPath(inside, [WORKSPACE])).toBe('a b/c.tm');
        expect(reportPath(inside, ['file:///elsewhere'])).toBe('c.tm');
        const html = await reports.exportReport({ uri: inside.uri.toString(), format: 'html' });
        expect(parseHtml(html.ok ? html.text : '').childNodes.length).toBeGreaterThan(0);
        expect(html.ok && html.text).toContain('<h2>a b/c.tm</h2>');
    });
});
