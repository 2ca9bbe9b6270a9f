import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { formatModelText } from '../../server/format-text.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const expectFormatted = expectFormatting(services);
const example = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

const lines = (...text: string[]): string => text.join('\n') + '\n';

/** `before` formats to `after`, and `after` is a fixed point (the formatter is idempotent). */
async function expectCanonical(before: string, after: string): Promise<void> {
    await expectFormatted({ before, after, disposeAfterCheck: true });
    await expectFormatted({ before: after, after, disposeAfterCheck: true });
}

describe('formatter: the seed card is a fixed point', () => {
    test('formatting example.tm changes nothing (LSP edits)', async () => {
        await expectFormatted({ before: example, after: example, disposeAfterCheck: true });
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(example, URI.parse('memory:///edits.tm'));
        const edits = await services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 4, insertSpaces: true }
        });
        expect(edits).toEqual([]);
    });

    test('formatting example.tm changes nothing (text entry point)', async () => {
        expect(await formatModelText(services, example)).toBe(example);
    });

    test('a flattened example.tm formats back to example.tm, comments aside', async () => {
        // Every line's indentation removed and members joined onto fewer lines; comments are
        // left as they are because their text is the author's.
        const flattened = example
            .replace(/^ +(?!\/\/)/gm, '')
            .replace(/\{\n(\s*)"/g, '{ "')
            .replace(/ {2,}(?=[0-9])/g, ' ');
        expect(flattened).not.toBe(example);
        expect(await formatModelText(services, flattened)).toBe(example);
    });
});

describe('formatter: indentation and line structure', () => {
    test('badly indented input gets 4 spaces per level', async () => {
        await expectCanonical(
            lines(
                'agent A {',
                '  summary "s"',
                '        layer L1 {',
                '   threat T "t" {',
                'cvss 9.3',
                '              exploit attacked',
                '     }',
                '}',
                '      }'
            ),
            lines(
                'agent A {',
                '    summary "s"',
                '    layer L1 {',
                '        threat T "t" {',
                '            cvss 9.3',
                '            exploit attacked',
                '        }',
                '    }',
                '}'
            )
        );
    });

    test('one member per line: members written on one line are split', async () => {
        await expectCanonical(
            lines('agent A { summary "s" cvss 9.3 control C }'),
            lines('agent A {', '    summary "s"', '    cvss 9.3', '    control C', '}')
        );
    });

    test('tokens of one statement are separated by one space; commas hug the name before', async () => {
        await expectCanonical(
            lines(
                'aivss   0.8    rounding half_even',
                'agent    A     "Title"{',
                '    layer   L4  "Deployment and Infrastructure"   uncertain {',
                '        threat T{ mitigated_by   C1 ,C2,   C3 }',
                '    }',
                '    control C1 { strength   0.5 }',
                '}'
            ),
            lines(
                'aivss 0.8 rounding half_even',
                'agent A "Title" {',
                '    layer L4 "Deployment and Infrastructure" uncertain {',
                '        threat T { mitigated_by C1, C2, C3 }',
                '    }',
                '    control C1 { strength 0.5 }',
                '}'
            )
        );
    });

    test('at most one blank line is kept between members, none before a closing brace', async () => {
        await expectCanonical(
            lines('aivss 0.8', '', '', '', 'agent A {', '    summary "s"', '', '', '', '    cvss 9.3', '', '', '}'),
            lines('aivss 0.8', '', 'agent A {', '    summary "s"', '', '    cvss 9.3', '}')
        );
    });

    test('the blank-line limit holds before comments too', async () => {
        await expectCanonical(
            lines('agent A {', '    summary "s"', '', '', '', '    // about the layer', '', '', '    layer L1', '}', '', '', '// end'),
            lines('agent A {', '    summary "s"', '', '    // about the layer', '', '    layer L1', '}', '', '// end')
        );
    });

    test('agents start at column 0 on their own line', async () => {
        await expectCanonical(lines('aivss 0.8 agent A { } agent B { }'), lines('aivss 0.8', 'agent A {}', 'agent B {}'));
    });
});

describe('formatter: one-member blocks', () => {
    test('a one-member block written on one line stays on one line', async () => {
        await expectCanonical(
            lines('agent A {', '    layer L1 {', '        threat T "t" {catalog    M1.2}', '    }', '    control C "c" {   strength partial }', '}'),
            lines('agent A {', '    layer L1 {', '        threat T "t" { catalog M1.2 }', '    }', '    control C "c" { strength partial }', '}')
        );
    });

    test('a one-member block written over several lines stays expanded', async () => {
        await expectCanonical(
            lines('agent A {', 'control C {', 'strength partial', '}', '}'),
            lines('agent A {', '    control C {', '        strength partial', '    }', '}')
        );
    });

    test('a block with two members on one line is expanded', async () => {
        await expectCanonical(
            lines('agent A {', '    layer L1 {', '        threat T { catalog M1.2 cvss 9.3 }', '    }', '}'),
            lines('agent A {', '    layer L1 {', '        threat T {', '            catalog M1.2', '            cvss 9.3', '        }', '    }', '}')
        );
    });

    test('a one-line block opens up when its member\'s block must (idempotence)', async () => {
        await expectCanonical(
            lines('agent A {', '    layer L1 { threat T { exploit attacked mitigation none } }', '}'),
            lines(
                'agent A {',
                '    layer L1 {',
                '        threat T {',
                '            exploit attacked',
                '            mitigation none',
                '        }',
                '    }',
                '}'
            )
        );
        await expectCanonical(lines('agent A {', '    layer L1 { threat T { catalog M1.1 } }', '}'), lines('agent A {', '    layer L1 { threat T { catalog M1.1 } }', '}'));
    });

    test('an empty block on one line closes up; an empty block over lines keeps its closing line', async () => {
        await expectCanonical(lines('agent A {   }'), lines('agent A {}'));
        await expectCanonical(lines('agent A {', '', '   }'), lines('agent A {', '}'));
    });
});

