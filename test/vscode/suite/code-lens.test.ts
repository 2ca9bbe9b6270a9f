import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { AGENT, SEED, fixtureUri, lensOn, lineOf, openFile, openVariant } from './helpers.js';
import { withAgentCvss } from './variants.js';

suite('code lenses', () => {
    test(`the agent's headline lens reads AIVSS 7.8 High`, async () => {
        const document = await openFile(fixtureUri(SEED));
        await lensOn(document.uri, lineOf(document, `agent ${AGENT}`), 'AIVSS 7.8 High');
    });

    test('the ModelStealing lens says the score is incomplete', async () => {
        const document = await openFile(fixtureUri(SEED));
        await lensOn(document.uri, lineOf(document, 'threat ModelStealing'), 'incomplete');
    });

    test('after an edit adds an agent-level cvss 5.3, the ModelStealing lens shows 5.9 Medium', async () => {
        const document = await openVariant('lens-edit');
        await lensOn(document.uri, lineOf(document, 'threat ModelStealing'), 'incomplete');
        const edited = withAgentCvss(document.getText());
        const edit = new vscode.WorkspaceEdit();
        const at = lineOf(document, '    layer L1 {');
        edit.insert(document.uri, new vscode.Position(at, 0), '    cvss 5.3\n\n');
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
        assert.equal(document.getText(), edited);
        await lensOn(document.uri, lineOf(document, 'threat ModelStealing'), '5.9 Medium');
        // Scores are ordinal: the headline stays the maximum, 7.8 from UploadParsing.
        await lensOn(document.uri, lineOf(document, `agent ${AGENT}`), 'AIVSS 7.8 High');
    });
});
