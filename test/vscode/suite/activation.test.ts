import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, SEED, diagnosticsOf, fixtureUri, openFile, openVariant, waitFor } from './helpers.js';
import { withMisspeltFactor } from './variants.js';

suite('activation', () => {
    test('the extension is installed in the test window', () => {
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
    });

    test('opening a .tm file activates it with the threat-model language', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension);
        const document = await openFile(fixtureUri(SEED));
        assert.equal(document.languageId, LANGUAGE_ID);
        await waitFor('the extension to activate', () => extension.isActive);
    });

    test('the client starts the bundled language server and its diagnostics reach the editor', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension);
        assert.ok(existsSync(join(extension.extensionPath, 'out/server/main.cjs')), 'out/server/main.cjs is not built');
        const document = await openVariant('activation', withMisspeltFactor);
        await waitFor('any diagnostic from the language server', () => diagnosticsOf(document.uri).length > 0);
    });
});
