import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { AGENT, diagnosticsOf, hoverText, lensOn, lineOf, openVariant, position, replaceAll, waitFor } from './helpers.js';

// Deterministic junk: the same bytes on every run, so a crash is reproducible.
function junk(seed: number, length: number): string {
    const alphabet = 'agent layer threat factors cvss {}{}"""\\\n\t0123456789.:/-_ L1 L9 M1.2 \u202e\u200b\u0000';
    let state = seed;
    let text = '';
    for (let i = 0; i < length; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        text += alphabet[state % alphabet.length];
    }
    return text;
}

const MALFORMED = [
    'agent Broken {\n    factors { autonomy_of_action 2.x }\n    layer L9 {{{ "unterminated\n',
    'agent { } } } agent agent "',
    '\u0000\u0001\u0002 binary \u0000',
    junk(7, 4000)
];

suite('robustness', () => {
    test('a malformed file gets syntax errors and does not kill the server', async () => {
        const broken = await openVariant('malformed', () => MALFORMED[0] ?? '');
        await waitFor('a syntax-error diagnostic', () => diagnosticsOf(broken.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
        // Keep typing garbage into it, as a user would mid-edit.
        for (const text of MALFORMED) await replaceAll(broken, text);
        await waitFor('errors on the last malformed text', () => diagnosticsOf(broken.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));

        const healthy = await openVariant('after-malformed');
        await lensOn(healthy.uri, lineOf(healthy, `agent ${AGENT}`), 'AIVSS 7.8 High');
        const hover = await hoverText(healthy.uri, position(healthy, `agent ${AGENT}`, 'agent '.length + 1));
        assert.ok(hover.includes('7.8'), `the server no longer hovers:\n${hover}`);
    });
});
