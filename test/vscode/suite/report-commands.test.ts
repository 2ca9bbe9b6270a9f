import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { LANGUAGE_ID, SEED, diagnosticsOf, fixtureUri, openFile, summarize, waitFor, workspaceRoot } from './helpers.js';

// The bundle runs from out/test/vscode/suite; the card fixtures are in the repository.
const CARDS = join(__dirname, '../../../../test/fixtures/cards');
const card = (name: string): string => readFileSync(join(CARDS, name), 'utf8');

async function writeCard(path: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), path);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
}

function webviewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('threatModel.reportPreview'));
}

suite('report commands', () => {
    suiteTeardown(async () => {
        // Imports are unsaved: close them without saving, so no dialog waits on the window.
        for (const editor of vscode.window.visibleTextEditors) {
            if (editor.document.uri.scheme !== 'untitled') continue;
            await vscode.window.showTextDocument(editor.document);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    });

    test('importing the seed card opens the model unsaved, beside the card, as a threat-model document that checks clean', async () => {
        const uri = await writeCard('cards/wan-2.2-s2v.card.txt', card('wan-2.2-s2v.card.txt'));
        await vscode.commands.executeCommand('threatModel.importCard', uri);
        const document = await waitFor('the imported model in the active editor', () => {
            const active = vscode.window.activeTextEditor?.document;
            return active?.uri.scheme === 'untitled' && active.getText().length > 0 ? active : undefined;
        });
        assert.equal(document.languageId, LANGUAGE_ID);
        assert.equal(document.uri.path, vscode.Uri.joinPath(workspaceRoot(), 'cards/wan-2.2-s2v.tm').path);
        assert.equal(document.getText(), card('wan-2.2-s2v.expected.tm'));
        // The server analyses it: the uncertain layers are reported (information), nothing worse.
        await waitFor('diagnostics of the imported model', () => diagnosticsOf(document.uri).length > 0);
        const serious = diagnosticsOf(document.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(serious, [], summarize(serious));
    });

    test('an import never takes the name of a model that exists', async () => {
        const uri = await writeCard('wan-2.2-s2v.card.txt', card('wan-2.2-s2v.card.txt'));
        await vscode.commands.executeCommand('threatModel.importCard', uri);
        const document = await waitFor('the second import in the active editor', () => {
            const active = vscode.window.activeTextEditor?.document;
            return active?.uri.scheme === 'untitled' && active.uri.path.endsWith('/wan-2.2-s2v-imported.tm') ? active : undefined;
        });
        assert.equal(document.languageId, LANGUAGE_ID);
    });

    test('a rejected card opens nothing', async () => {
        const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').length;
        const uri = await writeCard('not-a-card.txt', card('reject-not-a-card.txt'));
        await vscode.commands.executeCommand('threatModel.importCard', uri);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').length, before);
    });

    test('the report preview opens beside the model as a webview', async () => {
        await openFile(fixtureUri(SEED));
        await vscode.commands.executeCommand('threatModel.showReportPreview');
        // The title is the server's, once the report is rendered.
        await waitFor(`a preview tab titled 'Report: ${SEED}'`, () => webviewTabs().find((tab) => tab.label === `Report: ${SEED}`));
        await vscode.window.tabGroups.close(webviewTabs());
    });
});
