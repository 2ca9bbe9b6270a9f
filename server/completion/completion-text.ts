import type { Lexer } from 'langium';
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Text-level facts about the completion position that the grammar-driven completion cannot
 * see: whether the cursor sits in a comment or a string (where nothing should be proposed), and
 * the partly typed token in front of it when that token does not lex yet (`M1.`, `"CVSS:4.0/AV:`).
 */
export type LexicalPlace = 'code' | 'comment' | 'string';

/** Where `offset` falls: inside a comment, inside a string literal, or in code. */
export function lexicalPlaceAt(lexer: Lexer, text: string, offset: number): LexicalPlace {
    const result = lexer.tokenize(text);
    for (const token of result.hidden) {
        const start = token.startOffset;
        const end = token.endOffset ?? start;
        const isLineComment = token.image.startsWith('//');
        // A line comment also holds the position right after its last character; a block
        // comment only the positions between its delimiters.
        if (start < offset && (isLineComment ? offset <= end + 1 : offset <= end - 1)) {
            return 'comment';
        }
    }
    for (const token of result.tokens) {
        const start = token.startOffset;
        const end = token.endOffset ?? start;
        if (token.image.startsWith('"') && start < offset && offset <= end) {
            return 'string';
        }
    }
    // An unclosed string does not lex as a STRING; an odd number of quotes before the cursor on
    // its line (outside comments) still means the cursor is inside one.
    const prefix = linePrefix(text, offset);
    return (prefix.replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2 === 1 ? 'string' : 'code';
}

/** The text of the cursor's line up to the cursor. */
export function linePrefix(text: string, offset: number): string {
    return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/** The leading whitespace of the line that holds `offset`. */
export function lineIndentAt(text: string, offset: number): string {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The start of the run of characters matching `chars` (one character class) that ends at `offset`. */
export function runStart(text: string, offset: number, chars: RegExp): number {
    let start = offset;
    while (start > 0 && chars.test(text.charAt(start - 1))) {
        start--;
    }
    return start;
}

export function rangeOf(document: TextDocument, start: number, end: number): Range {
    return { start: document.positionAt(start), end: document.positionAt(end) };
}
