/**
 * MAESTRO layer lookups shared by validation, hover, completion, import and reports: resolve
 * ids and the many names layers go by in the wild, and suggest a layer for a typo.
 */
import { boundedMemo } from '../bounded-memo.js';
import { editDistance, typoBudget } from './edit-distance.js';
import type { LayerId, MaestroLayer } from './maestro-layer-data.js';
import { MAESTRO_LAYERS } from './maestro-layer-data.js';

export type { LayerId, MaestroLayer } from './maestro-layer-data.js';
export { MAESTRO_LAYERS } from './maestro-layer-data.js';

/** All ids in stack order, cross-layer last. */
export const LAYER_IDS: readonly LayerId[] = MAESTRO_LAYERS.map((layer) => layer.id);

/** The seven stacked layers a card or a coverage check walks through. */
export const STACK_LAYER_IDS: readonly LayerId[] = LAYER_IDS.filter((id) => id !== 'XL');

const BY_ID = new Map<string, MaestroLayer>(MAESTRO_LAYERS.map((layer) => [layer.id, layer]));

export function isLayerId(text: string): text is LayerId {
    return BY_ID.has(text);
}

/** The layer with exactly this id (`L1`…`L7`, `XL`); case matters, `suggestLayerId` forgives it. */
export function resolveLayerId(id: string): MaestroLayer | undefined {
    return BY_ID.get(id);
}

/** The layer for an id already known to be valid. */
export function getMaestroLayer(id: LayerId): MaestroLayer {
    const layer = BY_ID.get(id);
    if (!layer) {
        throw new Error(`unknown MAESTRO layer ${id}`);
    }
    return layer;
}

/**
 * The comparison key of a layer name: case, `&` vs `and`, punctuation, spacing and plural `s`
 * do not distinguish layer names in practice ("Foundation Model" / "foundation models").
 */
export function normalizeLayerName(text: string): string {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/&/g, ' and ')
        .replace(/\s*\/\s*/g, '/')
        .replace(/[()[\]\-_·:,;.–—]/g, ' ')
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
        .join(' ');
}

const NAME_INDEX: ReadonlyMap<string, LayerId> = buildNameIndex();

function buildNameIndex(): Map<string, LayerId> {
    const index = new Map<string, LayerId>();
    for (const layer of MAESTRO_LAYERS) {
        for (const name of [layer.id, layer.name, layer.cardName, ...layer.aliases]) {
            const key = normalizeLayerName(name);
            const known = index.get(key);
            if (known !== undefined && known !== layer.id) {
                throw new Error(`layer alias '${name}' names both ${known} and ${layer.id}`);
            }
            index.set(key, layer.id);
        }
    }
    return index;
}

interface SplitName {
    /** The layer a `Layer N` / `LN` prefix designates; undefined without a prefix. */
    readonly numbered: LayerId | undefined;
    /** True when a prefix was present but its number is not 1–7. */
    readonly badNumber: boolean;
    readonly rest: string;
}

function splitPrefix(key: string): SplitName {
    const match = /^(?:layer ?(\d+)|l(\d+)|layer)(?: |$)(.*)$/.exec(key);
    if (!match) {
        return { numbered: undefined, badNumber: false, rest: key };
    }
    const digits = match[1] ?? match[2];
    const rest = match[3] ?? '';
    if (digits === undefined) {
        return { numbered: undefined, badNumber: false, rest };
    }
    const id = `L${Number(digits)}`;
    return isLayerId(id) && id !== 'XL'
        ? { numbered: id, badNumber: false, rest }
        : { numbered: undefined, badNumber: true, rest };
}

function lookupName(key: string): LayerId | undefined {
    const direct = NAME_INDEX.get(key);
    if (direct !== undefined || !key.endsWith(' layer')) {
        return direct;
    }
    // "Agent Frameworks Layer": a trailing "layer" adds nothing, but only try it second so
    // that "vertical layer" and "cross layer" stay whole aliases.
    return NAME_INDEX.get(key.slice(0, -' layer'.length));
}

