import { EmptyFileSystem } from 'langium';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const highlight = highlightHelper(services);

// `<|…|>` marks the ranges that must carry a token; `rangeIndex` counts them from 0.
const text = [
    'aivss <|0.8|> rounding <|half_even|>',
    'agent <|Wan|> "W" {',
    '    factors { <|autonomy_of_action|> <|0.10|> }',
    '    cvss <|9.3|>',
    '    exploit <|unreported|>',
    '    mitigation <|0.5|>',
    '    layer <|L4|> "Deployment" <|uncertain|> {',
    '        threat <|Upload|> { catalog <|M4.4|> mitigated_by <|Sandbox|>, <|Gate|> }',
    '    }',
    '    control <|Sandbox|> { strength <|partial|> }',
    '    control <|Gate|>',
    '    published <|7.8|>',
    '}'
].join('\n');

const expected: Array<[string, SemanticTokenTypes]> = [
    ['0.8', SemanticTokenTypes.number],
    ['half_even', SemanticTokenTypes.enumMember],
    ['Wan', SemanticTokenTypes.class],
    ['autonomy_of_action', SemanticTokenTypes.property],
    ['0.10', SemanticTokenTypes.number],
    ['9.3', SemanticTokenTypes.number],
    ['unreported', SemanticTokenTypes.enumMember],
    ['0.5', SemanticTokenTypes.number],
    ['L4', SemanticTokenTypes.namespace],
    ['uncertain', SemanticTokenTypes.modifier],
    ['Upload', SemanticTokenTypes.event],
    ['M4.4', SemanticTokenTypes.enumMember],
    ['Sandbox (reference)', SemanticTokenTypes.function],
    ['Gate (reference)', SemanticTokenTypes.function],
    ['Sandbox (declaration)', SemanticTokenTypes.function],
    ['partial', SemanticTokenTypes.enumMember],
    ['Gate (declaration)', SemanticTokenTypes.function],
    ['7.8', SemanticTokenTypes.number]
];

describe('semantic tokens', () => {
    test.each(expected.map(([what, type], rangeIndex) => ({ what, type, rangeIndex })))(
        '$what is a $type token',
        async ({ type, rangeIndex }) => {
            const tokens = await highlight(text);
            expectSemanticToken(tokens, { rangeIndex, tokenType: type });
        }
    );

    test('declarations carry the declaration modifier, references do not', async () => {
        const tokens = await highlight(text);
        const declaration = services.lsp.SemanticTokenProvider!.tokenModifiers['declaration']!;
        const modifiersOf = (name: string): number[] =>
            tokens.tokens.filter((token) => token.text === name).map((token) => token.tokenModifiers & declaration);
        expect(modifiersOf('Sandbox')).toEqual([0, declaration]);
        expect(modifiersOf('Wan')).toEqual([declaration]);
        expect(modifiersOf('Upload')).toEqual([declaration]);
    });

    test('the CVSS vector stays a plain string: no token of ours on it', async () => {
        const tokens = await highlight('agent A { cvss "CVSS:4.0/AV:N" }');
        expect(tokens.tokens.map((token) => token.text)).toEqual(['A']);
    });
});
