import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import {
    CodeLensRefreshRequest,
    CodeLensRequest,
    CodeLensResolveRequest,
    DidChangeConfigurationNotification,
    LSPErrorCodes,
    ResponseError,
    HoverRequest,
    MarkupContent
} from 'vscode-languageserver-protocol/node';
import { LspSession, pathToUri } from './lsp-session.js';

const examplePath = fileURLToPath(new URL('../fixtures/example.tm', import.meta.url));
const exampleUri = pathToUri(examplePath);
const example = readFileSync(examplePath, 'utf8');
const withAgentCvss = example.replace('    layer L1 {', '    cvss 5.3\n\n    layer L1 {');

let session: LspSession;
let refreshes = 0;

beforeAll(async () => {
    session = await LspSession.start({
        capabilities: {
            textDocument: { hover: { contentFormat: ['markdown'] }, codeLens: {} },
            workspace: { codeLens: { refreshSupport: true } }
        },
        beforeInitialize: (connection) => connection.onRequest(CodeLensRefreshRequest.type, () => {
            refreshes++;
        })
    });
    await session.open(exampleUri, example);
    await session.waitForDiagnostics(exampleUri);
});

afterAll(async () => {
    await session?.dispose();
});

function lineOf(text: string, needle: string): number {
    return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

/** The lenses, each resolved (`codeLens/resolve`) as VS Code resolves the ones in view. */
async function lenses(): Promise<CodeLens[]> {
    const listed = (await session.request(CodeLensRequest.type, { textDocument: { uri: exampleUri } })) ?? [];
    return Promise.all(listed.map((lens) => session.request(CodeLensResolveRequest.type, lens)));
}

function titleOn(all: CodeLens[], line: number): string | undefined {
    return all.find((lens) => lens.range.start.line === line)?.command?.title;
}

/** Polls `probe` until it returns a value: a request right after a change may still see the old build. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${session.stderr ? `\n${session.stderr}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

describe('hover and code lenses over stdio', () => {
    test('initialize advertises hover and code lenses with resolve', () => {
        const capabilities = session.initializeResult.capabilities;
        expect(capabilities.hoverProvider).toBe(true);
        expect(capabilities.codeLensProvider).toEqual({ resolveProvider: true });
    });

    test('the list carries ranges and a compact handle; resolve adds the title and the breakdown command', async () => {
        const listed = (await session.request(CodeLensRequest.type, { textDocument: { uri: exampleUri } })) ?? [];
        expect(listed).toHaveLength(11);
        for (const lens of listed) expect(Object.keys(lens).sort()).toEqual(['data', 'range']);
        expect(JSON.stringify(listed[0]!.data)).not.toContain('file:');
        const [agent, threat] = await Promise.all(listed.slice(0, 2).map((lens) => session.request(CodeLensResolveRequest.type, lens)));
        expect(agent!.command).toMatchObject({ command: 'threatModel.showBreakdown', arguments: [exampleUri, 'Wan22S2V'] });
        expect(threat!.command).toMatchObject({ command: 'threatModel.showBreakdown', arguments: [exampleUri, 'Wan22S2V', 'ModelStealing'] });
        expect(threat!.range).toEqual(listed[1]!.range);
    });

    test('hovering the agent name shows the factor sum 1.3 and the score 7.8', async () => {
        const hover = await session.request(HoverRequest.type, {
            textDocument: { uri: exampleUri },
            position: { line: lineOf(example, 'agent Wan22S2V'), character: 'agent Wan'.length }
        });
        const value = hover && MarkupContent.is(hover.contents) ? hover.contents.value : '';
        expect(hover?.contents).toMatchObject({ kind: 'markdown' });
        expect(value).toContain('1.3 / 10');
        expect(value).toContain('**AIVSS 7.8 High**');
        expect(value).toContain('= 7.756765');
    });

    test('the lenses of the seed: the agent headline, ModelStealing incomplete', async () => {
        const all = await lenses();
        expect(titleOn(all, lineOf(example, 'agent Wan22S2V'))).toBe('AIVSS 7.8 High (UploadParsing) · factor sum 1.3/10 · 7/7 layers (6 uncertain)');
        expect(titleOn(all, lineOf(example, 'threat ModelStealing'))).toBe('AIVSS incomplete — no CVSS');
        expect(all[0]?.command?.command).toBe('threatModel.showBreakdown');
    });

    test('an edit adding an agent-level cvss 5.3 turns ModelStealing to 5.9 Medium, and the client is asked to refresh', async () => {
        const before = refreshes;
        await session.change(exampleUri, withAgentCvss);
        const line = lineOf(withAgentCvss, 'threat ModelStealing');
        const title = await eventually('ModelStealing at 5.9', async () => {
            const found = titleOn(await lenses(), line);
            return found === 'AIVSS 5.9 Medium' ? found : undefined;
        });
        expect(title).toBe('AIVSS 5.9 Medium');
        // Scores are ordinal: the headline stays the maximum.
        expect(titleOn(await lenses(), lineOf(withAgentCvss, 'agent Wan22S2V'))).toMatch(/^AIVSS 7\.8 High \(UploadParsing\)/);
        await eventually('a workspace/codeLens/refresh request', async () => (refreshes > before ? true : undefined));
    });

    test('a lens listed before an edit is not resolved against the new text: ContentModified', async () => {
        const stale = (await session.request(CodeLensRequest.type, { textDocument: { uri: exampleUri } }))![0]!;
        await session.change(exampleUri, `${withAgentCvss}\n// edited\n`);
        await eventually('a new list', async () => {
            const fresh = (await session.request(CodeLensRequest.type, { textDocument: { uri: exampleUri } }))![0]!;
            return JSON.stringify(fresh.data) !== JSON.stringify(stale.data) ? true : undefined;
        });
        const error = await session.request(CodeLensResolveRequest.type, stale).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.ContentModified);
    });

    test('threat-model.codeLens.enabled = false empties the lenses; true brings them back', async () => {
        const setting = (enabled: boolean): Promise<void> =>
            session.connection.sendNotification(DidChangeConfigurationNotification.type, {
                settings: { 'threat-model': { codeLens: { enabled } } }
            });
        const before = refreshes;
        await setting(false);
        await eventually('no lenses', async () => ((await lenses()).length === 0 ? true : undefined));
        await eventually('a refresh after the setting changed', async () => (refreshes > before ? true : undefined));
        await setting(true);
        await eventually('lenses again', async () => ((await lenses()).length === 11 ? true : undefined));
    });
});

test('a client whose settings say threat-model.codeLens.enabled = false gets no lenses from the start', async () => {
    const off = await LspSession.start({ settings: { 'threat-model': { codeLens: { enabled: false } } } });
    try {
        await off.open(exampleUri, example);
        await off.waitForDiagnostics(exampleUri);
        expect(await off.request(CodeLensRequest.type, { textDocument: { uri: exampleUri } })).toEqual([]);
        expect(off.configurationRequests.flat()).toContain('threat-model');
    } finally {
        await off.dispose();
    }
});
