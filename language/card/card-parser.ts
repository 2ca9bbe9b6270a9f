/**
 * Reads an AgentReady threat-model card, plain or rich rendering (shared/spec/maestro.md §3).
 * The parser keys on the card's fixed sentences and line patterns, never on line numbers, and
 * reports what it expected where it stopped, with the physical line and column.
 */
import { CARD_FACTORS } from './card-format.js';
import { parseLayerSection } from './card-layer-section.js';
import {
    BACK_LINK_RE,
    FACTOR_ROW_RE,
    FORMULA_RE,
    MAESTRO_HEADER_RE,
    NAVIGATION_RE,
    PER_LAYER_SENTENCE_RE,
    RATIONALE_HEADER_RE,
    SCORE_HEADLINE_RE,
    SCORE_INPUTS_RE,
    TITLE_RE,
    isSectionLine,
    sameFactorName
} from './card-line-patterns.js';
import type { CardLine } from './card-reader.js';
import { CardReader, CardSyntaxError, quote } from './card-reader.js';
import type { Card, CardFactor, CardParseError, CardParseResult, CardScore } from './card-types.js';

export function parseCard(text: string): CardParseResult {
    const reader = new CardReader(text);
    const errors: CardParseError[] = [];
    try {
        const card = readCard(reader, errors);
        return errors.length === 0 ? { ok: true, card } : { ok: false, errors };
    } catch (caught) {
        if (caught instanceof CardSyntaxError) {
            return { ok: false, errors: [...errors, caught.error] };
        }
        throw caught;
    }
}

function readCard(reader: CardReader, errors: CardParseError[]): Card {
    const navigation = NAVIGATION_RE.test(reader.peek()?.text ?? '');
    if (navigation) {
        reader.next();
    }
    const backLinkMatch = BACK_LINK_RE.exec(reader.peek()?.text ?? '');
    const backLink = backLinkMatch ? backLinkMatch[1]! : undefined;
    if (backLinkMatch) {
        reader.next();
    }
    const titleLine = reader.next();
    const title = titleLine ? TITLE_RE.exec(titleLine.text) : null;
    if (!titleLine || !title) {
        const message = 'not a threat-model card: no \'… — agentic threat model\' title line';
        throw titleLine ? reader.failAt(titleLine, message) : reader.failAtEnd(message);
    }
    const { summary, score } = readPreamble(reader);
    const factors = readFactors(reader, errors);
    const rationale = readRationale(reader);
    const per = reader.peek();
    if (per && PER_LAYER_SENTENCE_RE.test(per.text)) {
        reader.next();
    }
    const { layers, headings } = parseLayerSection(reader);
    return {
        rendering: score !== undefined || headings ? 'rich' : 'plain',
        name: title[1]!,
        backLink,
        navigation,
        summary,
        factors,
        rationale,
        layers,
        score
    };
}

/** The summary paragraph and, on a rich card, the score block, up to the rationale header. */
function readPreamble(reader: CardReader): { summary: string; score: CardScore | undefined } {
    const summary: string[] = [];
    let headline: { line: CardLine; match: RegExpExecArray } | undefined;
    let score: CardScore | undefined;
    for (;;) {
        const line = reader.expect(`'OWASP AIVSS score rationale'`);
        if (RATIONALE_HEADER_RE.test(line.text)) {
            if (summary.length === 0) {
                throw reader.failAt(line, `expected the summary paragraph after the title line, found ${quote(line.text)}`);
            }
            if (headline && !score) {
                throw reader.failAt(headline.line, 'the score line is not followed by the \'CVSS base … Mitigation ×…\' inputs line');
            }
            break;
        }
        if (isSectionLine(line.text)) {
            throw reader.failAt(line, `expected 'OWASP AIVSS score rationale', found ${quote(line.text)}`);
        }
        const headlineMatch = SCORE_HEADLINE_RE.exec(line.text);
        const inputs = SCORE_INPUTS_RE.exec(line.text);
        if (headlineMatch) {
            if (summary.length === 0) {
                throw reader.failAt(line, 'expected the summary paragraph before the score');
            }
            if (headlineMatch[1] !== headlineMatch[2]) {
                throw reader.failAt(line, `the score line shows two different scores, ${headlineMatch[1]} and ${headlineMatch[2]}`);
            }
            headline = { line, match: headlineMatch };
        } else if (inputs) {
            if (!headline) {
                throw reader.failAt(line, 'the AIVSS inputs line is not preceded by the \'<score>AIVSS <score> · <severity>\' line');
            }
            score = {
                score: headline.match[1]!,
                severity: capitalize(headline.match[3]!),
                cvssBase: inputs[1]!,
                aarsUplift: inputs[2]!,
                factorSum: inputs[3]!,
                thm: inputs[4]!,
                mf: inputs[5]!
            };
        } else if (FORMULA_RE.test(line.text) && headline) {
            continue;
        } else if (headline) {
            throw reader.failAt(line, `expected the AIVSS score inputs or 'OWASP AIVSS score rationale', found ${quote(line.text)}`);
        } else {
            summary.push(line.text);
        }
    }
    return { summary: summary.join(' '), score };
}

