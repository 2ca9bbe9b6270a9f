/**
 * `threatModel/importCard`: a card's text (read by the client) to `.tm` source, or the located
 * reasons it is not a card. The same parser and writer as `atm import`.
 */
import { parseCard } from '../../language/card/card-parser.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import type { CardError, ImportCardParams, ImportCardResult } from '../report-protocol.js';
import { MAX_CARD_LENGTH } from '../report-protocol.js';

export function importCard(params: ImportCardParams): ImportCardResult {
    const text = typeof params.text === 'string' ? params.text : '';
    const rejected = rejectCardText(text);
    if (rejected) return { ok: false, errors: [rejected] };
    const parsed = parseCard(text);
    if (!parsed.ok) {
        return { ok: false, errors: parsed.errors.map(({ line, column, message }) => ({ line, column, message })) };
    }
    const source = typeof params.source === 'string' ? safeSource(params.source) : '';
    const tm = cardToTm(parsed.card, source ? { source } : {});
    return { ok: true, tm, name: parsed.card.name, errors: [] };
}

/** Too large, or not text (a NUL byte, or U+FFFD: what undecodable UTF-8 turns into). */
function rejectCardText(text: string): CardError | undefined {
    if (text.length > MAX_CARD_LENGTH) {
        return { line: 1, column: 1, message: `Not a card: ${text.length} characters is far beyond any card (limit ${MAX_CARD_LENGTH})` };
    }
    const bad = text.search(/[\u0000\uFFFD]/);
    if (bad < 0) return undefined;
    const before = text.slice(0, bad).split(/\r\n|\r|\n/);
    return {
        line: before.length,
        column: before[before.length - 1]!.length + 1,
        message: 'Not a text card: binary or not valid UTF-8'
    };
}

/**
 * The file name goes into a `//` comment of the generated model: a line break in it (file
 * names may hold one) would end the comment and make the rest of the name model source.
 */
function safeSource(source: string): string {
    // eslint-disable-next-line no-control-regex
    return source.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim().slice(0, 200);
}
