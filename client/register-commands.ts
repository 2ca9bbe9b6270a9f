import type { Event, ExtensionContext, LogOutputChannel } from 'vscode';
import { commands, EventEmitter, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AGENTS_CHANGED_NOTIFICATION } from '../server/agents-protocol.js';
import { registerAgentsTree } from './agents-tree-view.js';
import { registerBreakdownCommand } from './breakdown-command.js';
import { registerExportReportCommand } from './export-report-command.js';
import { registerImportCardCommand } from './import-card-command.js';
import { Commands } from './manifest-ids.js';
import { registerReportPreview } from './report-preview.js';
import type { ServerRestartPolicy } from './server-restart-policy.js';

/** What a client feature (command, view, preview) gets to work with. */
export interface ClientFeatureContext {
    readonly extension: ExtensionContext;
    readonly client: LanguageClient;
    readonly output: LogOutputChannel;
    /**
     * The server's `threatModel/agentsChanged`: scores may have moved. Listen here, not with
     * `client.onNotification`, which keeps one handler per method (a second would replace the first).
     */
    readonly onScoresChanged: Event<void>;
}

/**
 * Registers the extension's commands. A feature with a command of its own (the AIVSS
 * breakdown, the report preview) exports a `register…(features: ClientFeatureContext)` function
 * from its own file and is called from here; views (the "Agents by AIVSS" tree) likewise.
 * Every disposable goes to `context.extension.subscriptions`. Features talk to the server only
 * through `client` (LSP requests, custom requests), never by importing language/.
 */
export function registerCommands(context: Omit<ClientFeatureContext, 'onScoresChanged'>, restartPolicy: ServerRestartPolicy): void {
    const { extension, client, output } = context;
    const scoresChanged = new EventEmitter<void>();
    extension.subscriptions.push(scoresChanged, client.onNotification(AGENTS_CHANGED_NOTIFICATION, () => scoresChanged.fire()));
    const features: ClientFeatureContext = { ...context, onScoresChanged: scoresChanged.event };
    extension.subscriptions.push(
        commands.registerCommand(Commands.restartServer, async () => {
            output.info('Restarting the language server on request.');
            restartPolicy.reset();
            try {
                await client.restart();
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                output.error(`Restarting the language server failed: ${reason}`);
                void window.showErrorMessage(`The Threat Model language server could not be restarted: ${reason}`);
            }
        })
    );
    registerBreakdownCommand(features);
    registerAgentsTree(features);
    registerImportCardCommand(features);
    registerExportReportCommand(features);
    registerReportPreview(features);
}
