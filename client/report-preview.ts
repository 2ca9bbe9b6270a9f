import type { Disposable, WebviewPanel } from 'vscode';
import { commands, Uri, ViewColumn, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportPreviewParams, ReportPreviewResult } from '../server/report-protocol.js';
import { REPORT_PREVIEW_REQUEST } from '../server/report-protocol.js';
import { Commands, LANGUAGE_ID } from './manifest-ids.js';
import type { ClientFeatureContext } from './register-commands.js';
import { fileName, oneLine } from './report-names.js';
import { messagePage } from './report-preview-page.js';

export const REPORT_PREVIEW_VIEW_TYPE = 'threatModel.reportPreview';

/** How long an editing burst may run before the preview asks for the report again. */
const REFRESH_DELAY_MS = 300;

/**
 * "Show Report Preview": the HTML report of the active model in a webview beside the editor,
 * re-rendered after edits and whenever the server says scores may have moved; it follows the
 * active `.tm` editor. The webview runs no script, loads no resource (no local resource root
 * at all), and shows the server's page, whose policy allows only its own stylesheet.
 */
export function registerReportPreview(features: ClientFeatureContext): void {
    const preview = new ReportPreview(features.client);
    features.extension.subscriptions.push(
        preview,
        commands.registerCommand(Commands.showReportPreview, async (resource?: unknown) => {
            const model = resource instanceof Uri ? resource : activeModel();
            if (!model) {
                void window.showInformationMessage('Open a .tm file to preview its report.');
                return;
            }
            if (resource instanceof Uri) await workspace.openTextDocument(resource); // so the server holds it
            await preview.show(model);
        }),
        workspace.onDidChangeTextDocument((event) => preview.documentChanged(event.document.uri)),
        window.onDidChangeActiveTextEditor((editor) => {
            if (editor?.document.languageId === LANGUAGE_ID) preview.follow(editor.document.uri);
        }),
        features.onScoresChanged(() => preview.refreshSoon())
    );
}

function activeModel(): Uri | undefined {
    const document = window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

export class ReportPreview implements Disposable {
    protected panel: WebviewPanel | undefined;
    protected source: Uri | undefined;
    protected timer: NodeJS.Timeout | undefined;
    /** Answers to older requests are dropped: only the latest render reaches the panel. */
    protected generation = 0;
    /** A render skipped while the panel was hidden is done when it shows again. */
    protected stale = false;

    constructor(protected readonly client: LanguageClient) {}

    async show(source: Uri): Promise<void> {
        this.source = source;
        if (this.panel) {
            this.panel.reveal(undefined, true);
        } else {
            this.panel = this.createPanel();
        }
        await this.render();
    }

    /** The active editor moved to another model: show that one, if a preview is open. */
    follow(source: Uri): void {
        if (!this.panel || this.source?.toString() === source.toString()) return;
        this.source = source;
        this.refreshSoon();
    }

    documentChanged(uri: Uri): void {
        if (this.panel && this.source?.toString() === uri.toString()) this.refreshSoon();
    }

    refreshSoon(): void {
        if (!this.panel) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.render(), REFRESH_DELAY_MS);
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.panel?.dispose();
    }

    protected createPanel(): WebviewPanel {
        const panel = window.createWebviewPanel(
            REPORT_PREVIEW_VIEW_TYPE,
            'Report',
            { viewColumn: ViewColumn.Beside, preserveFocus: true },
            {
                enableScripts: false,
                enableForms: false,
                enableCommandUris: false,
                localResourceRoots: [],
                retainContextWhenHidden: false,
                enableFindWidget: true
            }
        );
        panel.onDidDispose(() => {
            clearTimeout(this.timer);
            this.panel = undefined;
            this.source = undefined;
        });
        panel.onDidChangeViewState(({ webviewPanel }) => {
            if (webviewPanel.visible && this.stale) void this.render();
        });
        return panel;
    }

    protected async render(): Promise<void> {
        const panel = this.panel;
        const source = this.source;
        if (!panel || !source) return;
        if (!panel.visible) {
            this.stale = true;
            return;
        }
        this.stale = false;
        const generation = ++this.generation;
        let title: string;
        let html: string;
        try {
            const params: ReportPreviewParams = { uri: this.client.code2ProtocolConverter.asUri(source) };
            const result = await this.client.sendRequest<ReportPreviewResult | null>(REPORT_PREVIEW_REQUEST, params);
            title = result?.title ?? 'Report';
            html = result?.html ?? messagePage('No report', `${fileName(source)} is not a model the language server holds.`);
        } catch (error) {
            title = 'Report';
            html = messagePage('No report', `The language server could not render the report: ${oneLine(error instanceof Error ? error.message : String(error))}`);
        }
        if (generation !== this.generation || this.panel !== panel) return;
        panel.title = title;
        panel.webview.html = html;
    }
}
