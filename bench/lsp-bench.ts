/**
 * Figure 3: the bundled server (out/server/main.cjs) over LSP stdio, driven by the protocol
 * tests' client (test/protocol/lsp-session.ts): open → first diagnostics, keystroke → fresh
 * diagnostics and → fresh code lenses, warm hover and code lens round trips, and the server's
 * heap with the file open. Keystrokes are incremental edits, as VS Code sends them.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientCapabilities, Position } from 'vscode-languageserver-protocol';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CodeLensRefreshRequest, CodeLensRequest, CodeLensResolveRequest, DidChangeTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspSession } from '../test/protocol/lsp-session.js';
import { probeNodeOptions } from './child-process.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface LspFigure {
    readonly lines: number;
    readonly bytes: number;
    readonly agents: number;
    readonly initializeMs: number;
    readonly openToDiagnosticsMs: Summary;
    readonly keystrokeToDiagnosticsMs: Summary;
    /** Undefined when the server binds no code lens provider. */
    readonly keystrokeToCodeLensMs?: Summary;
    readonly hoverMs?: Summary;
    readonly codeLensMs?: Summary;
    /** Resolving the lenses of one screen (VIEWPORT_LINES around the edit), in parallel as VS Code does. */
    readonly codeLensResolveMs?: Summary;
    readonly codeLensCount?: number;
    /** The code lens response as JSON text (what crosses the pipe, without the frame header). */
    readonly codeLensBytes?: number;
    /** The last of five keystrokes 30 ms apart → diagnostics: what cancellation buys. */
    readonly burstToDiagnosticsMs?: Summary;
    /**
     * Keystroke → the server's `workspace/codeLens/refresh` request, which includes the delay the
     * server adds on purpose to fold a typing burst into one refresh (reported apart from the
     * budgeted figures, which exclude it).
     */
    readonly keystrokeToLensRefreshMs?: Summary;
    readonly heapUsedBytes?: number;
    readonly rssBytes?: number;
}

export interface LspOptions {
    readonly root: string;
    readonly tmpDir: string;
    readonly keystrokes: number;
    readonly warmRequests: number;
    readonly opens: number;
    readonly bursts: number;
    readonly log: (line: string) => void;
}

/** Line and character of a UTF-16 offset (our models are ASCII, but be exact anyway). */
function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}

function middleAgentTargets(text: string): { typing: number; agentName: number; threatName: number } {
    const agents: number[] = [];
    for (let i = text.indexOf('\nagent '); i >= 0; i = text.indexOf('\nagent ', i + 1)) agents.push(i + 1);
    const agent = agents[Math.floor(agents.length / 2)] ?? 0;
    const summary = text.indexOf('summary "', agent);
    const threat = text.indexOf('threat ', agent);
    return { typing: summary + 'summary "'.length + 12, agentName: agent + 'agent '.length + 1, threatName: threat + 'threat '.length + 1 };
}

/** The lines of an editor's viewport: VS Code resolves the lenses in view, not all of them. */
const VIEWPORT_LINES = 60;

/**
 * Resolves the unresolved lenses within a viewport centred on `line`, in parallel (as VS Code's
 * code lens controller does); a server that lists complete lenses has nothing to resolve.
 */
async function resolveViewport(session: LspSession, lenses: readonly CodeLens[], line: number): Promise<void> {
    const first = line - VIEWPORT_LINES / 2;
    const visible = lenses.filter((lens) => !lens.command && lens.range.start.line >= first && lens.range.start.line < first + VIEWPORT_LINES);
    await Promise.all(visible.map((lens) => session.request(CodeLensResolveRequest.type, lens)));
}

/** What the measuring client declares: the features measured, and lens refreshes as VS Code does. */
const CAPABILITIES: ClientCapabilities = {
    textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeLens: {}
    },
    workspace: { workspaceFolders: false, codeLens: { refreshSupport: true } }
};

function refreshSupported(session: LspSession): boolean {
    return session.initializeResult.capabilities.codeLensProvider !== undefined;
}

