/**
 * Runs one text through everything the extension does with a `.tm` file, the way the server
 * and the CLI do it: parse, link, validate, score, every LSP feature at a set of positions,
 * every report and the card export. Anything that throws, logs an error, or returns something
 * out of contract (a diagnostic outside the text, a score outside 0–10, a SARIF log that is not
 * JSON) fails with a message that names the feature.
 */
import type { LangiumDocument } from 'langium';
import { Cancellation, EmptyFileSystem, URI } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { exportCard } from '../../language/card/card-export.js';
import type { Model } from '../../language/generated/ast.js';
import { renderHtmlReport } from '../../language/report/html-report.js';
import { renderMarkdownReport } from '../../language/report/markdown-report.js';
import type { ReportFile } from '../../language/report/report-types.js';
import { renderSarif } from '../../language/report/sarif-report.js';
import { renderScoreJson } from '../../language/report/score-json.js';
import type { FindingScore, ModelScore } from '../../language/scoring/score-types.js';
import { isDiagnosticCode } from '../../language/validation/diagnostic-codes.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

export const lspServices = createThreatModelLspServices(EmptyFileSystem);
export const services = lspServices.ThreatModel;

let counter = 0;

export interface Analysis {
    readonly document: LangiumDocument<Model>;
    readonly diagnostics: readonly Diagnostic[];
    readonly score: ModelScore;
}

export interface AnalyseOptions {
    /** Offsets (clamped to the text) at which the position-based features are asked. */
    readonly offsets?: readonly number[];
    /** Skip the LSP features (extreme-input tests time parsing and validation alone). */
    readonly features?: boolean;
    /** Skip the reports and the card export. */
    readonly exports?: boolean;
    /** Keep the document in the workspace (the caller disposes it with `forget`). */
    readonly keep?: boolean;
}

/**
 * Analyses `text` and returns what the editor would show. Throws on the first broken contract.
 * Errors that Langium catches and only logs (a validation check that threw) are caught here
 * through `console.error` and turned into failures.
 */
export async function analyse(text: string, options: AnalyseOptions = {}): Promise<Analysis> {
    const logged: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? arg.stack ?? arg.message : String(arg))).join(' '));
    };
    const uri = URI.parse(`file:///fuzz/model-${++counter}.tm`);
    const { shared } = lspServices;
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        throwIfLogged(logged);
        const diagnostics = document.diagnostics ?? [];
        checkDiagnostics(document, diagnostics);
        const score = services.scoring.ModelScorer.scoreDocument(document);
        checkScore(score);
        if (options.features !== false) {
            await exerciseFeatures(document, diagnostics, options.offsets ?? defaultOffsets(text));
        }
        if (options.exports !== false) {
            exerciseExports(document, diagnostics, score);
        }
        throwIfLogged(logged);
        return { document, diagnostics, score };
    } finally {
        console.error = originalError;
        if (!options.keep) {
            await forget(document);
        }
    }
}

function throwIfLogged(logged: readonly string[]): void {
    if (logged.length > 0) {
        throw new Error(`an error was logged while analysing the text:\n${logged.join('\n')}`);
    }
}

/** Removes a document from the shared workspace so that names never leak between runs. */
export async function forget(document: LangiumDocument): Promise<void> {
    await lspServices.shared.workspace.DocumentBuilder.update([], [document.uri]);
}

function defaultOffsets(text: string): number[] {
    const n = text.length;
    return [0, 1, Math.floor(n / 3), Math.floor(n / 2), Math.floor((2 * n) / 3), n - 1, n];
}

function checkDiagnostics(document: LangiumDocument, diagnostics: readonly Diagnostic[]): void {
    const lineCount = document.textDocument.lineCount;
    for (const diagnostic of diagnostics) {
        const where = `diagnostic ${JSON.stringify(diagnostic.code)} '${String(diagnostic.message).slice(0, 120)}'`;
        if (!isDiagnosticCode(diagnostic.code)) throw new Error(`${where} has no stable code`);
        if (typeof diagnostic.message !== 'string' || diagnostic.message.length === 0) throw new Error(`${where} has no message`);
        if (/error occurred/i.test(diagnostic.message)) throw new Error(`${where}: a check threw`);
        if (!isRangeIn(diagnostic.range, lineCount)) throw new Error(`${where} has a range outside the text: ${JSON.stringify(diagnostic.range)}`);
    }
}

function isRangeIn(range: Range, lineCount: number): boolean {
    const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < lineCount;
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    return ok(range.start) && ok(range.end) && ordered;
}

