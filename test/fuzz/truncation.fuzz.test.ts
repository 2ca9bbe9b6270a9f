/**
 * A half-written file is the normal state of a file in an editor: the seed card cut at every
 * offset (every prefix a user typing it from the top would pass through) is parsed, linked,
 * validated and scored without a throw at every offset; hover, completion and the other
 * features are asked at the cut (where the user's cursor is) and the reports are rendered for
 * every 7th prefix in `npm test`, for every prefix of every example in `npm run fuzz`.
 */
import { describe, expect, test } from 'vitest';
import { analyse } from './analyse.js';
import { LONG_FUZZ, fuzzTimeout } from './fuzz-settings.js';
import { CORPUS } from './model-arbitraries.js';

const SEED_CARD = CORPUS.find(([name]) => name === 'test/fixtures/example.tm')!;

describe('fuzz: every prefix of a model', () => {
    const sources = LONG_FUZZ ? CORPUS : [SEED_CARD];
    for (const [name, text] of sources) {
        test(`${name} truncated at every offset`, { timeout: fuzzTimeout(90_000) }, async () => {
            const stride = LONG_FUZZ ? 1 : 7;
            let analysed = 0;
            for (let end = 0; end <= text.length; end++) {
                const full = end % stride === 0;
                await analyse(text.slice(0, end), { offsets: [end], features: full, exports: full });
                analysed++;
            }
            expect(analysed).toBe(text.length + 1);
        });
    }
});
