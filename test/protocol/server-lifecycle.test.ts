import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import {
    DiagnosticSeverity,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    FoldingRangeRequest,
    LogMessageNotification,
    SemanticTokensRequest,
    TextDocumentSyncKind
} from 'vscode-languageserver-protocol/node';
import { LspSession, pathToUri } from './lsp-session.js';

const examplePath = fileURLToPath(new URL('../fixtures/example.tm', import.meta.url));
const exampleUri = pathToUri(examplePath);
const example = readFileSync(examplePath, 'utf8');

let session: LspSession;

beforeAll(async () => {
    session = await LspSession.start();
});

afterAll(async () => {
    await session?.dispose();
});

describe('the bundled server over stdio', () => {
    test('initialize advertises the features the server implements', () => {
        const capabilities = session.initializeResult.capabilities;
        expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
        expect(capabilities).toMatchObject({
            documentSymbolProvider: true,
            foldingRangeProvider: true,
            documentFormattingProvider: true,
            documentRangeFormattingProvider: true,
            definitionProvider: true,
            referencesProvider: true,
            documentHighlightProvider: true,
            renameProvider: { prepareProvider: true },
            workspaceSymbolProvider: expect.anything()
        });
        expect(capabilities.semanticTokensProvider).toMatchObject({ full: expect.anything(), range: true });
        expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toEqual(
            expect.arrayContaining(['class', 'event', 'function', 'namespace', 'property', 'enumMember', 'number'])
        );
    });

    test('the seed card gets diagnostics without errors or warnings', async () => {
        await session.open(exampleUri, example);
        const published = await session.waitForDiagnostics(exampleUri);
        const serious = published.diagnostics.filter(
            (d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning
        );
        expect(serious).toEqual([]);
    });

    test('documentSymbol returns the outline of the seed card', async () => {
        const symbols = (await session.request(DocumentSymbolRequest.type, { textDocument: { uri: exampleUri } })) as DocumentSymbol[];
        expect(symbols.map((s) => s.name)).toEqual(['Wan22S2V']);
        expect(symbols[0]!.children!.map((s) => s.name)).toEqual(['factors', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'UploadSandbox']);
        const l4 = symbols[0]!.children!.find((s) => s.name === 'L4')!;
        expect(l4.children!.map((s) => s.name)).toEqual(['RenderDoS', 'UploadParsing']);
    });

    test('formatting the seed card returns no edits', async () => {
        const edits = await session.request(DocumentFormattingRequest.type, {
            textDocument: { uri: exampleUri },
            options: { tabSize: 4, insertSpaces: true }
        });
        expect(edits ?? []).toEqual([]);
    });

    test('folding ranges and semantic tokens are served', async () => {
        const foldings = await session.request(FoldingRangeRequest.type, { textDocument: { uri: exampleUri } });
        expect(foldings?.length).toBeGreaterThan(5);
        const tokens = await session.request(SemanticTokensRequest.type, { textDocument: { uri: exampleUri } });
        // Five integers per token; the seed card has dozens of names, keys and numbers.
        expect(tokens?.data.length).toBeGreaterThan(5 * 40);
    });

    test('a broken file gets syntax-error diagnostics with ranges, and a fix clears them', async () => {
        const uri = 'file:///protocol-test/broken.tm';
        await session.open(uri, 'agent A {\n    summary\n    layer L1\n');
        const broken = await session.waitForDiagnostics(uri);
        const errors = broken.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
        expect(errors.length).toBeGreaterThan(0);
        // `summary` wants a string; the parser meets `layer` on line 3 (0-based line 2).
        expect(errors[0]).toMatchObject({
            code: 'syntax-error',
            range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }
        });
        // The missing `}` is reported at the end of the text.
        expect(errors.at(-1)).toMatchObject({ code: 'syntax-error', range: { start: { line: 2, character: 12 } } });

        const since = session.diagnosticCount(uri);
        await session.change(uri, 'agent A {\n    summary "s"\n    layer L1\n}\n');
        const fixed = await session.waitForDiagnostics(uri, { since });
        expect(fixed.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
        await session.close(uri);
    });

    test('an unsaved (untitled) document is analysed too', async () => {
        const uri = 'untitled:Untitled-1';
        await session.open(uri, 'agent A {\n    summary\n}\n');
        const published = await session.waitForDiagnostics(uri);
        expect(published.diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
        await session.close(uri);
    });

    test('shutdown and exit end the process with code 0', async () => {
        const code = await session.dispose();
        expect(code).toBe(0);
    });
});

describe('robustness', () => {
    test('a client that refuses an optional request does not bring the server down', async () => {
        // It claims dynamic registration but answers `client/registerCapability` with an error.
        const logged: string[] = [];
        const refusing = await LspSession.start({
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
            settings: {},
            // The server's console goes to `window/logMessage` over the connection.
            beforeInitialize: (connection) => connection.onNotification(LogMessageNotification.type, (params) => {
                logged.push(params.message);
            })
        });
        try {
            await refusing.open('file:///refusing/a.tm', 'agent A {}\n');
            await refusing.waitForDiagnostics('file:///refusing/a.tm');
            const symbols = await refusing.request(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///refusing/a.tm' } });
            expect(symbols?.map((s) => s.name)).toEqual(['A']);
            expect(logged.join('\n')).toContain('Unhandled rejection in the language server');
        } finally {
            expect(await refusing.dispose()).toBe(0);
        }
    });
});

describe('the LspSession helper', () => {
    test('answers workspace/configuration from the settings it was given', async () => {
        let early = 0;
        const withSettings = await LspSession.start({
            settings: { 'threat-model': { codeLens: { enabled: false } } },
            // Registered before `initialize`, so nothing the server sends while starting is lost.
            beforeInitialize: (connection) => {
                connection.onNotification('window/logMessage', () => {
                    early++;
                });
            }
        });
        try {
            // Langium fetches its language's section once the client says `initialized`.
            const deadline = Date.now() + 5_000;
            while (withSettings.configurationRequests.length === 0 && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
            expect(withSettings.configurationRequests.flat()).toContain('threat-model');
            expect(early).toBeGreaterThanOrEqual(0);
        } finally {
            const code = await withSettings.dispose();
            expect(code, withSettings.stderr).toBe(0);
        }
    });
});
