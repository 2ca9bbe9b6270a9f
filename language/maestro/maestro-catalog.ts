/**
 * Lookups over the MAESTRO threat catalog: by id, by layer, "did you mean" for a mistyped id,
 * and recognising the catalog entry a free-text threat phrase names (the card importer).
 */
import { CATALOG_MATCH_RULES } from './catalog-match-rules.js';
import { editDistance } from './edit-distance.js';
import type { CatalogThreat } from './maestro-catalog-data.js';
import { MAESTRO_CATALOG } from './maestro-catalog-data.js';
import type { LayerId } from './maestro-layer-data.js';

export type { CatalogThreat } from './maestro-catalog-data.js';
export { MAESTRO_CATALOG } from './maestro-catalog-data.js';

const BY_ID = new Map<string, CatalogThreat>(MAESTRO_CATALOG.map((threat) => [threat.id, threat]));

export function catalogThreatById(id: string): CatalogThreat | undefined {
    return BY_ID.get(id);
}

export function catalogThreatsForLayer(layer: LayerId): readonly CatalogThreat[] {
    return MAESTRO_CATALOG.filter((threat) => threat.layer === layer);
}

/** Lower case, `&` as "and", every run of punctuation or space as one space. */
export function normalizeThreatPhrase(text: string): string {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/&/g, ' and ')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}

// Hedges and "risk of" in front of the threat's head noun phrase carry no meaning for matching.
const LEADING_FILLER = /^(?:(?:the|a|an|potential|possible|various|further) )*(?:(?:risks?|threats?|dangers?) of (?:(?:the|a|an) )?)?/;

interface CompiledRule {
    readonly threat: CatalogThreat;
    readonly pattern: RegExp;
}

const RULES: readonly CompiledRule[] = MAESTRO_CATALOG.flatMap((threat) => {
    const ownName = escapeRegExp(normalizeThreatPhrase(threat.name));
    const sources = [ownName, ...(CATALOG_MATCH_RULES[threat.id] ?? [])];
    return sources.map((source) => ({ threat, pattern: new RegExp(`^(?:${source})(?![a-z0-9])`) }));
});

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The catalog entry a free-text threat phrase names, or undefined. The rule is deliberately
 * narrow: the phrase's head (after hedges such as "potential" or "risk of") must begin with
 * the entry's name or one of its listed wordings (catalog-match-rules.ts). With a layer, only
 * that layer's entries are candidates, which also disambiguates names shared across layers
 * (Denial of Service in L1 vs L4). When two entries match, the longer match wins; a tie
 * (e.g. "data poisoning" with no layer: M1.5 or M2.1) matches nothing.
 */
export function matchCatalogThreat(phrase: string, layer?: LayerId): CatalogThreat | undefined {
    const head = normalizeThreatPhrase(phrase).replace(LEADING_FILLER, '');
    if (head.length === 0) {
        return undefined;
    }
    let bestLength = 0;
    let best = new Set<CatalogThreat>();
    for (const rule of RULES) {
        if (layer !== undefined && rule.threat.layer !== layer) {
            continue;
        }
        const match = rule.pattern.exec(head);
        if (!match) {
            continue;
        }
        const length = match[0].length;
        if (length > bestLength) {
            bestLength = length;
            best = new Set([rule.threat]);
        } else if (length === bestLength) {
            best.add(rule.threat);
        }
    }
    return best.size === 1 ? [...best][0] : undefined;
}

/**
 * The catalog id a mistyped reference most likely meant: case and separators (`m1.2`, `M1-2`,
 * `M1.02`, `MXL.1`), an entry's name (`Model Stealing`, with the layer for names shared across
 * layers), or a single typo when exactly one id is that close. Undefined when unsure.
 */
export function suggestCatalogId(text: string, layer?: LayerId): string | undefined {
    const trimmed = text.trim();
    if (BY_ID.has(trimmed)) {
        return trimmed;
    }
    const parts = /^m?\s*(\d|xl?)\s*[.\-_ ]?\s*0*(\d+)$/i.exec(trimmed);
    if (parts) {
        const layerPart = parts[1]!.toUpperCase().startsWith('X') ? 'X' : parts[1]!;
        const id = `M${layerPart}.${parts[2]!}`;
        if (BY_ID.has(id)) {
            return id;
        }
    }
    const byName = suggestByName(trimmed, layer);
    if (byName !== undefined) {
        return byName;
    }
    return nearestId(trimmed.toUpperCase());
}

function suggestByName(text: string, layer: LayerId | undefined): string | undefined {
    const key = normalizeThreatPhrase(text);
    const named = MAESTRO_CATALOG.filter(
        (threat) => normalizeThreatPhrase(threat.name) === key && (layer === undefined || threat.layer === layer)
    );
    return named.length === 1 ? named[0]!.id : undefined;
}

function nearestId(text: string): string | undefined {
    const found = [...BY_ID.keys()].filter((id) => editDistance(text, id) === 1);
    // M1.8 is one typo from all of M1.1…M1.7: no single guess is better than another.
    return found.length === 1 ? found[0] : undefined;
}
