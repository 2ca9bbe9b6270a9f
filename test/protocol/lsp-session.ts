import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
    ClientCapabilities,
    InitializeResult,
    ProtocolConnection,
    ProtocolRequestType,
    PublishDiagnosticsParams,
    RequestParam,
    RequestType
} from 'vscode-languageserver-protocol/node';
import {
    ConfigurationRequest,
    createProtocolConnection,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

/** The bundle `npm test` builds first (`pretest`); the tests drive exactly what ships. */
export const SERVER_BUNDLE = fileURLToPath(new URL('../../out/server/main.cjs', import.meta.url));

const DEFAULT_TIMEOUT_MS = 10_000;

/** What a test client declares: the features these tests exercise, nothing that needs answers. */
const DEFAULT_CAPABILITIES: ClientCapabilities = {
    textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeLens: {},
        formatting: {},
        foldingRange: {},
        semanticTokens: {
            requests: { full: true, range: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative']
        }
    },
    // No `workspace.configuration`: the server then never asks the test for settings.
    workspace: { workspaceFolders: false }
};

export interface LspSessionOptions {
    /** Workspace root (a folder path) or none. */
    readonly rootPath?: string;
    readonly capabilities?: ClientCapabilities;
    readonly timeoutMs?: number;
    /**
     * Settings by section (`{ 'threat-model': { codeLens: { enabled: false } } }`): the session
     * then declares `workspace.configuration` and answers the server's `workspace/configuration`
     * requests from them.
     */
    readonly settings?: Record<string, unknown>;
    /**
     * Registers handlers before `initialize`, for what the server may send while it starts
     * (requests such as `workspace/codeLens/refresh`, notifications such as `window/showMessage`).
     */
    readonly beforeInitialize?: (connection: ProtocolConnection) => void;
}

/**
 * A real language server process (`node out/server/main.cjs --stdio`) and an LSP connection to
 * it, for protocol tests. Every wait has a timeout whose message includes the server's stderr;
 * `dispose()` shuts the server down politely and kills it if it does not exit. Use one session
 * per test file: `beforeAll(() => session = await LspSession.start())`,
 * `afterAll(() => session.dispose())`.
 */
export class LspSession {
    /** The sections of every `workspace/configuration` request answered from `settings`. */
    readonly configurationRequests: Array<Array<string | undefined>> = [];
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
    private readonly diagnosticWaiters: Array<() => void> = [];
    private stderrText = '';
    private exited = false;
    private readonly versions = new Map<string, number>();

    private constructor(
        readonly process: ChildProcessWithoutNullStreams,
        readonly connection: ProtocolConnection,
        readonly timeoutMs: number,
        public initializeResult: InitializeResult
    ) {
        process.stderr.on('data', (chunk: Buffer) => {
            // Keep the tail only: enough to explain a failure, bounded for a chatty server.
            this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-8_000);
        });
        process.on('exit', () => {
            this.exited = true;
            this.notifyDiagnosticWaiters();
        });
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
            const list = this.diagnostics.get(params.uri) ?? [];
            list.push(params);
            this.diagnostics.set(params.uri, list);
            this.notifyDiagnosticWaiters();
        });
    }

    /** Spawns the server and completes `initialize` / `initialized`. */
    static async start(options: LspSessionOptions = {}): Promise<LspSession> {
        assertBundleFresh();
        const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const session = new LspSession(child, connection, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, { capabilities: {} });
        let capabilities = options.capabilities ?? DEFAULT_CAPABILITIES;
        const settings = options.settings;
        if (settings) {
            capabilities = { ...capabilities, workspace: { ...capabilities.workspace, configuration: true } };
            connection.onRequest(ConfigurationRequest.type, (params) => {
                session.configurationRequests.push(params.items.map((item) => item.section));
                return params.items.map((item) => (item.section ? settings[item.section] : settings) ?? null);
            });
        }
        options.beforeInitialize?.(connection);
        connection.listen();
        try {
            const rootUri = options.rootPath ? pathToUri(options.rootPath) : null;
            session.initializeResult = await session.request(InitializeRequest.type, {
                // The server exits by itself if this process dies, so no orphan survives a crash.
                processId: process.pid,
                rootUri,
                workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
                capabilities
            });
            await connection.sendNotification(InitializedNotification.type, {});
        } catch (error) {
            await session.dispose();
            throw error;
        }
        return session;
    }

    /** Sends a request (LSP or custom) and fails after the session's timeout, with the server's stderr. */
    request<P, R, PR, E, RO>(type: ProtocolRequestType<P, R, PR, E, RO>, params: RequestParam<P>): Promise<R>;
    request<P, R, E>(type: RequestType<P, R, E>, params: RequestParam<P>): Promise<R>;
    request<P, R>(type: { readonly method: string }, params: RequestParam<P>): Promise<R> {
        return this.withTimeout(this.connection.sendRequest<R>(type.method, params), `request ${type.method}`);
    }

    async open(uri: string, text: string, languageId = 'threat-model'): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId, version: 1, text }
        });
    }

    /** Replaces the whole text of an open document. */
    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ text }]
        });
    }

    async close(uri: string): Promise<void> {
        this.versions.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /**
     * The first diagnostics for `uri` published after `since` (a count from `diagnosticCount`)
     * that satisfy `accept`. Take the count before the change that should cause them.
     */
    async waitForDiagnostics(
        uri: string,
        options: { since?: number; accept?: (params: PublishDiagnosticsParams) => boolean } = {}
    ): Promise<PublishDiagnosticsParams> {
        const since = options.since ?? 0;
        const accept = options.accept ?? (() => true);
        const found = (): PublishDiagnosticsParams | undefined => (this.diagnostics.get(uri) ?? []).slice(since).find(accept);
        const waiting = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
            const check = (): boolean => {
                const result = found();
                if (result) {
                    resolve(result);
                    return true;
                }
                if (this.exited) {
                    reject(new Error(`the server exited while waiting for diagnostics of ${uri}${this.stderrTail()}`));
                    return true;
                }
                return false;
            };
            if (!check()) {
                const waiter = (): void => {
                    if (check()) {
                        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
                    }
                };
                this.diagnosticWaiters.push(waiter);
            }
        });
        return this.withTimeout(waiting, `diagnostics for ${uri}`);
    }

    /** How many diagnostics notifications `uri` has received so far. */
    diagnosticCount(uri: string): number {
        return this.diagnostics.get(uri)?.length ?? 0;
    }

    get stderr(): string {
        return this.stderrText;
    }

    /** `shutdown` then `exit`; resolves with the exit code, or kills a server that hangs. */
    async dispose(): Promise<number | null> {
        const exit = new Promise<number | null>((resolve) => {
            if (this.process.exitCode !== null || this.process.signalCode !== null) {
                resolve(this.process.exitCode);
            } else {
                this.process.once('exit', (code) => resolve(code));
            }
        });
        if (!this.exited) {
            try {
                await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 3_000);
                await this.connection.sendNotification(ExitNotification.type);
            } catch {
                // Unresponsive: the kill below ends it.
            }
        }
        const timer = setTimeout(() => this.process.kill('SIGKILL'), 3_000);
        const code = await exit;
        clearTimeout(timer);
        this.connection.dispose();
        return code;
    }

    private notifyDiagnosticWaiters(): void {
        for (const waiter of [...this.diagnosticWaiters]) {
            waiter();
        }
    }

    private withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = this.timeoutMs): Promise<T> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderrTail()}`)), timeoutMs);
        });
        return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
    }

    private stderrTail(): string {
        return this.stderrText ? `\nserver stderr:\n${this.stderrText}` : '';
    }
}

/**
 * Fails fast on a missing or stale bundle: a protocol test run with `npx vitest` after an edit
 * would otherwise test yesterday's server and pass or fail for the wrong reason. esbuild.mjs
 * records a hash of every source it bundled (`main.inputs.json`); a source whose content differs
 * makes the bundle stale, unless it was saved after this test process started (someone is
 * editing during the run, which is not what the run set out to test). Under `npm test` the check
 * is skipped: its `pretest` has just built the bundle.
 */
function assertBundleFresh(): void {
    if (process.env['npm_lifecycle_event'] === 'test') {
        // `npm test` built the bundle in `pretest` moments ago; a source that differs now was
        // saved during the run by someone else, and failing this run for it helps nobody.
        return;
    }
    const rebuild = 'run `node esbuild.mjs server` (npm test does it in pretest)';
    const inputsFile = SERVER_BUNDLE.replace(/\.cjs$/, '.inputs.json');
    if (!existsSync(SERVER_BUNDLE) || !existsSync(inputsFile)) {
        throw new Error(`${SERVER_BUNDLE} or its inputs record is missing: ${rebuild}`);
    }
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const started = Date.now() - process.uptime() * 1000;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Record<string, string>;
    const stale = Object.entries(inputs).find(([path, hash]) => {
        const file = join(root, path);
        if (!existsSync(file)) {
            return true;
        }
        const changed = createHash('sha256').update(readFileSync(file)).digest('hex') !== hash;
        return changed && statSync(file).mtimeMs < started;
    });
    if (stale) {
        throw new Error(`${SERVER_BUNDLE} was built from another version of ${stale[0]}: ${rebuild}`);
    }
}

/** A `file://` URI for a path, as VS Code would send it. */
export function pathToUri(path: string): string {
    return pathToFileURL(path).href;
}
