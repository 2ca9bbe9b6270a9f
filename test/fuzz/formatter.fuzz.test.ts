/**
 * Generated valid models (random layout, comments, hostile strings) parse and link without an
 * error, score within 0–10, and format idempotently without changing what they mean: the AST,
 * the comments and every score are the same after formatting. Mutated examples that still
 * parse must format idempotently too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatModelText, UnformattableTextError } from '../../server/format-text.js';
import { analyse, services } from './analyse.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { expectFormattingKeepsMeaning } from './model-meaning.js';
import { generatedModel, mutatedCorpus } from './model-arbitraries.js';

/** Codes a generated model must never get: it is valid by construction. */
const IMPOSSIBLE = new Set(['syntax-error', 'unresolved-reference', 'duplicate-name', 'duplicate-layer', 'invalid-encoding', 'unknown-factor', 'unknown-catalog-id', 'invalid-cvss']);

describe('fuzz: generated valid models', () => {
    test('parse and link without an error, and every feature answers', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(generatedModel, async ({ text }) => {
                const { diagnostics } = await analyse(text);
                const wrong = diagnostics.filter((d) => IMPOSSIBLE.has(String(d.code)));
                expect(wrong.map((d) => `${String(d.code)}: ${d.message}`)).toEqual([]);
            }),
            fuzzParameters(40)
        );
    });

    test('format idempotently and keep their meaning (AST, comments, scores)', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(generatedModel, async ({ text }) => {
                await expectFormattingKeepsMeaning(text);
            }),
            fuzzParameters(40)
        );
    });
});

describe('fuzz: formatting mutated examples', () => {
    test('a mutation that still parses formats idempotently and keeps its meaning; one that does not is refused', { timeout: fuzzTimeout() }, async () => {
        await fc.assert(
            fc.asyncProperty(mutatedCorpus, async ({ text }) => {
                try {
                    await formatModelText(services, text);
                } catch (error) {
                    expect(error).toBeInstanceOf(UnformattableTextError);
                    return;
                }
                await expectFormattingKeepsMeaning(text);
            }),
            fuzzParameters(40, 2)
        );
    });
});
