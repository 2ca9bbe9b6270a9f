import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { AGENT, SEED, fixtureUri, hoverText, openFile, position, waitFor } from './helpers.js';

suite('hover', () => {
    test('hovering the agent name shows the score breakdown with its numbers', async () => {
        const document = await openFile(fixtureUri(SEED));
        const onName = position(document, `agent ${AGENT}`, 'agent '.length + 3);
        const text = await waitFor('a hover with the headline score 7.8', async () => {
            const hover = await hoverText(document.uri, onName);
            return hover.includes('7.8') ? hover : undefined;
        });
        assert.ok(text.includes('1.3'), `the hover does not show the factor sum 1.3:\n${text}`);
        assert.ok(text.includes('7.8'), `the hover does not show the score 7.8:\n${text}`);
    });
});