/** Every complete score is an integer number of tenths in 0–10, and the headline is the maximum. */
export function checkScore(score: ModelScore): void {
    for (const agent of score.agents) {
        const findings: FindingScore[] = [...(agent.own ? [agent.own] : []), ...agent.threats];
        let max = -1;
        for (const finding of findings) {
            const result = finding.result;
            if (!result) continue;
            if (!Number.isInteger(result.score10) || result.score10 < 0 || result.score10 > 100) {
                throw new Error(`score of ${finding.name} out of range: ${result.score10} tenths`);
            }
            if (result.score !== result.score10 / 10) throw new Error(`score of ${finding.name}: ${result.score} ≠ ${result.score10}/10`);
            max = Math.max(max, result.score10);
        }
        const headline = agent.headline?.result?.score10 ?? -1;
        if (headline !== max) throw new Error(`headline of ${agent.agent.name} is ${headline}, the maximum is ${max}`);
    }
}

async function exerciseFeatures(document: LangiumDocument, diagnostics: readonly Diagnostic[], offsets: readonly number[]): Promise<void> {
    const lsp = services.lsp;
    const textDocument = { uri: document.uri.toString() };
    const text = document.textDocument;
    const length = text.getText().length;
    const whole: Range = { start: text.positionAt(0), end: text.positionAt(length) };
    const formatting = { tabSize: 4, insertSpaces: true };
    const call = async (feature: string, run: () => unknown): Promise<void> => {
        try {
            await run();
        } catch (error) {
            const reason = error instanceof Error ? error.stack ?? error.message : String(error);
            throw new Error(`${feature} threw: ${reason}`);
        }
    };
    await call('documentSymbol', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await call('foldingRange', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await call('semanticTokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
    await call('semanticTokens/range', () => lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range: whole }));
    await call('codeLens', async () => {
        // Every lens resolved, as if all were in view: titles are computed at resolve time.
        const lenses = (await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument })) ?? [];
        for (const lens of lenses) await services.scoreViews.CodeLensResolver.resolve(lens, Cancellation.CancellationToken.None);
    });
    await call('inlayHint', () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: whole }));
    await call('formatting', () => lsp.Formatter?.formatDocument(document, { textDocument, options: formatting }));
    await call('codeAction/all', () =>
        lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: [...diagnostics] } })
    );
    for (const diagnostic of diagnostics.slice(0, 20)) {
        await call(`codeAction/${String(diagnostic.code)}`, () =>
            lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } })
        );
    }
    for (const raw of offsets) {
        const offset = Math.max(0, Math.min(length, raw));
        const position = text.positionAt(offset);
        const at = { textDocument, position };
        const here = `@${offset}`;
        await call(`hover${here}`, () => lsp.HoverProvider?.getHoverContent(document, at));
        await call(`completion${here}`, () => lsp.CompletionProvider?.getCompletion(document, at));
        await call(`definition${here}`, () => lsp.DefinitionProvider?.getDefinition(document, at));
        await call(`references${here}`, () => lsp.ReferencesProvider?.findReferences(document, { ...at, context: { includeDeclaration: true } }));
        await call(`highlight${here}`, () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, at));
        await call(`prepareRename${here}`, () => lsp.RenameProvider?.prepareRename(document, at));
        await call(`rename${here}`, () => lsp.RenameProvider?.rename(document, { ...at, newName: 'Renamed' }));
        await call(`signatureHelp${here}`, () => lsp.SignatureHelp?.provideSignatureHelp(document, at));
        const range: Range = { start: text.positionAt(Math.max(0, offset - 40)), end: position };
        await call(`rangeFormatting${here}`, () => lsp.Formatter?.formatDocumentRange(document, { textDocument, range, options: formatting }));
        await call(`onTypeFormatting${here}`, () => lsp.Formatter?.formatDocumentOnType(document, { ...at, ch: '}', options: formatting }));
        await call(`codeAction${here}`, () =>
            lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range, context: { diagnostics: [] } })
        );
    }
}

function exerciseExports(document: LangiumDocument<Model>, diagnostics: readonly Diagnostic[], score: ModelScore): void {
    const file: ReportFile = { path: 'fuzz/model.tm', score, diagnostics, text: document.textDocument.getText() };
    const call = <T>(what: string, run: () => T): T => {
        try {
            return run();
        } catch (error) {
            throw new Error(`${what} threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        }
    };
    call('markdown report', () => renderMarkdownReport([file]));
    call('html report', () => renderHtmlReport([file]));
    JSON.parse(call('sarif report', () => renderSarif([file], { toolVersion: '0.0.0-fuzz' })));
    JSON.parse(call('json report', () => renderScoreJson([file])));
    for (const agent of document.parseResult.value.agents ?? []) {
        call(`card export of ${agent.name}`, () => exportCard(agent, { stateThreats: true, backLink: true }));
    }
}
