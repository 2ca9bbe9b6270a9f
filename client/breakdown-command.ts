import type { Uri } from 'vscode';
import { commands, window, workspace } from 'vscode';
import type { BreakdownParams, BreakdownResult } from '../server/breakdown-protocol.js';
import { BREAKDOWN_REQUEST } from '../server/breakdown-protocol.js';
import { BreakdownContentProvider, BREAKDOWN_SCHEME, breakdownUri } from './breakdown-preview.js';
import { Commands, LANGUAGE_ID } from './manifest-ids.js';
import type { ClientFeatureContext } from './register-commands.js';

/**
 * "Show AIVSS breakdown": the code lenses run it with (document URI, agent[, threat]); from the
 * palette it takes the agent or threat at the cursor. The server renders the Markdown
 * (`threatModel/breakdown`); the client shows it as the Markdown preview of a read-only
 * virtual document, beside the editor, refreshed as the model is edited.
 */
export function registerBreakdownCommand(features: ClientFeatureContext): void {
    const { extension, client, output } = features;
    const provider = new BreakdownContentProvider(client);
    extension.subscriptions.push(
        provider,
        workspace.registerTextDocumentContentProvider(BREAKDOWN_SCHEME, provider),
        workspace.onDidChangeTextDocument((event) => {
            if (event.document.languageId === LANGUAGE_ID) provider.sourceChanged(event.document.uri.toString());
        }),
        commands.registerCommand(Commands.showBreakdown, async (uri?: unknown, agent?: unknown, threat?: unknown) => {
            const params = typeof uri === 'string' ? fromArguments(uri, agent, threat) : fromCursor(features);
            if (!params) {
                void window.showInformationMessage('Open a .tm file and place the cursor in an agent or a threat to see its AIVSS breakdown.');
                return;
            }
            let result: BreakdownResult | null;
            try {
                result = await client.sendRequest<BreakdownResult | null>(BREAKDOWN_REQUEST, params);
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                output.error(`${BREAKDOWN_REQUEST} failed: ${reason}`);
                void window.showErrorMessage(`The AIVSS breakdown is not available: ${reason}`);
                return;
            }
            if (!result) {
                void window.showInformationMessage('There is no agent to break down here.');
                return;
            }
            await showPreview(breakdownUri(result, params.uri), features);
        })
    );
}

function fromArguments(uri: string, agent: unknown, threat: unknown): BreakdownParams {
    return {
        uri,
        ...(typeof agent === 'string' ? { agent } : {}),
        ...(typeof threat === 'string' ? { threat } : {})
    };
}

function fromCursor({ client }: ClientFeatureContext): BreakdownParams | undefined {
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== LANGUAGE_ID) return undefined;
    return {
        uri: client.code2ProtocolConverter.asUri(editor.document.uri),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active)
    };
}

/** The Markdown preview beside the editor; the plain document if the Markdown extension is off. */
async function showPreview(uri: Uri, { output }: ClientFeatureContext): Promise<void> {
    try {
        await commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch (error) {
        output.warn(`The Markdown preview is unavailable (${error instanceof Error ? error.message : String(error)}); opening the breakdown as text.`);
        await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true, preserveFocus: true });
    }
}
