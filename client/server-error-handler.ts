import type { LogOutputChannel } from 'vscode';
import { window } from 'vscode';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import type { ServerRestartPolicy } from './server-restart-policy.js';

/**
 * Made explicit rather than left to vscode-languageclient's default so that the behaviour is
 * ours to state: a crashed server is restarted (up to the policy's limit), the first restart
 * of a session is announced once, and every crash is logged to the output channel.
 */
export function createServerErrorHandler(output: LogOutputChannel, policy: ServerRestartPolicy): ErrorHandler {
    return {
        error(error, _message, count): ErrorHandlerResult {
            output.error(`Language server connection error (${count ?? 1}): ${error.message}`);
            // A few transport errors in a row are survivable; a steady stream means the
            // connection is gone, and shutting down lets `closed` decide about a restart.
            return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        closed(): CloseHandlerResult {
            const decision = policy.onUnexpectedClose();
            if (!decision.restart) {
                const message =
                    `The Threat Model language server stopped ${decision.recentCrashes} times in a few minutes and ` +
                    'was not restarted again. Run "Threat Model: Restart Language Server" to start it.';
                output.error(message);
                return { action: CloseAction.DoNotRestart, message };
            }
            output.warn('The language server stopped unexpectedly; restarting it.');
            if (decision.notify) {
                void window
                    .showWarningMessage('The Threat Model language server stopped unexpectedly and was restarted.', 'Show Output')
                    .then((choice) => (choice ? output.show(true) : undefined));
            }
            return { action: CloseAction.Restart, handled: true };
        }
    };
}