describe('formatter: factor column', () => {
    test('values start two columns after the longest key of their block', async () => {
        await expectCanonical(
            lines(
                'agent A {',
                '    factors {',
                '        autonomy_of_action 0.5',
                '        dynamic_tool_use       1',
                '            rationale    "why"',
                '    }',
                '}'
            ),
            lines(
                'agent A {',
                '    factors {',
                '        autonomy_of_action  0.5',
                '        dynamic_tool_use    1',
                '        rationale "why"',
                '    }',
                '}'
            )
        );
    });

    test('each factors block has its own column', async () => {
        await expectCanonical(
            lines('agent A {', 'factors {', 'a 1', 'bb 0', '}', '}', 'agent B {', 'factors {', 'longer_key 1', '}', '}'),
            lines(
                'agent A {',
                '    factors {',
                '        a   1',
                '        bb  0',
                '    }',
                '}',
                'agent B {',
                '    factors {',
                '        longer_key  1',
                '    }',
                '}'
            )
        );
    });
});

describe('formatter: comments and strings', () => {
    test('the spacing before a trailing comment is kept, wherever it is', async () => {
        await expectCanonical(
            lines(
                'aivss 0.8          // version',
                'agent A {// opens',
                '  summary "s"    // summary',
                '  factors {',
                '      autonomy_of_action 0.5 // one',
                '      dynamic_tool_use 1           // two',
                '  }   // closes factors',
                '}',
                '// the end'
            ),
            lines(
                'aivss 0.8          // version',
                'agent A {// opens',
                '    summary "s"    // summary',
                '    factors {',
                '        autonomy_of_action  0.5 // one',
                '        dynamic_tool_use    1           // two',
                '    }   // closes factors',
                '}',
                '// the end'
            )
        );
    });

    test('comments on their own line stay on their line and follow the indentation of the code', async () => {
        await expectCanonical(
            lines(
                '// header comment',
                'agent A {',
                '// before the summary',
                'summary "s"',
                '',
                '        /* a block',
                '           comment */',
                '    layer L1 {',
                '  // inside the layer',
                '    }',
                '              // last in the agent',
                '}'
            ),
            lines(
                '// header comment',
                'agent A {',
                '    // before the summary',
                '    summary "s"',
                '',
                '    /* a block',
                '       comment */',
                '    layer L1 {',
                '        // inside the layer',
                '    }',
                '    // last in the agent',
                '}'
            )
        );
    });

    test('a comment between the tokens of a statement keeps the statement apart', async () => {
        // Joining `threat T` and `{` would put the brace inside the comment.
        await expectCanonical(
            lines('agent A {', 'layer L1 {', 'threat T // why', '{ catalog M1.2 }', '}', '}'),
            lines('agent A {', '    layer L1 {', '        threat T // why', '{ catalog M1.2 }', '    }', '}')
        );
    });

    test('block comments inside a one-line block keep their place', async () => {
        await expectCanonical(
            lines('agent A {', '    control C { /* until Q3 */ strength partial }', '}'),
            lines('agent A {', '    control C { /* until Q3 */ strength partial }', '}')
        );
    });

    test('strings are never wrapped or changed, however long or odd', async () => {
        const long = `"${'x'.repeat(400)} { } // not a comment"`;
        await expectCanonical(
            lines('agent A {', `summary ${long}`, 'layer L1 {', '"a paragraph', '   spanning lines"', '}', '}'),
            lines('agent A {', `    summary ${long}`, '    layer L1 {', '        "a paragraph', '   spanning lines"', '    }', '}')
        );
    });
});

describe('formatter: range formatting', () => {
    test('only the selected lines change (and the line break that ends them)', async () => {
        // Langium keeps an edit that starts inside the range: here the break before `}`.
        await expectFormatted({
            before: lines('agent A {', '  summary   "s"', '  layer L1 {', 'threat   T', '  }', '}'),
            after: lines('agent A {', '  summary   "s"', '  layer L1 {', '        threat T', '    }', '}'),
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } },
            disposeAfterCheck: true
        });
    });
});

describe('formatter: documents it does not touch', () => {
    test('a document with syntax errors gets no edits', async () => {
        await expectFormatted({ before: 'agent A {\n  summary\n', after: 'agent A {\n  summary\n', disposeAfterCheck: true });
    });
});
