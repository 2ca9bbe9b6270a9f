/**
 * Trojan Source (CVE-2021-42574) and look-alikes. A threat model is a security document: text
 * that reads differently from how it parses must be reported wherever it hides (names,
 * strings, comments, between tokens), with a quick fix that removes it. Identifiers are ASCII
 * by grammar (`[_a-zA-Z]\w*`), so a look-alike letter cannot make a name that resolves; the
 * `mixed-script-text` rule catches words mixing Latin, Cyrillic and Greek letters in strings
 * and comments instead.
 */
import { TextDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { analyse, forget, services } from '../fuzz/analyse.js';
import { apply } from '../server/code-action-helpers.js';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u00AD', '\u180E', '\uFEFF'];

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Places a character can hide; `@` marks where it goes. */
const PLACES: Record<string, string> = {
    'in a string': 'agent A "Ti@tle" {\n}\n',
    'in a line comment': '// note @ here\nagent A {\n}\n',
    'in a block comment': '/* a @ b */\nagent A {\n}\n',
    'between tokens': 'agent A {@\n}\n',
    'inside a name': 'agent Ad@min {\n}\n',
    'in a layer paragraph': 'agent A {\n    layer L1 { "text @ more" }\n}\n'
};

async function findings(text: string, code: string): Promise<Diagnostic[]> {
    const { diagnostics } = await analyse(text, { features: false, exports: false });
    return diagnostics.filter((d) => d.code === code);
}

describe('bidirectional control characters are a warning wherever they hide', () => {
    for (const [place, template] of Object.entries(PLACES)) {
        test(`every bidi control ${place}`, async () => {
            for (const c of BIDI) {
                const text = template.replace('@', c);
                const offset = text.indexOf(c);
                const found = await findings(text, 'bidi-control');
                expect(found, `${hex(c)} ${place}`).toHaveLength(1);
                const doc = TextDocument.create('file:///x.tm', 'threat-model', 1, text);
                expect(found[0]!.range).toEqual({ start: doc.positionAt(offset), end: doc.positionAt(offset + 1) });
                expect(found[0]!.severity).toBe(2);
                expect(found[0]!.message).toContain(hex(c));
            }
        });
    }

    test('the classic Trojan Source comment: a bidi override makes code look commented out', async () => {
        // Displayed, the RLO/LRI sequence makes `mitigation strong` look like part of the comment.
        const text = 'agent A {\n    /* reviewed \u202E } \u2066*/ mitigation strong /*\u2069 \u2066 */\n}\n';
        const line = text.split('\n')[1]!;
        const expected = [...line].flatMap((c, i) => (/[\u202E\u2066\u2069]/.test(c) ? [i] : []));
        const found = await findings(text, 'bidi-control');
        expect(expected).toHaveLength(4);
        expect(found.map((d) => [d.range.start.line, d.range.start.character])).toEqual(expected.map((i) => [1, i]));
    });
});

describe('invisible characters are a warning wherever they hide', () => {
    for (const [place, template] of Object.entries(PLACES)) {
        test(`every invisible character ${place}`, async () => {
            for (const c of INVISIBLE) {
                const text = template.replace('@', c);
                const found = await findings(text, 'invisible-character');
                expect(found, `${hex(c)} ${place}`).toHaveLength(1);
                expect(found[0]!.message).toContain(hex(c));
            }
        });
    }

    test('a byte-order mark at the very start is not a finding', async () => {
        expect(await findings('\uFEFFagent A {\n}\n', 'invisible-character')).toEqual([]);
    });
});

describe('look-alike letters', () => {
    test('a word mixing Latin and Cyrillic or Greek letters is flagged in strings and comments', async () => {
        // `pаypal` with a Cyrillic а (U+0430); `Αdmin` with a Greek Alpha (U+0391).
        const text = 'agent A "p\u0430ypal" {\n    // \u0391dmin approved\n    summary "\u0441\u0435\u0440\u0432\u0435\u0440 and server"\n}\n';
        const found = await findings(text, 'mixed-script-text');
        expect(found.map((d) => d.message)).toEqual([
            expect.stringContaining('Latin and Cyrillic'),
            expect.stringContaining('Latin and Greek')
        ]);
        // A word in one script (the Russian `сервер`) is not a look-alike.
        expect(found).toHaveLength(2);
    });

    test('identifiers are ASCII by grammar: a Cyrillic letter in a name is a syntax error, never a name that resolves', async () => {
        const text = 'agent A {\n    control S\u0430ndbox\n    layer L4 { threat T { mitigated_by Sandbox } }\n}\n';
        const { diagnostics } = await analyse(text, { features: false, exports: false });
        const codes = diagnostics.map((d) => d.code);
        expect(codes).toContain('syntax-error');
        expect(codes).toContain('mixed-script-text');
        // The look-alike did not declare `Sandbox`: the reference stays unresolved.
        expect(codes).toContain('unresolved-reference');
    });
});

describe('the quick fix removes hidden characters', () => {
    const provider = services.lsp.CodeActionProvider;

    async function fixesFor(text: string, code: string) {
        const { document, diagnostics } = await analyse(text, { features: false, exports: false, keep: true });
        try {
            const targets = diagnostics.filter((d) => d.code === code);
            const actions = (await provider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: targets[0]!.range,
                context: { diagnostics: [targets[0]!] }
            })) as CodeAction[] | undefined;
            return { actions: actions ?? [], document };
        } finally {
            await forget(document);
        }
    }

    test('one bidi control: the preferred fix removes exactly that character', async () => {
        const text = 'agent A "Ti\u202Etle" {\n}\n';
        const { actions } = await fixesFor(text, 'bidi-control');
        const preferred = actions.find((action) => action.isPreferred)!;
        expect(preferred.title).toContain('U+202E');
        expect(apply(text, preferred)).toBe('agent A "Title" {\n}\n');
        expect(await findings(apply(text, preferred), 'bidi-control')).toEqual([]);
    });

    test('many hidden characters: "remove all" leaves none, and the model otherwise unchanged', async () => {
        const clean = '// note here\nagent A "Title" {\n    summary "text more"\n}\n';
        const text = '// note \u2066here\u2069\nagent A "Ti\u202Etle" {\n    summary "text\u200B more"\n}\n';
        const bidi = (await fixesFor(text, 'bidi-control')).actions.find((action) => /all/i.test(action.title))!;
        const once = apply(text, bidi);
        expect(await findings(once, 'bidi-control')).toEqual([]);
        const invisible = (await fixesFor(once, 'invisible-character')).actions.find((action) => action.isPreferred)!;
        expect(apply(once, invisible)).toBe(clean);
    });
});
