/**
 * The lexer stays linear on unclosed strings and comments (ThreatModelTokenBuilder), and finds
 * exactly the tokens and errors the grammar's plain regular expressions find: a differential
 * property against Langium's default token builder, on text dense in quotes, backslashes,
 * comment openers and line breaks.
 */
import fc from 'fast-check';
import type { LangiumCoreServices } from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, DefaultTokenBuilder, EmptyFileSystem, inject } from 'langium';
import { describe, expect, test } from 'vitest';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule } from '../../language/generated/module.js';
import { ThreatModelModule } from '../../language/threat-model-module.js';
import { services } from './analyse.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { token } from './model-arbitraries.js';

/** The same language with Langium's default token builder: the grammar's regexes as they are. */
function plainLexerServices(): LangiumCoreServices {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), ThreatModelGeneratedSharedModule);
    return inject(createDefaultCoreModule({ shared }), ThreatModelGeneratedModule, ThreatModelModule, {
        parser: { TokenBuilder: () => new DefaultTokenBuilder() }
    });
}

const plain = plainLexerServices();

function lex(lexerOf: LangiumCoreServices, text: string) {
    const result = lexerOf.parser.Lexer.tokenize(text);
    return {
        tokens: [...result.tokens, ...result.hidden].map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`).sort(),
        errors: result.errors.map((e) => `${e.offset}+${e.length}`)
    };
}

const dense = fc
    .array(
        fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('"', '\\', '/*', '*/', '/', '*', '//', '\n', '\r', '\u2028', 'x', ' ', '\\"', '\\\n') },
            { weight: 1, arbitrary: token }
        ),
        { maxLength: 80 }
    )
    .map((pieces) => pieces.join(''));

describe('fuzz: the lexer', () => {
    test('finds the same tokens and errors as the grammar\'s plain regular expressions', { timeout: fuzzTimeout() }, () => {
        fc.assert(
            fc.property(dense, (text) => {
                expect(lex(services, text)).toEqual(lex(plain, text));
            }),
            fuzzParameters(400)
        );
    });

    const hostile: Record<string, string> = {
        'unclosed strings with escaped quotes': '"\\'.repeat(200_000),
        'unclosed block comments': '/*x'.repeat(150_000),
        'unclosed block comments on their own lines': '/*\n'.repeat(150_000),
        'unclosed strings, each cut by a backslash before a line break': '"a\\\n'.repeat(100_000)
    };
    for (const [name, text] of Object.entries(hostile)) {
        test(`${name} (${Math.round(text.length / 1024)} kB) lex in linear time`, { timeout: 30_000 }, () => {
            const started = performance.now();
            const result = services.parser.Lexer.tokenize(text);
            expect(result.errors.length).toBeGreaterThan(0);
            // Quadratic took minutes at a fifth of this size; linear takes well under a second.
            expect(performance.now() - started).toBeLessThan(10_000);
        });
    }
});
