import type { CancellationToken, Event, TextDocumentContentProvider, Uri } from 'vscode';
import { EventEmitter, Uri as VsUri, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { BreakdownParams, BreakdownResult } from '../server/breakdown-protocol.js';
import { BREAKDOWN_REQUEST } from '../server/breakdown-protocol.js';

/** Read-only virtual documents holding a breakdown's Markdown, shown by the Markdown preview. */
export const BREAKDOWN_SCHEME = 'threat-model-breakdown';

/** How long an editing burst may run before open breakdowns are re-requested. */
const REFRESH_DELAY_MS = 300;

/** `threat-model-breakdown:/Wan22S2V.UploadParsing.md?{"uri":…,"agent":…,"threat":…}`. */
export function breakdownUri(result: BreakdownResult, source: string): Uri {
    const params: BreakdownParams = { uri: source, agent: result.agent, ...(result.threat ? { threat: result.threat } : {}) };
    return VsUri.from({ scheme: BREAKDOWN_SCHEME, path: `/${result.title}.md`, query: JSON.stringify(params) });
}

/**
 * Serves breakdown documents by asking the server each time VS Code reads one, so a preview
 * re-rendered after an edit shows the new numbers. The documents name the agent and threat,
 * not a cursor position, so they stay on the same finding while the text moves.
 */
export class BreakdownContentProvider implements TextDocumentContentProvider {
    protected readonly changed = new EventEmitter<Uri>();
    readonly onDidChange: Event<Uri> = this.changed.event;
    protected timer: NodeJS.Timeout | undefined;

    constructor(protected readonly client: LanguageClient) {}

    async provideTextDocumentContent(uri: Uri, token: CancellationToken): Promise<string> {
        let params: BreakdownParams;
        try {
            params = JSON.parse(uri.query) as BreakdownParams;
        } catch {
            return '# AIVSS breakdown\n\nThis breakdown link is malformed.';
        }
        try {
            const result = await this.client.sendRequest<BreakdownResult | null>(BREAKDOWN_REQUEST, params, token);
            return result?.markdown ?? '# AIVSS breakdown\n\nThis agent or threat no longer exists in its file.';
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return `# AIVSS breakdown\n\nThe language server could not answer: ${reason.replace(/[\\`*_[\]<>]/g, '\\$&')}`;
        }
    }

    /** Re-reads the open breakdowns of `source` (a `.tm` document URI) after a quiet moment. */
    sourceChanged(source: string): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            for (const document of workspace.textDocuments) {
                if (document.uri.scheme !== BREAKDOWN_SCHEME) continue;
                const params = parseParams(document.uri);
                if (params?.uri === source) this.changed.fire(document.uri);
            }
        }, REFRESH_DELAY_MS);
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.changed.dispose();
    }
}

function parseParams(uri: Uri): BreakdownParams | undefined {
    try {
        return JSON.parse(uri.query) as BreakdownParams;
    } catch {
        return undefined;
    }
}
