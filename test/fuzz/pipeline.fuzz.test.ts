/**
 * The parser, linker, validator, scorer, every LSP feature and every exporter never throw:
 * on random text, on token soup, and on mutations (delete, duplicate, swap, truncate, insert)
 * of the examples and the regression fixtures. `analyse` checks the contracts of each answer.
 */
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { analyse } from './analyse.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { mutatedCorpus, randomText, tokenSoup } from './model-arbitraries.js';

/** Offsets into the text at which hover, completion, rename and the rest are asked. */
const offsets = fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 4 });

describe('fuzz: the whole pipeline never throws', () => {
    test('random text', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(randomText, offsets, async (text, at) => {
                await analyse(text, { offsets: at.map((o) => o % (text.length + 1)) });
            }),
            fuzzParameters(60)
        );
    });

    test('token soup (keywords, braces, strings, comments, hostile characters)', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(tokenSoup, offsets, async (text, at) => {
                await analyse(text, { offsets: at.map((o) => o % (text.length + 1)) });
            }),
            fuzzParameters(80)
        );
    });

    test('mutations of the examples and the regression fixtures', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(mutatedCorpus, offsets, async ({ text }, at) => {
                await analyse(text, { offsets: at.map((o) => o % (text.length + 1)) });
            }),
            fuzzParameters(60, 2)
        );
    });
});
