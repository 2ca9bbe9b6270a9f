/**
 * Collections bigger than a JavaScript spread allows. `push(...items)` and `Math.max(...items)`
 * throw "Maximum call stack size exceeded" beyond ~120 000 items, and per-item work over the
 * whole collection turns quadratic; a model inside the size limit can hold 150 000 threats in
 * one layer or 150 000 entries in one factors block. Each test here failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportCard } from '../../language/card/card-export.js';
import { parseCard } from '../../language/card/card-parser.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import { renderHtmlReport } from '../../language/report/html-report.js';
import { renderMarkdownReport } from '../../language/report/markdown-report.js';
import type { ReportFile } from '../../language/report/report-types.js';
import { renderSarif } from '../../language/report/sarif-report.js';
import { renderScoreJson } from '../../language/report/score-json.js';
import { valueColumn } from '../../server/code-actions/factor-layout.js';
import { formatModelText } from '../../server/format-text.js';
import { renderAgentTable } from '../../cli/commands/score-command.js';
import { analyse, forget, services } from '../fuzz/analyse.js';
import { MIB, seconds } from './extreme-texts.js';

const HANG = { timeout: 60_000 };
const MANY = 150_000;

async function reportFile(text: string): Promise<ReportFile> {
    const { diagnostics, score } = await analyse(text, { features: false, exports: false });
    return { path: 'big.tm', score, diagnostics, text };
}

describe.sequential('more items than a spread allows', () => {
    test('every report renders a 1 MB line of 12 000 agents and 24 000 diagnostics (was: Markdown and HTML threw, SARIF took minutes)', HANG, async () => {
        let line = '';
        for (let i = 0; line.length < MIB; i++) line += `agent A${i} { cvss 5.0 layer L1 { threat T { exploit attacked } } } `;
        const file = await reportFile(line);
        expect(file.diagnostics.length).toBeGreaterThan(20_000);
        const [, elapsed] = await seconds(async () => {
            expect(renderMarkdownReport([file]).length).toBeGreaterThan(MIB);
            expect(renderHtmlReport([file]).length).toBeGreaterThan(MIB);
            expect(JSON.parse(renderSarif([file], { toolVersion: '0' })).runs[0].results.length).toBeGreaterThan(20_000);
            expect(JSON.parse(renderScoreJson([file])).files[0].agents.length).toBeGreaterThan(10_000);
        });
        expect(elapsed).toBeLessThan(30);
    });

    test(`${MANY} threats in one layer: reports, the card export and \`atm score\` answer`, HANG, async () => {
        const threats = Array.from({ length: MANY }, (_, i) => `threat T${i}`).join(' ');
        const text = `agent A "t" {\n    cvss 5.0\n    layer L1 { "p" ${threats} }\n}\n`;
        const { document, diagnostics, score } = await analyse(text, { features: false, exports: false, keep: true });
        try {
            const file: ReportFile = { path: 'big.tm', score, diagnostics, text };
            expect(score.agents[0]!.threats).toHaveLength(MANY);
            expect(renderMarkdownReport([file])).toContain('T149999');
            expect(renderAgentTable(score.agents[0]!).length).toBeGreaterThan(MANY);
            expect(exportCard(document.parseResult.value.agents[0]!).dropped.length).toBeGreaterThan(0);
        } finally {
            await forget(document);
        }
    });

    test(`a factors block of ${MANY} entries formats in linear time; the quick fixes' value column too`, HANG, async () => {
        const entries = Array.from({ length: MANY }, (_, i) => `${i % 2 ? 'autonomy_of_action' : 'opacity_and_reflexivity'} 0.5`).join('\n');
        const text = `agent A {\n    factors {\n${entries}\n    }\n}\n`;
        const [formatted, elapsed] = await seconds(() => formatModelText(services, text));
        expect(formatted).toContain('        autonomy_of_action       0.5');
        expect(elapsed).toBeLessThan(30);
        expect(valueColumn(Array.from({ length: MANY }, () => 'autonomy_of_action'))).toBe('autonomy_of_action'.length + 2);
    });

    test(`a card whose paragraph lists ${MANY} threats imports (was: the threat list overflowed the stack)`, HANG, async () => {
        const seed = readFileSync(new URL('../fixtures/cards/wan-2.2-s2v.card.txt', import.meta.url), 'utf8');
        const list = Array.from({ length: MANY }, (_, i) => `risk number ${i}`).join(', ');
        const card = seed.replace('Key threats include model stealing', `Key threats include ${list}, and model stealing`);
        const result = parseCard(card);
        expect(result.ok).toBe(true);
        if (result.ok) expect(cardToTm(result.card).length).toBeGreaterThan(MIB);
        // And a phrase of more joiners than a spread allows.
        const joiners = seed.replace('Key threats include model stealing', `Key threats include ${'of '.repeat(MANY)}stealing`);
        expect(parseCard(joiners).ok).toBe(true);
    });

    test('completion inside a 1 MB CVSS vector answers (was: Math.max over its metrics overflowed the stack)', HANG, async () => {
        const vector = `CVSS:4.0/${'AV:N/'.repeat(MIB / 5)}`;
        const text = `agent A {\n    cvss "${vector}"\n}\n`;
        const { document } = await analyse(text, { features: false, exports: false, keep: true });
        try {
            const position = document.textDocument.positionAt(text.indexOf('"') + 1 + vector.length);
            const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            expect(list).toBeDefined();
        } finally {
            await forget(document);
        }
    });
});
