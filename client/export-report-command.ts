import type { QuickPickItem } from 'vscode';
import { commands, Uri, window, workspace } from 'vscode';
import type { ExportReportParams, ExportReportResult, ReportFormat } from '../server/report-protocol.js';
import { EXPORT_REPORT_REQUEST, REPORT_FORMATS } from '../server/report-protocol.js';
import { Commands, LANGUAGE_ID } from './manifest-ids.js';
import type { ClientFeatureContext } from './register-commands.js';
import { exportFileName, fileName, oneLine } from './report-names.js';

interface FormatItem extends QuickPickItem {
    readonly format: ReportFormat;
    readonly extension: string;
}

/**
 * "Export Report…": the model is the `.tm` file the command was run on (explorer, editor
 * title), else the active editor's. The server renders it as the editor holds it, unsaved
 * edits included (`threatModel/exportReport`); the user picks the file in VS Code's save
 * dialog, which asks before replacing one, and the client writes only that file.
 */
export function registerExportReportCommand(features: ClientFeatureContext): void {
    features.extension.subscriptions.push(
        commands.registerCommand(Commands.exportReport, async (resource?: unknown) => {
            const model = await modelToExport(resource);
            if (!model) {
                void window.showInformationMessage('Open a .tm file to export its report.');
                return;
            }
            const item = await window.showQuickPick(formatItems(), { title: `Export ${fileName(model)}`, placeHolder: 'Report format' });
            if (!item) return;
            const result = await render(model, item.format, features);
            if (!result) return;
            const target = await window.showSaveDialog({
                title: `Export ${item.label}`,
                saveLabel: 'Export',
                defaultUri: defaultTarget(model, item.extension),
                filters: { [item.label]: [item.extension.replace(/^.*\./, '')], 'All files': ['*'] }
            });
            if (!target) return;
            try {
                await workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                features.output.error(`Writing ${target.toString()} failed: ${reason}`);
                void window.showErrorMessage(`The report could not be written: ${reason}`);
                return;
            }
            reportExport(model, target, item, result, features);
        })
    );
}

async function modelToExport(resource: unknown): Promise<Uri | undefined> {
    if (resource instanceof Uri) {
        // Opening it makes the server hold it even outside the workspace; the user chose this file.
        const document = await workspace.openTextDocument(resource);
        return document.languageId === LANGUAGE_ID ? document.uri : undefined;
    }
    const active = window.activeTextEditor?.document;
    return active?.languageId === LANGUAGE_ID ? active.uri : undefined;
}

function formatItems(): FormatItem[] {
    return REPORT_FORMATS.map(({ format, label, extension, detail }) => ({ format, extension, label, description: extension, detail }));
}

async function render(model: Uri, format: ReportFormat, { client, output }: ClientFeatureContext): Promise<Extract<ExportReportResult, { ok: true }> | undefined> {
    let result: ExportReportResult;
    try {
        const params: ExportReportParams = { uri: client.code2ProtocolConverter.asUri(model), format };
        result = await client.sendRequest<ExportReportResult>(EXPORT_REPORT_REQUEST, params);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        output.error(`${EXPORT_REPORT_REQUEST} failed: ${reason}`);
        void window.showErrorMessage(`The report could not be rendered: ${reason}`);
        return undefined;
    }
    if (!result.ok) {
        void window.showErrorMessage(`The report could not be rendered: ${oneLine(result.message)}`);
        return undefined;
    }
    return result;
}

/** Beside the model (`agent.tm` → `agent.html`); an unsaved model's in the first workspace folder. */
function defaultTarget(model: Uri, extension: string): Uri | undefined {
    const name = exportFileName(fileName(model), extension);
    if (model.scheme !== 'untitled') return Uri.joinPath(model, '..', name);
    const folder = workspace.workspaceFolders?.[0]?.uri;
    return folder ? Uri.joinPath(folder, name) : undefined;
}

function reportExport(model: Uri, target: Uri, item: FormatItem, result: Extract<ExportReportResult, { ok: true }>, { output }: ClientFeatureContext): void {
    output.info(`Exported ${model.toString()} as ${item.format} to ${target.toString()}.`);
    for (const line of result.dropped) output.warn(`Not in the card: ${oneLine(line)}`);
    for (const line of result.notes) output.info(`Card note: ${oneLine(line)}`);
    const caveats: string[] = [];
    if (result.errors > 0) caveats.push(`the model has ${result.errors} error${result.errors === 1 ? '' : 's'}, listed in the report`);
    if (result.dropped.length > 0) caveats.push(`${result.dropped.length} item${result.dropped.length === 1 ? ' is' : 's are'} not in the card (see the Threat Model output)`);
    const message = `Exported ${item.label} to ${fileName(target)}${caveats.length > 0 ? `; ${caveats.join('; ')}` : ''}.`;
    const show = caveats.length > 0 ? window.showWarningMessage : window.showInformationMessage;
    void show(message, 'Open').then(async (choice) => {
        if (choice === 'Open') await window.showTextDocument(target, { preview: true });
    });
}
