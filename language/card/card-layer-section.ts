/**
 * The MAESTRO part of a card: seven layer paragraphs up to the footer. The plain rendering
 * gives one unlabeled paragraph per layer, L1…L7; the rich one a `L<n> · <name><status>`
 * heading before each.
 */
import { resolveLayerName } from '../maestro/maestro-layers.js';
import { CARD_LAYER_IDS } from './card-format.js';
import { FOOTER_RE, LAYER_HEADING_RE, UNCERTAIN_RE } from './card-line-patterns.js';
import type { CardLine, CardReader } from './card-reader.js';
import { CardSyntaxError, quote } from './card-reader.js';
import type { CardLayer, CardLayerId } from './card-types.js';

const LAYER_COUNT = CARD_LAYER_IDS.length;

export function parseLayerSection(reader: CardReader): { layers: CardLayer[]; headings: boolean } {
    const lines: CardLine[] = [];
    let footer: CardLine | undefined;
    for (let line = reader.next(); line; line = reader.next()) {
        if (FOOTER_RE.test(line.text)) {
            footer = line;
            break;
        }
        lines.push(line);
    }
    if (!footer) {
        throw reader.failAtEnd('expected the footer \'MAESTRO — the 7-layer agentic threat-modeling framework …\' after the layer paragraphs, found the end of the text');
    }
    const extra = reader.next();
    if (extra) {
        throw reader.failAt(extra, `unexpected text after the footer: ${quote(extra.text)}`);
    }
    const first = lines[0];
    if (first && LAYER_HEADING_RE.test(first.text)) {
        return { layers: readHeadedLayers(reader, lines, footer), headings: true };
    }
    return { layers: readPlainLayers(reader, lines, footer), headings: false };
}

function readPlainLayers(reader: CardReader, lines: readonly CardLine[], footer: CardLine): CardLayer[] {
    const heading = lines.find((line) => LAYER_HEADING_RE.test(line.text));
    if (heading) {
        throw reader.failAt(heading, `a layer heading among unlabeled layer paragraphs: ${quote(heading.text)}`);
    }
    if (lines.length !== LAYER_COUNT) {
        const at = lines[LAYER_COUNT] ?? footer;
        throw reader.failAt(at, `expected ${LAYER_COUNT} layer paragraphs (L1…L7), found ${lines.length}`);
    }
    return lines.map((line, index) => layerFrom(layerIdAt(index), line.text, false));
}

function readHeadedLayers(reader: CardReader, lines: readonly CardLine[], footer: CardLine): CardLayer[] {
    const layers: CardLayer[] = [];
    let index = 0;
    while (index < lines.length) {
        const headingLine = lines[index]!;
        const heading = LAYER_HEADING_RE.exec(headingLine.text);
        if (layers.length === LAYER_COUNT) {
            throw reader.failAt(headingLine, `unexpected text after the L7 paragraph: ${quote(headingLine.text)}`);
        }
        const id = layerIdAt(layers.length);
        if (!heading || `L${heading[1]!}` !== id) {
            throw reader.failAt(headingLine, `expected the heading of ${id} ('${id} · …'), found ${quote(headingLine.text)}`);
        }
        const named = resolveLayerName(heading[2]!);
        if (named !== id) {
            const says = named ? `names ${named}` : 'is not a MAESTRO layer name';
            throw reader.failAt(headingLine, `layer heading ${quote(headingLine.text)}: '${heading[2]!}' ${says}`);
        }
        const paragraph: string[] = [];
        for (index++; index < lines.length && !LAYER_HEADING_RE.test(lines[index]!.text); index++) {
            paragraph.push(lines[index]!.text);
        }
        if (paragraph.length === 0) {
            throw reader.failAt(headingLine, `layer ${id} has no paragraph under its heading`);
        }
        layers.push(layerFrom(id, paragraph.join(' '), heading[3]!.startsWith('⚠')));
    }
    if (layers.length < LAYER_COUNT) {
        throw new CardSyntaxError({
            line: footer.number,
            column: 1,
            message: `expected the heading of ${layerIdAt(layers.length)}, found the footer (${layers.length} of ${LAYER_COUNT} layers)`
        });
    }
    return layers;
}

/** A layer is uncertain when its heading says so or its paragraph starts with the caveat. */
function layerFrom(id: CardLayerId, text: string, flagged: boolean): CardLayer {
    const caveat = UNCERTAIN_RE.exec(text);
    return {
        id,
        uncertain: flagged || caveat !== null,
        paragraph: caveat ? text.slice(caveat[0].length) : text
    };
}

function layerIdAt(index: number): CardLayerId {
    const id = CARD_LAYER_IDS[index];
    if (!id) {
        throw new Error(`no card layer at position ${index}`);
    }
    return id;
}
