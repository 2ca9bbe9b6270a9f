import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsOf, openVariant, summarize, waitFor } from './helpers.js';
import { withoutLayerL7 } from './variants.js';

async function apply(action: vscode.CodeAction | vscode.Command): Promise<void> {
    if ('edit' in action || 'kind' in action || 'diagnostics' in action) {
        const codeAction = action as vscode.CodeAction;
        if (codeAction.edit) assert.ok(await vscode.workspace.applyEdit(codeAction.edit), 'the fix edit was not applied');
        if (codeAction.command) await vscode.commands.executeCommand(codeAction.command.command, ...(codeAction.command.arguments ?? []));
        return;
    }
    const command = action as vscode.Command;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

suite('code actions', () => {
    test('missing-layer offers "Add missing layer", and applying it clears the warning', async () => {
        const document = await openVariant('fix-l7', withoutLayerL7);
        const [missing] = await waitFor('a missing-layer diagnostic', () => {
            const found = diagnosticsOf(document.uri, 'missing-layer');
            return found.length > 0 ? found : undefined;
        });
        const actions = await waitFor('code actions at the missing-layer range', async () => {
            const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
                'vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value, 100);
            return found && found.length > 0 ? found : undefined;
        });
        const fix = actions.find((a) => a.title.startsWith('Add missing layer'));
        assert.ok(fix, `no 'Add missing layer' fix among: ${actions.map((a) => a.title).join(' | ')}`);
        await apply(fix);
        assert.match(document.getText(), /\blayer L7\b/, 'the fix did not insert layer L7');
        await waitFor('the missing-layer warning to clear', () => diagnosticsOf(document.uri, 'missing-layer').length === 0);
        const serious = diagnosticsOf(document.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.equal(serious.length, 0, `the fixed model has errors or warnings:\n${summarize(serious)}`);
    });
});
