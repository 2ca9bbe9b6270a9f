/**
 * The report requests over stdio against the built server: card import (the seed card, and a
 * rejected one), export in every format of a workspace file no editor opened and of an edited
 * open document, and the preview HTML of the hostile model.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RequestType } from 'vscode-languageserver-protocol/node';
import type {
    ExportReportParams,
    ExportReportResult,
    ImportCardParams,
    ImportCardResult,
    ReportPreviewParams,
    ReportPreviewResult
} from '../../server/report-protocol.js';
import { EXPORT_REPORT_REQUEST, IMPORT_CARD_REQUEST, REPORT_FORMATS, REPORT_PREVIEW_REQUEST } from '../../server/report-protocol.js';
import { LspSession, pathToUri } from './lsp-session.js';

const importCard = new RequestType<ImportCardParams, ImportCardResult, void>(IMPORT_CARD_REQUEST);
const exportReport = new RequestType<ExportReportParams, ExportReportResult, void>(EXPORT_REPORT_REQUEST);
const reportPreview = new RequestType<ReportPreviewParams, ReportPreviewResult | null, void>(REPORT_PREVIEW_REQUEST);

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const seed = fixture('example.tm');

let root: string;
let session: LspSession;

beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atm-reports-'));
    writeFileSync(join(root, 'seed.tm'), seed);
    writeFileSync(join(root, 'hostile.tm'), fixture('cli/hostile.tm'));
    session = await LspSession.start({ rootPath: root });
});

afterAll(async () => {
    await session?.dispose();
    rmSync(root, { recursive: true, force: true });
});

describe('threatModel/importCard over stdio', () => {
    test('the seed card: a .tm model that, opened unsaved, has no error or warning', async () => {
        const result = await session.request(importCard, { text: fixture('cards/wan-2.2-s2v.card.txt'), source: 'wan-2.2-s2v.card.txt' });
        expect(result).toMatchObject({ ok: true, name: 'WAN 2.2-S2V', errors: [] });
        const tm = result.ok ? result.tm : '';
        expect(tm).toBe(fixture('cards/wan-2.2-s2v.expected.tm'));
        // Unsaved, with the path it would be saved to, as the extension opens an import.
        const untitled = `untitled:${join(root, 'wan-2.2-s2v.tm')}`;
        await session.open(untitled, tm);
        const { diagnostics } = await session.waitForDiagnostics(untitled);
        expect(diagnostics.filter((d) => (d.severity ?? 1) <= 2)).toEqual([]);
        await session.close(untitled);
    });

    test('a rejected card: located errors, no model', async () => {
        const result = await session.request(importCard, { text: fixture('cards/reject-missing-factor-row.card.txt') });
        expect(result).toEqual({
            ok: false,
            errors: [{ line: 9, column: 1, message: "expected the factor row 'Goal-Driven Planning', found '| Self-Modification | 0.00 | |'" }]
        });
    });
});

describe('threatModel/exportReport over stdio', () => {
    test('every format of a workspace file that was never opened', async () => {
        const uri = pathToUri(join(root, 'seed.tm'));
        for (const { format } of REPORT_FORMATS) {
            const result = await session.request(exportReport, { uri, format });
            expect(result.ok, format).toBe(true);
            if (!result.ok) continue;
            expect(result.errors, format).toBe(0);
            expect(result.text.length, format).toBeGreaterThan(200);
            if (format === 'json' || format === 'sarif') JSON.parse(result.text);
            if (format === 'card') expect(result.dropped).toContain('Wan22S2V: control UploadSandbox: a card has no controls');
            else expect(result.dropped, format).toEqual([]);
        }
        const markdown = await session.request(exportReport, { uri, format: 'markdown' });
        expect(markdown.ok && markdown.text).toContain('seed.tm');
        expect(markdown.ok && markdown.text).toContain('7.8');
    });

    test('an open document is exported as edited, unsaved', async () => {
        const uri = pathToUri(join(root, 'edited.tm'));
        await session.open(uri, seed);
        await session.change(uri, seed.replace('mitigated_by UploadSandbox', ''));
        const result = await session.request(exportReport, { uri, format: 'json' });
        const json = JSON.parse(result.ok ? result.text : '{}') as { files: Array<{ path: string; agents: Array<{ aivss: number }> }> };
        // Without the partial control MF is 1.00: 9.3 + 0.7 × 0.13 × 0.50 = 9.3455 → 9.3.
        expect(json.files[0]).toMatchObject({ path: 'edited.tm', agents: [{ aivss: 9.3 }] });
        await session.close(uri);
    });

    test('an unknown document is a refusal', async () => {
        const uri = pathToUri(join(root, 'missing.tm'));
        expect(await session.request(exportReport, { uri, format: 'html' })).toEqual({ ok: false, message: `not a model the language server knows: ${uri}` });
    });
});

describe('threatModel/reportPreview over stdio', () => {
    test('the hostile model: strict policy, no script, payload as text', async () => {
        const preview = await session.request(reportPreview, { uri: pathToUri(join(root, 'hostile.tm')) });
        expect(preview?.title).toBe('Report: hostile.tm');
        const html = preview?.html ?? '';
        expect(html).not.toMatch(/<\/?script/i);
        expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'">/);
        expect(html).not.toContain('unsafe-inline');
        expect(html).toContain('&lt;script&gt;alert(&#39;agent&#39;)&lt;/script&gt;');
        expect(html).toContain('&lt;/svg&gt;&lt;svg onload=alert(1)&gt;');
        expect(html).toContain('[click](javascript:alert(1))');
        // Every `<` of the model is escaped, so no tag can carry a link, a source or a handler.
        expect(html).not.toMatch(/<[a-z][^>]*\s(?:href|src|on[a-z]+)=/i);
    });

    test('the preview follows edits of an open document', async () => {
        const uri = pathToUri(join(root, 'previewed.tm'));
        await session.open(uri, seed);
        expect((await session.request(reportPreview, { uri }))?.html).toContain('AIVSS 7.8 — High');
        await session.change(uri, seed.replace('mitigated_by UploadSandbox', ''));
        expect((await session.request(reportPreview, { uri }))?.html).toContain('AIVSS 9.3 — Critical');
        await session.close(uri);
        expect(await session.request(reportPreview, { uri: pathToUri(join(root, 'nowhere.tm')) })).toBeNull();
    });
});