interface NameReading {
    readonly numbered: LayerId | undefined;
    readonly named: LayerId | undefined;
    readonly badNumber: boolean;
    /** True when the text is nothing but a `Layer N` / `LN` prefix. */
    readonly bare: boolean;
}

/**
 * Readings memoised by text: a model names its layers with a handful of strings, read by the
 * layer rules of every layer of every agent (normalising was ~3 % of `atm check`). Readings
 * are immutable; the memo is bounded like the CVSS vector one, and only short names are kept,
 * so hostile labels cannot make it large.
 */
const READING_LIMIT = 10_000;
const READING_MAX_LENGTH = 200;
const readNameMemoised = boundedMemo(READING_LIMIT, readNameUncached);

function readName(text: string): NameReading | undefined {
    return text.length > READING_MAX_LENGTH ? readNameUncached(text) : readNameMemoised(text);
}

function readNameUncached(text: string): NameReading | undefined {
    const key = normalizeLayerName(text);
    if (key.length === 0) {
        return undefined;
    }
    const whole = lookupName(key);
    if (whole !== undefined) {
        return { numbered: undefined, named: whole, badNumber: false, bare: false };
    }
    const split = splitPrefix(key);
    const named = split.rest.length > 0 ? lookupName(split.rest) : undefined;
    return { numbered: split.numbered, named, badNumber: split.badNumber, bare: split.rest.length === 0 };
}

/**
 * The layer a free-text name designates: a canonical name, the card's "&" form, a documented
 * alias, optionally prefixed by `Layer N` / `LN` (`Layer 1: Foundation Model`, `L4 · Deployment
 * & Infrastructure`). A prefix whose number disagrees with the name resolves to nothing (see
 * `layerNameConflict`), and so does the ambiguous bare "Orchestration".
 */
export function resolveLayerName(text: string): LayerId | undefined {
    const reading = readName(text);
    if (!reading || reading.badNumber) {
        return undefined;
    }
    if (reading.named === undefined) {
        // "Layer 3" alone names its layer; "L5 Security" (a prefix plus an unknown name) does not.
        return reading.bare ? reading.numbered : undefined;
    }
    return reading.numbered === undefined || reading.numbered === reading.named ? reading.named : undefined;
}

/** A name whose number and words designate different layers (`L5 Data Operations`). */
export function layerNameConflict(text: string): { numbered: LayerId; named: LayerId } | undefined {
    const reading = readName(text);
    if (!reading || reading.numbered === undefined || reading.named === undefined) {
        return undefined;
    }
    return reading.numbered === reading.named ? undefined : { numbered: reading.numbered, named: reading.named };
}

/**
 * The layer a mistyped id or name most likely meant, for "did you mean" diagnostics:
 * `l1` → L1, `Foundation Modle` → L1. Out-of-range numbers (`L8`) and names more than a few
 * typos away from every alias get no suggestion; a guess that could be two layers gets none.
 */
export function suggestLayerId(text: string): LayerId | undefined {
    const trimmed = text.trim();
    if (isLayerId(trimmed)) {
        return trimmed;
    }
    const resolved = resolveLayerName(trimmed);
    if (resolved !== undefined) {
        return resolved;
    }
    const key = normalizeLayerName(trimmed);
    const split = splitPrefix(key);
    if (split.badNumber || (split.numbered !== undefined && split.rest.length > 0)) {
        return undefined;
    }
    return nearestByName(key);
}

function nearestByName(key: string): LayerId | undefined {
    const budget = typoBudget(key.length);
    if (budget === 0) {
        return undefined;
    }
    let best = budget + 1;
    let found = new Set<LayerId>();
    for (const [name, id] of NAME_INDEX) {
        if (name.length < 5) {
            continue; // short aliases (FM, CL, L1) are one typo away from too much
        }
        const distance = editDistance(key, name);
        if (distance < best) {
            best = distance;
            found = new Set([id]);
        } else if (distance === best) {
            found.add(id);
        }
    }
    return found.size === 1 && best <= budget ? [...found][0] : undefined;
}
