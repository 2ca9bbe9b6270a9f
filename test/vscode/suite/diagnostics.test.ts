import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { isDiagnosticCode } from '../../../language/validation/diagnostic-codes.js';
import { AGENT, SEED, codeOf, diagnosticsOf, fixtureUri, lineOf, openFile, openVariant, position, summarize, waitFor } from './helpers.js';
import { MISSPELT_FACTOR, withMisspeltFactor, withoutLayerL7 } from './variants.js';

suite('diagnostics', () => {
    test('the seed model has no error or warning, and every diagnostic carries a stable code', async () => {
        const seed = await openFile(fixtureUri(SEED));
        // A clean file may publish nothing: wait until a file opened after it has been validated.
        const sentinel = await openVariant('sentinel', withMisspeltFactor);
        await waitFor('the sentinel file to be validated', () => diagnosticsOf(sentinel.uri, 'unknown-factor').length > 0);
        const diagnostics = diagnosticsOf(seed.uri);
        const serious = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.equal(serious.length, 0, `errors or warnings on the seed:\n${summarize(serious)}`);
        const uncoded = diagnostics.filter((d) => !isDiagnosticCode(codeOf(d)));
        assert.equal(uncoded.length, 0, `diagnostics without a stable code:\n${summarize(uncoded)}`);
    });

    test('a copy without layer L7 gets one missing-layer warning on the agent', async () => {
        const document = await openVariant('no-l7', withoutLayerL7);
        const [missing, ...more] = await waitFor('a missing-layer diagnostic', () => {
            const found = diagnosticsOf(document.uri, 'missing-layer');
            return found.length > 0 ? found : undefined;
        });
        assert.equal(more.length, 0, `more than one missing-layer:\n${summarize([missing, ...more])}`);
        assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(missing.message, /L7/);
        const agentLine = lineOf(document, `agent ${AGENT}`);
        assert.equal(missing.range.start.line, agentLine, `missing-layer should start on the agent line ${agentLine + 1}:\n${summarize([missing])}`);
        assert.ok(missing.range.contains(position(document, `agent ${AGENT}`, 'agent '.length)), 'missing-layer should cover the agent name');
        const others = diagnosticsOf(document.uri).filter((d) => d !== missing && d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.equal(others.length, 0, `other errors or warnings:\n${summarize(others)}`);
    });

    test('a misspelt factor key gets unknown-factor on exactly that key', async () => {
        const document = await openVariant('misspelt-factor', withMisspeltFactor);
        const [unknown] = await waitFor('an unknown-factor diagnostic', () => {
            const found = diagnosticsOf(document.uri, 'unknown-factor');
            return found.length > 0 ? found : undefined;
        });
        assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
        const start = position(document, MISSPELT_FACTOR);
        const expected = new vscode.Range(start, start.translate(0, MISSPELT_FACTOR.length));
        assert.ok(unknown.range.isEqual(expected), `range ${summarize([unknown])} is not the key at ${start.line + 1}:${start.character + 1}`);
    });
});
