import type { ExtensionContext } from 'vscode';
import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client.js';
import { registerCommands } from './register-commands.js';
import { ServerRestartPolicy } from './server-restart-policy.js';

let client: LanguageClient | undefined;

/** Starts the language server for `.tm` files and registers the extension's commands. */
export async function activate(context: ExtensionContext): Promise<void> {
    const output = window.createOutputChannel('Threat Model', { log: true });
    context.subscriptions.push(output);
    const restartPolicy = new ServerRestartPolicy();
    client = createLanguageClient(context, output, restartPolicy);
    registerCommands({ extension: context, client, output }, restartPolicy);
    try {
        await client.start();
    } catch (error) {
        // Leave the commands registered: "Restart Language Server" can recover.
        output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
}

export async function deactivate(): Promise<void> {
    const stopping = client;
    client = undefined;
    // A server still starting is stopped too, so no orphan process outlives the window.
    if (stopping?.needsStop()) {
        await stopping.stop();
    }
}
