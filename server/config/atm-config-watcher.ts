/**
 * Keeps `atm.config.json` live in the server: read from the workspace root when the client
 * says `initialized`, re-read when the client reports the file changed, created or deleted.
 * A changed configuration re-validates the open documents (severities, default AIVSS
 * version, rounding) and empties the score cache; problems in the file are shown once.
 */
import type { DocumentBuilder, FileSystemProvider, LangiumDocuments, WorkspaceLock } from 'langium';
import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { AtmConfig, ConfigProblem } from '../../language/config/atm-config.js';
import { ATM_CONFIG_FILE, DEFAULT_CONFIG, parseAtmConfig } from '../../language/config/atm-config.js';
import type { AtmConfigProvider } from '../../language/config/atm-config-provider.js';

export class AtmConfigWatcher {
    protected readonly shared: LangiumSharedServices;
    protected readonly config: AtmConfigProvider;
    protected readonly fileSystem: FileSystemProvider;
    protected readonly documents: LangiumDocuments;
    protected readonly builder: DocumentBuilder;
    protected readonly lock: WorkspaceLock;
    /** Reloads run one after another, so an older read never overwrites a newer one. */
    protected pending: Promise<void> = Promise.resolve();
    protected shownProblems = '';

    constructor(services: { shared: LangiumSharedServices; config: { AtmConfig: AtmConfigProvider } }) {
        this.shared = services.shared;
        this.config = services.config.AtmConfig;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.builder = services.shared.workspace.DocumentBuilder;
        this.lock = services.shared.workspace.WorkspaceLock;
        if (!services.shared.lsp.Connection) return;
        services.shared.lsp.LanguageServer.onInitialized(() => void this.reload());
        services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange((params) => {
            const target = this.configUri()?.toString();
            if (target && params.changes.some((change) => URI.parse(change.uri).toString() === target)) {
                void this.reload();
            }
        });
    }

    /** `<first workspace folder>/atm.config.json`; only a `file:` root, never a path outside it. */
    configUri(): URI | undefined {
        const folder = this.shared.workspace.WorkspaceManager.workspaceFolders?.[0];
        if (!folder) return undefined;
        const root = URI.parse(folder.uri);
        return root.scheme === 'file' ? UriUtils.joinPath(root, ATM_CONFIG_FILE) : undefined;
    }

    reload(): Promise<void> {
        this.pending = this.pending.then(() => this.load()).catch((error: unknown) => {
            console.error(`Reading ${ATM_CONFIG_FILE} failed:`, error);
        });
        return this.pending;
    }

    protected async load(): Promise<void> {
        const uri = this.configUri();
        const { config, problems } = uri ? await this.read(uri) : { config: DEFAULT_CONFIG, problems: [] };
        this.report(problems);
        if (JSON.stringify(config) === JSON.stringify(this.config.get())) return;
        await this.lock.write(async (token) => {
            this.config.set(config);
            // Open documents are the ones with diagnostics on screen; rebuilding them re-runs
            // validation with the new severities. Other documents rescore lazily (the score
            // cache was emptied by `set`).
            const open = this.documents.all
                .filter((document) => this.shared.workspace.TextDocuments?.get(document.uri) !== undefined)
                .map((document) => document.uri)
                .toArray();
            await this.builder.update(open, [], token);
        });
    }

    protected async read(uri: URI): Promise<{ config: AtmConfig; problems: ConfigProblem[] }> {
        if (!(await this.fileSystem.exists(uri))) return { config: DEFAULT_CONFIG, problems: [] };
        return parseAtmConfig(await this.fileSystem.readFile(uri));
    }

    /** Shows the problems of the file once; a fixed file clears the memory, so a regression shows again. */
    protected report(problems: readonly ConfigProblem[]): void {
        const summary = problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; ');
        if (summary === this.shownProblems) return;
        this.shownProblems = summary;
        if (!summary) return;
        // A notification, not `window.showWarningMessage` (a request that would wait for a click).
        this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `${ATM_CONFIG_FILE}: ${summary} (ignored; the rest of the file applies)`
        }).catch((error: unknown) => console.error(`Showing the ${ATM_CONFIG_FILE} problems failed:`, error));
    }
}
