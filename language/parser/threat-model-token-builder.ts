import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';

/**
 * Keeps lexing linear on hostile text. STRING and ML_COMMENT scan to their closing quote or
 * `*\/`; when there is none, the scan fails and Chevrotain tries again at the next `"` or `/*`,
 * so a text of many unclosed starts (`"\` or `/*x` repeated) was lexed quadratically: 160 kB
 * kept the language server busy for two minutes, and a 1 MB file for hours.
 *
 * Once the scan from `p` has failed, later starts fail without a scan:
 * - a block comment from `p` finds no `*\/` after it, so neither does one starting later;
 * - a string from `p` ran through every later `"` up to where it stopped (a backslash before a
 *   line break or the end of the text) as an escaped character, so a string starting at such a
 *   `"` continues exactly as the failed one did, and stops at the same place.
 * The matchers remember the last failure per text; tokens and errors are those of the grammar's
 * regular expressions, only found without the repeated scans.
 */
export class ThreatModelTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule) {
        const token = super.buildTerminalToken(terminal);
        const regex = token.PATTERN instanceof RegExp ? token.PATTERN : undefined;
        if (regex && terminal.name === 'STRING') {
            return { ...token, PATTERN: failureMemo(regex, '"', stringStop), START_CHARS_HINT: ['"'], LINE_BREAKS: true };
        }
        if (regex && terminal.name === 'ML_COMMENT') {
            return { ...token, PATTERN: failureMemo(regex, '/*', (text) => text.length), START_CHARS_HINT: ['/'], LINE_BREAKS: true };
        }
        return token;
    }
}

/**
 * A matcher for `regex` that, after failing at an `opening` (`"`, `/*`; not at a lone `/`, which
 * is no comment at all) at offset `p`, fails at once at every later offset up to `stop(text, p)`.
 */
function failureMemo(regex: RegExp, opening: string, stop: (text: string, from: number) => number) {
    const sticky = new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
    let failedText: string | undefined;
    let failedFrom = -1;
    let failedTo = -1;
    return (text: string, offset: number): RegExpExecArray | null => {
        if (text === failedText && offset > failedFrom && offset <= failedTo) {
            return null;
        }
        sticky.lastIndex = offset;
        const match = sticky.exec(text);
        if (!match && text.startsWith(opening, offset)) {
            failedText = text;
            failedFrom = offset;
            failedTo = stop(text, offset);
        }
        return match;
    };
}

/**
 * Where an unclosed string starting at `from` stops: the grammar's STRING is
 * `"[^"\\]*(?:\\.[^"\\]*)*"`, and `.` matches no line terminator, so the scan ends at a
 * backslash before a line break, or at the end of the text.
 */
function stringStop(text: string, from: number): number {
    let i = from + 1;
    while (i < text.length) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return i;
            i += 2;
        } else {
            i++;
        }
    }
    return text.length;
}

function isLineTerminator(code: number): boolean {
    return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}
