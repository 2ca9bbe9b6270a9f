import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { expectFoldings } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const example = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

const asLines = (foldings: FoldingRange[]): string[] =>
    foldings.map((f) => `${f.startLine + 1}-${f.endLine + 1}${f.kind ? ` ${f.kind}` : ''}`).sort();

describe('folding ranges', () => {
    test('the seed card folds its agent, factors, layers, the multi-line threat and comment paragraphs', async () => {
        await expectFoldings(services)({
            text: example,
            disposeAfterCheck: true,
            // 1-based line numbers as an editor shows them; a block folds up to the line before its `}`.
            assert: (foldings) =>
                expect(asLines(foldings)).toEqual(
                    [
                        '1-4 comment', // file header comment
                        '8-65', // agent
                        '11-22', // factors
                        '24-27 comment', // the commented-out cvss / exploit / mitigation
                        '29-33', // L1
                        '35-38', // L2
                        '40-42', // L3
                        '44-51', // L4
                        '47-50', // UploadParsing
                        '53-55', // L5
                        '57-59', // L6
                        '61-62' // L7
                    ].sort()
                )
        });
    });

    test('block comments fold; a single line comment and trailing comments do not', async () => {
        await expectFoldings(services)({
            text: [
                '/* one',
                '   two',
                '   three */',
                '// alone',
                'agent A { // trailing',
                '    summary "s" // trailing',
                '}'
            ].join('\n'),
            disposeAfterCheck: true,
            // Langium folds a block comment up to the line before its `*/`, like a block before its `}`.
            assert: (foldings) => expect(asLines(foldings)).toEqual(['1-2 comment', '5-6'])
        });
    });
});
