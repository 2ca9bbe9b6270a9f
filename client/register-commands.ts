import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { commands, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAgentsTree } from './agents-tree-view.js';
import { registerBreakdownCommand } from './breakdown-command.js';
import { Commands } from './manifest-ids.js';
import type { ServerRestartPolicy } from './server-restart-policy.js';

/** What a client feature (command, view, preview) gets to work with. */
export interface ClientFeatureContext {
    readonly extension: ExtensionContext;
    readonly client: LanguageClient;
    readonly output: LogOutputChannel;
}

/**
 * Registers the extension's commands. A feature with a command of its own (the AIVSS
 * breakdown, the report preview) exports a `register…(features: ClientFeatureContext)` function
 * from its own file and is called from here; views (the "Agents by AIVSS" tree) likewise.
 * Every disposable goes to `context.extension.subscriptions`. Features talk to the server only
 * through `client` (LSP requests, custom requests), never by importing language/.
 */
export function registerCommands(features: ClientFeatureContext, restartPolicy: ServerRestartPolicy): void {
    const { extension, client, output } = features;
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
}
