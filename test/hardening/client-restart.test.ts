/**
 * If the server dies anyway, the client restarts it and says so once: the error handler the
 * language client is built with (client/server-error-handler.ts), driven through a session of
 * crashes with VS Code's `window` and the language client's enums stubbed. The first restart
 * shows one notification; later ones only log; a server that keeps crashing is left stopped
 * with one error, until the user restarts it, which starts a fresh count.
 */
import { describe, expect, test, vi } from 'vitest';

const shown: string[] = [];
vi.mock('vscode', () => ({
    window: {
        showWarningMessage: (message: string) => {
            shown.push(message);
            return Promise.resolve(undefined);
        }
    }
}));
// vscode-languageclient's values, without loading the module (it needs a running VS Code).
vi.mock('vscode-languageclient/node', () => ({
    CloseAction: { DoNotRestart: 1, Restart: 2 },
    ErrorAction: { Continue: 1, Shutdown: 2 }
}));

const { createServerErrorHandler } = await import('../../client/server-error-handler.js');
const { ServerRestartPolicy } = await import('../../client/server-restart-policy.js');

function outputChannel() {
    const lines: string[] = [];
    const log = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
    return { lines, channel: { error: log('error'), warn: log('warn'), info: log('info'), show: () => undefined } };
}

describe('the client restarts a crashed server and says so once', () => {
    test('four crashes in a minute: four restarts, one notification; the fifth is left stopped with one error', () => {
        shown.length = 0;
        let now = 0;
        const policy = new ServerRestartPolicy(4, 3 * 60_000, () => now);
        const { lines, channel } = outputChannel();
        const handler = createServerErrorHandler(channel as never, policy);
        const actions: unknown[] = [];
        for (let crash = 1; crash <= 5; crash++) {
            now += 10_000;
            actions.push(handler.closed());
        }
        expect(actions.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => ({ action: 2, handled: true })));
        expect(actions[4]).toMatchObject({ action: 1, message: expect.stringContaining('stopped 5 times') });
        expect(shown).toEqual(['The Threat Model language server stopped unexpectedly and was restarted.']);
        expect(lines.filter((line) => line.startsWith('warn:'))).toHaveLength(4);
        expect(lines.filter((line) => line.startsWith('error:'))).toHaveLength(1);

        // The user restarts it by command: a fresh count, and still no second notification.
        policy.reset();
        now += 10_000;
        expect(handler.closed()).toEqual({ action: 2, handled: true });
        expect(shown).toHaveLength(1);
    });

    test('crashes spread out over time keep being restarted', () => {
        shown.length = 0;
        let now = 0;
        const policy = new ServerRestartPolicy(4, 3 * 60_000, () => now);
        const handler = createServerErrorHandler(outputChannel().channel as never, policy);
        for (let crash = 0; crash < 20; crash++) {
            now += 60_000;
            expect(handler.closed()).toEqual({ action: 2, handled: true });
        }
        expect(shown).toHaveLength(1);
    });

    test('transport errors: a few are survived, a stream of them shuts the connection down for `closed` to decide', () => {
        const handler = createServerErrorHandler(outputChannel().channel as never, new ServerRestartPolicy());
        const error = new Error('write EPIPE');
        expect([1, 2, 3].map((count) => handler.error(error, undefined, count))).toEqual(Array.from({ length: 3 }, () => ({ action: 1, handled: true })));
        expect(handler.error(error, undefined, 4)).toEqual({ action: 2, handled: true });
    });
});
