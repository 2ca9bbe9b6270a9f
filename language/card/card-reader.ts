/**
 * A cursor over the non-blank lines of a card. Blank lines, trailing spaces, CRLF and a BOM
 * carry no meaning on a card, so they are dropped here once; each kept line remembers its
 * physical line number and indentation for error positions.
 */
import type { CardParseError } from './card-types.js';

export interface CardLine {
    /** 1-based physical line number. */
    readonly number: number;
    /** Leading whitespace removed (see `indent`), trailing whitespace removed. */
    readonly text: string;
    /** How many whitespace characters preceded `text`, for 1-based columns. */
    readonly indent: number;
}

/** A structural error: the parser cannot find its place after it, so it stops. */
export class CardSyntaxError extends Error {
    constructor(readonly error: CardParseError) {
        super(error.message);
    }
}

export class CardReader {
    private readonly lines: readonly CardLine[];
    private position = 0;
    /** The number of the last physical line, where "found the end of the text" points. */
    readonly lastLine: number;

    constructor(text: string) {
        const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        this.lastLine = Math.max(1, physical.length);
        const lines: CardLine[] = [];
        physical.forEach((raw, index) => {
            const trimmedEnd = raw.trimEnd();
            const text = trimmedEnd.trimStart();
            if (text.length > 0) {
                lines.push({ number: index + 1, text, indent: trimmedEnd.length - text.length });
            }
        });
        this.lines = lines;
    }

    peek(): CardLine | undefined {
        return this.lines[this.position];
    }

    next(): CardLine | undefined {
        const line = this.lines[this.position];
        if (line) {
            this.position++;
        }
        return line;
    }

    /** The next line, or a structural error saying what was expected instead of the end. */
    expect(what: string): CardLine {
        const line = this.next();
        if (!line) {
            throw this.failAtEnd(`expected ${what}, found the end of the text`);
        }
        return line;
    }

    failAt(line: CardLine, message: string, column = 1): CardSyntaxError {
        return new CardSyntaxError({ line: line.number, column: line.indent + column, message });
    }

    failAtEnd(message: string): CardSyntaxError {
        return new CardSyntaxError({ line: this.lastLine, column: 1, message });
    }
}

/** A line quoted in a message, shortened so that a long paragraph does not swamp it. */
export function quote(text: string): string {
    return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
}
