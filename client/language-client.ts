import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { workspace } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './manifest-ids.js';
import { createServerErrorHandler } from './server-error-handler.js';
import type { ServerRestartPolicy } from './server-restart-policy.js';

/**
 * The language client for `.tm` files. The server is our own bundle, run by VS Code's Node
 * over IPC; it reads workspace files but runs nothing from the workspace, which is why the
 * extension can declare support for untrusted workspaces.
 */
export function createLanguageClient(
    context: ExtensionContext,
    output: LogOutputChannel,
    restartPolicy: ServerRestartPolicy
): LanguageClient {
    const module = context.asAbsolutePath('out/server/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    // The server re-reads the workspace's atm.config.json when it changes.
    const configWatcher = workspace.createFileSystemWatcher('**/atm.config.json');
    context.subscriptions.push(configWatcher);
    const clientOptions: LanguageClientOptions = {
        // Only files and unsaved buffers: the server reads what it analyses from disk or from
        // the editor, never through a virtual file system it cannot reach.
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID }
        ],
        outputChannel: output,
        traceOutputChannel: output,
        errorHandler: createServerErrorHandler(output, restartPolicy),
        synchronize: { fileEvents: configWatcher }
    };
    // The id doubles as the settings prefix vscode-languageclient reads `trace.server` from.
    return new LanguageClient(LANGUAGE_ID, 'Threat Model Language Server', serverOptions, clientOptions);
}
