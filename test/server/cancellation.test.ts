import type { LangiumDocument } from 'langium';
import { isOperationCancelled } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CancellationToken } from 'vscode-languageserver';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver';
import { generateModel } from '../../bench/model-generator.js';
import { DEFAULT_CONFIG } from '../../language/config/atm-config.js';
import { parse, seed, services, shared } from './hover-helpers.js';

afterEach(() => clearDocuments(shared));

/** Enough agents that every provider below loops more than once. */
const model = generateModel({ lines: 1_500, seed: 7 });

function cancelled(): CancellationToken {
    const source = new CancellationTokenSource();
    source.cancel();
    return source.token;
}

/** A token that reports cancellation from its `reads`-th check on: cancelled half-way through a loop. */
function cancelledAfter(reads: number, onCancel: () => void = () => undefined): CancellationToken {
    let seen = 0;
    return {
        get isCancellationRequested(): boolean {
            if (++seen === reads) onCancel();
            return seen >= reads;
        },
        onCancellationRequested: new Emitter<void>().event
    };
}

async function rejection(work: () => unknown): Promise<unknown> {
    try {
        await work();
    } catch (error) {
        return error;
    }
    return undefined;
}

async function expectCancelled(work: () => unknown): Promise<void> {
    const error = await rejection(work);
    expect(isOperationCancelled(error), `expected OperationCancelled, got ${String(error)}`).toBe(true);
}

function params(document: LangiumDocument): { textDocument: { uri: string } } {
    return { textDocument: { uri: document.uri.toString() } };
}

describe('a request whose token is cancelled is answered RequestCancelled, not with a result', () => {
    test('code lenses; a later request still gets every lens (no cached partial list)', async () => {
        const document = await parse(model.text);
        const provider = services.lsp.CodeLensProvider!;
        await expectCancelled(() => provider.provideCodeLens(document, params(document), cancelled()));
        await expectCancelled(() => provider.provideCodeLens(document, params(document), cancelledAfter(3)));
        const lenses = (await provider.provideCodeLens(document, params(document)))!;
        expect(lenses).toHaveLength(model.agents + model.threats);
    });

    test('document symbols', async () => {
        const document = await parse(model.text);
        await expectCancelled(() => services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document), cancelledAfter(3)));
        expect(await services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document))).toHaveLength(model.agents);
    });

    test('folding ranges, in the statements and in the comment pass', async () => {
        const document = await parse(model.text);
        const folding = services.lsp.FoldingRangeProvider!;
        await expectCancelled(() => folding.getFoldingRanges(document, params(document), cancelledAfter(3)));
        // Past every statement: cancelled while the comments are scanned.
        await expectCancelled(() => folding.getFoldingRanges(document, params(document), cancelledAfter(model.agents + 2)));
        expect((await folding.getFoldingRanges(document, params(document))).length).toBeGreaterThan(model.agents);
    });

    test('semantic tokens (Langium checks per node)', async () => {
        const document = await parse(seed);
        await expectCancelled(() => services.lsp.SemanticTokenProvider!.semanticHighlight(document, params(document), cancelled()));
    });

    test('formatting, checked before the synchronous pass', async () => {
        const document = await parse(seed);
        const options = { tabSize: 4, insertSpaces: true };
        const formatter = services.lsp.Formatter!;
        await expectCancelled(() => formatter.formatDocument(document, { ...params(document), options }, cancelled()));
        const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
        await expectCancelled(() => formatter.formatDocumentRange(document, { ...params(document), options, range }, cancelled()));
        expect(await formatter.formatDocument(document, { ...params(document), options })).toEqual([]);
    });
});

describe('cancellable scoring leaves no poisoned cache entry', () => {
    test('cancelled half-way, the next scoring is complete and equal to a fresh one', async () => {
        const document = await parse(model.text);
        const scorer = services.scoring.ModelScorer;
        await expectCancelled(() => scorer.scoreDocumentCancellable(document, cancelled()));
        await expectCancelled(() => scorer.scoreDocumentCancellable(document, cancelledAfter(model.agents / 2)));
        const score = scorer.scoreDocument(document);
        expect(score.agents).toHaveLength(model.agents);
        expect(score.agents.map((agent) => agent.agent)).toEqual((document.parseResult.value as { agents: unknown[] }).agents);
        // One object per version: the agents finished before the cancellation are reused.
        expect(await scorer.scoreDocumentCancellable(document, new CancellationTokenSource().token)).toBe(score);
        expect(scorer.scoreOf(score.agents[0]!.agent)).toBe(score.agents[0]);
    });

    test('a configuration change while it yielded: the result is returned, not cached', async () => {
        const document = await parse(model.text);
        const scorer = services.scoring.ModelScorer;
        const config = services.config.AtmConfig;
        // Reads 1..n are the per-agent checks; the change lands mid-way, the run completes.
        const token = cancelledAfter(Number.MAX_SAFE_INTEGER);
        let reads = 0;
        const changing: CancellationToken = {
            get isCancellationRequested(): boolean {
                if (++reads === 5) config.set({ ...DEFAULT_CONFIG, aivss: '0.5' });
                return token.isCancellationRequested;
            },
            onCancellationRequested: token.onCancellationRequested
        };
        try {
            const during = await scorer.scoreDocumentCancellable(document, changing);
            const after = scorer.scoreDocument(document);
            expect(after).not.toBe(during);
            // Scored before the change, under the old configuration: not reused.
            expect(after.agents[0]).not.toBe(during.agents[0]);
        } finally {
            config.set(DEFAULT_CONFIG);
        }
    });
});
