import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openVariant, position, waitFor } from './helpers.js';
import { COMPLETION_MARK, REMOVED_FACTORS, withoutTwoFactors } from './variants.js';

function labelOf(item: vscode.CompletionItem): string {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion', () => {
    test('inside a factors block, completion offers the missing factors', async () => {
        const document = await openVariant('completion', withoutTwoFactors);
        const at = position(document, COMPLETION_MARK, COMPLETION_MARK.indexOf('\n'));
        let labels: string[] = [];
        try {
            await waitFor(`completion items ${REMOVED_FACTORS.join(', ')}`, async () => {
                const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
                labels = (list?.items ?? []).map(labelOf);
                return REMOVED_FACTORS.every((key) => labels.includes(key));
            });
        } catch (error) {
            assert.fail(`${error instanceof Error ? error.message : String(error)}\noffered: ${labels.join(', ') || 'nothing'}`);
        }
    });
});