function readFactors(reader: CardReader, errors: CardParseError[]): CardFactor[] {
    return CARD_FACTORS.map(({ displayName, key }) => {
        const what = `the factor row '${displayName}'`;
        const line = reader.expect(what);
        let value: string;
        let valueLine: CardLine;
        let valueColumn: number;
        if (line.text.startsWith('|')) {
            const row = FACTOR_ROW_RE.exec(line.text);
            if (!row) {
                throw reader.failAt(line, `expected ${what} as '| ${displayName} | 0.00 | |', found ${quote(line.text)}`);
            }
            if (!sameFactorName(row[1]!.trim(), displayName)) {
                throw reader.failAt(line, `expected ${what}, found ${quote(line.text)}`);
            }
            [value, valueLine] = [row[2]!.trim(), line];
            valueColumn = line.text.indexOf(value, line.text.indexOf('|', 1)) + 1;
        } else {
            // Rich rendering: the name on one line, the value on the next.
            if (!sameFactorName(line.text, displayName)) {
                throw reader.failAt(line, `expected ${what}, found ${quote(line.text)}`);
            }
            valueLine = reader.expect(`the value of '${displayName}'`);
            [value, valueColumn] = [valueLine.text, 1];
        }
        const problem = factorValueProblem(value);
        if (problem) {
            errors.push({ line: valueLine.number, column: valueLine.indent + valueColumn, message: problem });
        }
        return { displayName, key, valueText: value };
    });
}

/** Why a printed factor value is unusable, or undefined when it is fine. */
function factorValueProblem(value: string): string | undefined {
    const number = /^(\d+)(?:\.(\d+))?$/.exec(value);
    if (!number) {
        return `factor value ${quote(value)} is not a number`;
    }
    const decimals = number[2] ?? '';
    if (decimals.length > 2) {
        return `factor value ${value} has more than two decimals`;
    }
    const whole = Number(number[1]);
    if (whole > 1 || (whole === 1 && /[1-9]/.test(decimals))) {
        return `factor value ${value} is outside 0.00–1.00`;
    }
    return undefined;
}

/** The scoring sentence between the factors and the MAESTRO header (absent on rich pages). */
function readRationale(reader: CardReader): string | undefined {
    const sentence: string[] = [];
    for (;;) {
        const line = reader.expect(`'MAESTRO 7-layer threat model'`);
        if (MAESTRO_HEADER_RE.test(line.text)) {
            return sentence.length > 0 ? sentence.join(' ') : undefined;
        }
        if (line.text.startsWith('|')) {
            throw reader.failAt(line, `expected 'MAESTRO 7-layer threat model' after the ten factor rows, found ${quote(line.text)}`);
        }
        if (isSectionLine(line.text)) {
            throw reader.failAt(line, `expected 'MAESTRO 7-layer threat model', found ${quote(line.text)}`);
        }
        sentence.push(line.text);
    }
}

function capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
