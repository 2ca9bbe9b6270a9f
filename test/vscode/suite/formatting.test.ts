import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsOf, openVariant, summarize, waitFor } from './helpers.js';
import { scrambledLayout } from './variants.js';

const OPTIONS: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };

/**
 * Formats through the editor's command and applies the edits; returns how many there were.
 * The command answers `undefined` both when no formatter is registered and when the formatter
 * has nothing to change, so only a document that needs formatting proves a formatter exists.
 */
async function formatOnce(document: vscode.TextDocument): Promise<number> {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, OPTIONS);
    if (edits && edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit), 'the formatting edits were not applied');
    }
    return edits?.length ?? 0;
}

let formatterSeen = false;

suite('formatting', () => {
    test('a scrambled layout gets formatted, idempotently, and stays a valid model', async () => {
        const document = await openVariant('format-scrambled', scrambledLayout);
        await waitFor('formatting edits for the scrambled layout', async () => (await formatOnce(document)) > 0);
        formatterSeen = true;
        const once = document.getText();
        await formatOnce(document);
        assert.equal(document.getText(), once, 'formatting a formatted document changed it');
        assert.doesNotMatch(once, /^ {2}[^\s/]/m, 'the scrambled two-space indentation is still there');
        await new Promise((r) => setTimeout(r, 1500));
        const errors = diagnosticsOf(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.equal(errors.length, 0, `formatting broke the model:\n${summarize(errors)}`);
    });

    test('formatting the seed model is idempotent', async () => {
        assert.ok(formatterSeen, 'no formatter answered in the previous test');
        const document = await openVariant('format-seed');
        await formatOnce(document);
        const once = document.getText();
        await formatOnce(document);
        assert.equal(document.getText(), once, 'formatting a formatted document changed it');
    });
});