async function withProbe<T>(root: string, probeFile: string, start: () => Promise<T>): Promise<T> {
    const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, ATM_BENCH_PROBE: process.env.ATM_BENCH_PROBE };
    process.env.NODE_OPTIONS = probeNodeOptions(root);
    process.env.ATM_BENCH_PROBE = probeFile;
    try {
        return await start();
    } finally {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
    }
}

async function readHeap(session: LspSession, probeFile: string): Promise<{ heapUsedBytes: number; rssBytes: number } | undefined> {
    const heapFile = `${probeFile}.heap`;
    rmSync(heapFile, { force: true });
    session.process.kill('SIGUSR2');
    for (let waited = 0; waited < 5000; waited += 20) {
        if (existsSync(heapFile)) {
            try {
                return JSON.parse(readFileSync(heapFile, 'utf8')) as { heapUsedBytes: number; rssBytes: number };
            } catch {
                // Half written: read again.
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
}

export async function measureLsp(options: LspOptions, text: string, lines: number, agents: number): Promise<LspFigure> {
    const probeFile = join(options.tmpDir, `lsp-probe-${process.pid}-${lines}.json`);
    const started = performance.now();
    const session = await withProbe(options.root, probeFile, () => LspSession.start({ timeoutMs: 120_000, capabilities: CAPABILITIES }));
    // VS Code answers the server's refresh requests; so does this client, and times them.
    let refreshes = 0;
    let lastRefresh = 0;
    session.connection.onRequest(CodeLensRefreshRequest.type, (): void => {
        refreshes++;
        lastRefresh = performance.now();
    });
    const initializeMs = performance.now() - started;
    try {
        const capabilities = session.initializeResult.capabilities;
        const hasLens = capabilities.codeLensProvider !== undefined;
        const hasHover = capabilities.hoverProvider !== undefined && capabilities.hoverProvider !== false;

        // Open → first diagnostics, on fresh URIs (each open is a new document); keep the last.
        const opens: number[] = [];
        let uri = '';
        for (let i = 0; i < options.opens; i++) {
            if (uri) await session.close(uri);
            uri = `file:///bench/model-${lines}-${i}.tm`;
            const t0 = performance.now();
            await session.open(uri, text);
            await session.waitForDiagnostics(uri);
            opens.push(performance.now() - t0);
        }

        const targets = middleAgentTargets(text);
        const typingLine = positionAt(text, targets.typing).line;
        let version = 1;
        let typed = 0; // characters currently inserted at the typing position
        let strokes = 0;
        const keystroke = async (): Promise<void> => {
            // Type a six-letter word, then backspace it: every edit is one character.
            const inserting = strokes++ % 12 < 6;
            const at = positionAt(text, targets.typing);
            const start = { line: at.line, character: at.character + (inserting ? typed : typed - 1) };
            const end = inserting ? start : { line: start.line, character: start.character + 1 };
            typed += inserting ? 1 : -1;
            await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: ++version },
                contentChanges: [{ range: { start, end }, text: inserting ? 'x' : '' }]
            });
        };

        const toDiagnostics: number[] = [];
        const toLens: number[] = [];
        for (let k = 0; k < options.keystrokes; k++) {
            const since = session.diagnosticCount(uri);
            const t0 = performance.now();
            await keystroke();
            if (hasLens && k % 2 === 1) {
                // Fresh lenses are those the user sees: the list, then the viewport resolved.
                const listed = await session.request(CodeLensRequest.type, { textDocument: { uri } });
                await resolveViewport(session, listed ?? [], typingLine);
                toLens.push(performance.now() - t0);
                await session.waitForDiagnostics(uri, { since });
            } else {
                await session.waitForDiagnostics(uri, { since });
                toDiagnostics.push(performance.now() - t0);
            }
        }

        const toRefresh: number[] = [];
        for (let r = 0; r < Math.min(5, options.keystrokes) && refreshSupported(session); r++) {
            await new Promise((resolve) => setTimeout(resolve, 400)); // let earlier refreshes fire
            const seen = refreshes;
            const t0 = performance.now();
            await keystroke();
            for (let waited = 0; refreshes === seen && waited < 30_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
            if (refreshes > seen) toRefresh.push(lastRefresh - t0);
        }

        const bursts: number[] = [];
        for (let b = 0; b < options.bursts; b++) {
            for (let k = 0; k < 4; k++) {
                await keystroke();
                await new Promise((resolve) => setTimeout(resolve, 30));
            }
            const t0 = performance.now();
            await keystroke();
            // Builds cancelled by a newer edit publish nothing, so the first diagnostics counted
            // from here are those of the final text (at worst, of a build that was publishing
            // as the last keystroke left).
            await session.waitForDiagnostics(uri, { since: session.diagnosticCount(uri) });
            bursts.push(performance.now() - t0);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }

        const hovers: number[] = [];
        if (hasHover) {
            for (let i = 0; i < options.warmRequests; i++) {
                const offset = i % 2 === 0 ? targets.agentName : targets.threatName;
                const t0 = performance.now();
                await session.request(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) });
                hovers.push(performance.now() - t0);
            }
        }
        const lenses: number[] = [];
        const resolves: number[] = [];
        let codeLensCount: number | undefined;
        let codeLensBytes: number | undefined;
        if (hasLens) {
            for (let i = 0; i < options.warmRequests; i++) {
                const t0 = performance.now();
                const result = await session.request(CodeLensRequest.type, { textDocument: { uri } });
                lenses.push(performance.now() - t0);
                codeLensCount = result?.length ?? 0;
                codeLensBytes = Buffer.byteLength(JSON.stringify(result));
                const t1 = performance.now();
                await resolveViewport(session, result ?? [], typingLine);
                resolves.push(performance.now() - t1);
            }
        }
        const heap = await readHeap(session, probeFile);
        const figure: LspFigure = {
            lines,
            bytes: Buffer.byteLength(text),
            agents,
            initializeMs,
            openToDiagnosticsMs: summarize(opens),
            keystrokeToDiagnosticsMs: summarize(toDiagnostics),
            ...(hasLens ? { keystrokeToCodeLensMs: summarize(toLens), codeLensMs: summarize(lenses), codeLensResolveMs: summarize(resolves), codeLensCount, codeLensBytes } : {}),
            ...(hasHover ? { hoverMs: summarize(hovers) } : {}),
            ...(bursts.length > 0 ? { burstToDiagnosticsMs: summarize(bursts) } : {}),
            ...(toRefresh.length > 0 ? { keystrokeToLensRefreshMs: summarize(toRefresh) } : {}),
            ...(heap ? { heapUsedBytes: heap.heapUsedBytes, rssBytes: heap.rssBytes } : {})
        };
        options.log(
            `  lsp ${lines} lines: open ${figure.openToDiagnosticsMs.median.toFixed(0)} ms, keystroke→diagnostics ` +
                `p50 ${figure.keystrokeToDiagnosticsMs.median.toFixed(0)} / p95 ${figure.keystrokeToDiagnosticsMs.p95.toFixed(0)} ms`
        );
        return figure;
    } finally {
        await session.dispose();
        rmSync(probeFile, { force: true });
        rmSync(`${probeFile}.heap`, { force: true });
    }
}

export interface StartupFigure {
    /** Spawning `node out/server/main.cjs --stdio` until the InitializeResult arrives. */
    readonly initializeMs: Summary;
    /** … until the first diagnostics of a small model (parser built, first document checked). */
    readonly readyMs: Summary;
}

/** Server cold start, on fresh processes, with a small model (the seed card). */
export async function measureStartup(smallModel: string, reps: number): Promise<StartupFigure> {
    const initialize: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        const session = await LspSession.start();
        initialize.push(performance.now() - t0);
        try {
            const uri = 'file:///bench/seed.tm';
            await session.open(uri, smallModel);
            await session.waitForDiagnostics(uri);
            ready.push(performance.now() - t0);
        } finally {
            await session.dispose();
        }
    }
    return { initializeMs: summarize(initialize), readyMs: summarize(ready) };
}
