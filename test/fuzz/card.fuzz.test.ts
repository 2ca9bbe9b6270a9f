/**
 * The card importer on hostile input: random text, line-level mutations of the card fixtures
 * and of the cards the exporter writes, and long-line "stretching" that looks for regular
 * expressions with catastrophic backtracking. It never throws, answers quickly, rejects with
 * located errors, and whatever it accepts becomes a `.tm` model without a syntax error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportCard } from '../../language/card/card-export.js';
import { parseCard } from '../../language/card/card-parser.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import type { CardParseResult } from '../../language/card/card-types.js';
import { analyse } from './analyse.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { randomText, token } from './model-arbitraries.js';

const cardsFolder = new URL('../fixtures/cards/', import.meta.url);
const regressionsFolder = new URL('../fixtures/regressions/', import.meta.url);
const CARDS: readonly string[] = [
    ...readdirSync(cardsFolder).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(new URL(name, cardsFolder), 'utf8')),
    ...readdirSync(regressionsFolder).filter((name) => name.endsWith('.card.txt')).sort().map((name) => readFileSync(new URL(name, regressionsFolder), 'utf8'))
];

/** A single parse of a few kilobytes takes milliseconds; a second means backtracking. */
const PARSE_BUDGET_MS = 1_000;

function parseTimed(text: string): CardParseResult {
    const started = performance.now();
    let result: CardParseResult;
    try {
        result = parseCard(text);
    } catch (error) {
        throw new Error(`parseCard threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    const elapsed = performance.now() - started;
    if (elapsed > PARSE_BUDGET_MS) throw new Error(`parseCard took ${Math.round(elapsed)} ms on ${text.length} characters`);
    return result;
}

/** Accepted: the model it becomes parses; rejected: every error points into the text. */
async function expectWellBehaved(text: string): Promise<void> {
    const result = parseTimed(text);
    if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
        for (const error of result.errors) {
            expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= Math.max(1, lines)).toBe(true);
            expect(Number.isInteger(error.column) && error.column >= 1).toBe(true);
            expect(error.message.trim().length).toBeGreaterThan(0);
        }
        return;
    }
    const model = cardToTm(result.card, { source: 'fuzz.card.txt' });
    const { diagnostics } = await analyse(model, { features: false, exports: false });
    const broken = diagnostics.filter((d) => d.code === 'syntax-error' || d.code === 'invalid-encoding');
    expect(broken.map((d) => d.message), model).toEqual([]);
}

type LineMutation =
    | { kind: 'delete' | 'duplicate' | 'truncate'; line: number }
    | { kind: 'swap'; line: number; other: number }
    | { kind: 'insert'; line: number; at: number; text: string }
    | { kind: 'stretch'; line: number; at: number; length: number; times: number };

const lineMutation: fc.Arbitrary<LineMutation> = fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'truncate' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), at: fc.nat(), text: token }),
    fc.record({ kind: fc.constant('stretch' as const), line: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }), times: fc.integer({ min: 200, max: 3_000 }) })
);

function mutateLines(text: string, m: LineMutation): string {
    const lines = text.split('\n');
    const i = m.line % lines.length;
    const line = lines[i]!;
    switch (m.kind) {
        case 'delete':
            lines.splice(i, 1);
            break;
        case 'duplicate':
            lines.splice(i, 0, line);
            break;
        case 'truncate':
            lines.length = i;
            break;
        case 'swap': {
            const j = m.other % lines.length;
            [lines[i], lines[j]] = [lines[j]!, line];
            break;
        }
        case 'insert': {
            const at = m.at % (line.length + 1);
            lines[i] = line.slice(0, at) + m.text + line.slice(at);
            break;
        }
        case 'stretch': {
            // Repeat a short piece of the line many times: spaces, pipes, dashes, digits.
            const at = m.at % (line.length + 1);
            const piece = line.slice(at, at + m.length) || ' ';
            lines[i] = line.slice(0, at) + piece.repeat(m.times) + line.slice(at);
            break;
        }
    }
    return lines.join('\n');
}

const mutatedCard = fc
    .record({ card: fc.constantFrom(...CARDS), mutations: fc.array(lineMutation, { minLength: 1, maxLength: 4 }) })
    .map(({ card, mutations }) => mutations.reduce(mutateLines, card));

/** Every card line shape, each stretched at every position by its own characters. */
function stretchedLines(): string[] {
    const out: string[] = [];
    for (const card of CARDS.slice(0, 3)) {
        const lines = card.split(/\r?\n/).filter((line) => line.trim().length > 0);
        for (const line of lines.slice(0, 30)) {
            const shortened = line.slice(0, 60);
            for (let at = 0; at < shortened.length; at += 7) {
                out.push(shortened.slice(0, at) + shortened.charAt(at).repeat(5_000) + shortened.slice(at));
                out.push(`${shortened.slice(0, at)}${' '.repeat(5_000)}x`);
            }
        }
    }
    return out;
}

describe('fuzz: the card importer', () => {
    test('random text is rejected with located errors, never a throw', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(fc.asyncProperty(randomText, expectWellBehaved), fuzzParameters(100));
    });

    test('line mutations of the card fixtures: rejected with located errors or imported as a valid model', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(fc.asyncProperty(mutatedCard, expectWellBehaved), fuzzParameters(80));
    });

    test('no card line, stretched to thousands of characters, makes the importer backtrack', { timeout: fuzzTimeout() }, () => {
        for (const line of stretchedLines()) {
            // Alone, and as the factor row or the title where the parser looks hardest.
            parseTimed(line);
            parseTimed(`X — agentic threat model\nsummary\nOWASP AIVSS score rationale\n${line}\n`);
        }
    });

    test('a card the exporter writes for an example agent imports again', async () => {
        const text = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');
        const { document } = await analyse(text, { features: false, exports: false, keep: true });
        for (const agent of document.parseResult.value.agents) {
            await expectWellBehaved(exportCard(agent).text);
            expect(parseCard(exportCard(agent).text).ok).toBe(true);
        }
    });
});
