import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Model } from '../generated/ast.js';
import { report } from './report.js';

// Trojan Source (CVE-2021-42574): bidi controls reorder what a reader sees.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Zero-width and other invisible characters; a BOM counts only away from the start.
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\u00AD\u180E\uFEFF]/g;
const WORD = /\p{L}+/gu;
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
    ['Latin', /\p{Script=Latin}/u],
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['Greek', /\p{Script=Greek}/u]
];

/**
 * A threat model is a security document: text that reads differently from how it parses,
 * or hides characters, is reported wherever it occurs (names, strings, comments).
 * Identifiers are ASCII by grammar; look-alikes can only hide in strings and comments, so
 * words there that mix Latin, Cyrillic and Greek letters are flagged too.
 */
export function textShouldNotHideCharacters(model: Model, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(model).textDocument;
    const text = document.getText();
    const at = (offset: number, length = 1) => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
    for (const match of text.matchAll(BIDI)) {
        const code = hex(match[0]);
        report(accept, 'bidi-control', `Bidirectional control character ${code} can make this text read differently from how it parses`, {
            node: model,
            range: at(match.index)
        }, { character: code });
    }
    for (const match of text.matchAll(INVISIBLE)) {
        if (match.index === 0 && match[0] === '\uFEFF') continue;
        const code = hex(match[0]);
        report(accept, 'invisible-character', `Invisible character ${code} hides in the text`, { node: model, range: at(match.index) }, { character: code });
    }
    if (/[^\x00-\x7F]/.test(text)) {
        for (const match of text.matchAll(WORD)) {
            const scripts = SCRIPTS.filter(([, pattern]) => pattern.test(match[0])).map(([name]) => name);
            if (scripts.length > 1) {
                report(accept, 'mixed-script-text', `'${match[0]}' mixes ${scripts.join(' and ')} letters (a look-alike?)`, {
                    node: model,
                    range: at(match.index, match[0].length)
                });
            }
        }
    }
}

function hex(character: string): string {
    return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
