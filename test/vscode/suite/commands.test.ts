import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { AGENT, EXTENSION_ID, SEED, fixtureUri, lensOn, lineOf, openFile } from './helpers.js';

interface ContributedCommand {
    command: string;
    title: string;
}

// Read at load time (the manifest is known before activation) so each command is its own test.
const contributed: ContributedCommand[] =
    (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: ContributedCommand[] } } | undefined)
        ?.contributes?.commands ?? [];
// Whatever restarts the server goes last, and the server must answer after it.
const ordered = [...contributed].sort((a, b) => Number(/restart/i.test(a.command)) - Number(/restart/i.test(b.command)));

/**
 * Runs a command the way a user would from the palette, with the seed model in the active editor.
 * A command that asks for input (a quick pick, a save dialog) gets it dismissed, as by Escape.
 */
async function runLikeAUser(command: string): Promise<void> {
    let settled = false;
    const dismiss = setInterval(() => {
        if (!settled) void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }, 2000);
    try {
        await Promise.race([
            vscode.commands.executeCommand(command),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`${command} did not settle within 30 s`)), 30_000))
        ]);
    } finally {
        settled = true;
        clearInterval(dismiss);
    }
}

suite('commands', () => {
    suiteSetup(async () => {
        await openFile(fixtureUri(SEED));
    });

    test('the extension contributes commands, all of them registered', async () => {
        assert.ok(contributed.length > 0, 'package.json contributes no commands');
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
        const registered = new Set(await vscode.commands.getCommands(true));
        const missing = contributed.filter((c) => !registered.has(c.command)).map((c) => c.command);
        assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    });

    for (const { command, title } of ordered) {
        test(`${command} (${title}) runs without error`, async () => {
            const document = await openFile(fixtureUri(SEED));
            await runLikeAUser(command);
            await vscode.window.showTextDocument(document);
        });
    }

    test('the language server still answers after every command', async () => {
        const document = await openFile(fixtureUri(SEED));
        await lensOn(document.uri, lineOf(document, `agent ${AGENT}`), 'AIVSS 7.8 High');
    });
});
