/**
 * The seven layer paragraphs a card prints, from an agent's `layer` blocks. A card carries a
 * threat only as words in its layer's paragraph, so a threat whose title the paragraph does
 * not contain is dropped, and so is whatever a carried threat adds (catalog id, scores,
 * controls).
 */
import type { Agent, Layer, Threat } from '../generated/ast.js';
import type { LayerId } from '../maestro/maestro-layers.js';
import { isLayerId, resolveLayerName } from '../maestro/maestro-layers.js';
import { CARD_LAYER_IDS, UNCERTAIN_PREFIX } from './card-format.js';
import type { CardLayer, CardLayerId } from './card-types.js';

const NOT_COVERED = 'Not covered by this threat model.';
const NO_SCORE = 'a plain card carries no AIVSS score or score inputs';

interface Gathered {
    readonly paragraphs: string[];
    readonly threats: Threat[];
    uncertain: boolean;
    declarations: number;
}

/**
 * With `stateThreats`, threats the paragraph does not mention are appended to it as a
 * "Threats include a, b, and c." sentence, the form the importer reads back; without it they
 * are dropped.
 */
export function collectCardLayers(agent: Agent, stateThreats: boolean, dropped: string[], notes: string[]): CardLayer[] {
    const gathered = new Map<CardLayerId, Gathered>();
    for (const layer of agent.layers) {
        const id = layerIdOf(layer, dropped);
        if (id === undefined) {
            continue;
        }
        if (id === 'XL') {
            const threats = layer.threats.length > 0 ? ` and its ${layer.threats.length} threat(s)` : '';
            dropped.push(`layer XL${threats}: a card has paragraphs for L1–L7 only`);
            continue;
        }
        const entry = gathered.get(id) ?? { paragraphs: [], threats: [], uncertain: false, declarations: 0 };
        // Loops, not `push(...items)`: a layer can hold more items than a spread allows.
        for (const p of layer.paragraphs) {
            const text = (p.text ?? '').trim();
            if (text.length > 0) entry.paragraphs.push(text);
        }
        for (const threat of layer.threats) entry.threats.push(threat);
        entry.uncertain ||= layer.uncertain;
        entry.declarations++;
        gathered.set(id, entry);
    }
    return CARD_LAYER_IDS.map((id) => {
        const entry = gathered.get(id);
        if (!entry) {
            notes.push(`layer ${id} is missing; the card says "${UNCERTAIN_PREFIX}${NOT_COVERED}"`);
            return { id, uncertain: true, paragraph: NOT_COVERED };
        }
        if (entry.declarations > 1) {
            notes.push(`layer ${id} is declared ${entry.declarations} times; the card joins its paragraphs`);
        }
        let paragraph = entry.paragraphs.join(' ');
        if (paragraph.length === 0) {
            paragraph = NOT_COVERED;
            notes.push(`layer ${id} has no paragraph; the card says "${NOT_COVERED}"`);
        }
        if (stateThreats) {
            const unstated = entry.threats.map((t) => t.title?.trim() ?? '').filter((t) => t.length > 0 && !mentions(paragraph, t));
            if (unstated.length > 0) {
                paragraph = `${paragraph} ${threatSentence(unstated)}`;
                notes.push(`layer ${id}: the card states ${unstated.length} threat(s) its paragraph did not mention`);
            }
        }
        for (const threat of entry.threats) {
            dropThreat(threat, id, paragraph, dropped);
        }
        return { id, uncertain: entry.uncertain, paragraph };
    });
}

function layerIdOf(layer: Layer, dropped: string[]): LayerId | undefined {
    if (layer.layerId !== undefined) {
        if (isLayerId(layer.layerId)) {
            return layer.layerId;
        }
        dropped.push(`layer ${layer.layerId}: not a MAESTRO layer id`);
        return undefined;
    }
    const named = layer.label === undefined ? undefined : resolveLayerName(layer.label);
    if (named === undefined) {
        dropped.push(`layer "${layer.label ?? ''}": not a MAESTRO layer name`);
    }
    return named;
}

function mentions(paragraph: string, title: string): boolean {
    return paragraph.toLowerCase().includes(title.toLowerCase());
}

/** Always with a comma before the last item: the importer splits only at commas and ", and". */
function threatSentence(titles: readonly string[]): string {
    const phrases = titles.map((t) => (/^[A-Z][^A-Z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t));
    const list = phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')}, and ${phrases.at(-1)!}`;
    return `Threats include ${list}.`;
}

function dropThreat(threat: Threat, layer: CardLayerId, paragraph: string, dropped: string[]): void {
    const who = `threat ${threat.name} (${layer})`;
    const title = threat.title?.trim();
    if (!title || !mentions(paragraph, title)) {
        const shown = title ? ` "${title}"` : '';
        dropped.push(`${who}${shown}: the layer's paragraph does not state it`);
        return;
    }
    for (const catalog of threat.catalogs) {
        dropped.push(`catalog ${catalog.id} of ${who}: a card has no catalog ids`);
    }
    for (const cvss of threat.cvss) {
        dropped.push(`cvss ${cvss.vector ?? cvss.base ?? ''} of ${who}: ${NO_SCORE}`);
    }
    for (const exploit of threat.exploits) {
        dropped.push(`exploit ${exploit.level ?? exploit.value ?? ''} of ${who}: ${NO_SCORE}`);
    }
    for (const mitigation of threat.mitigations) {
        dropped.push(`mitigation ${mitigation.level ?? mitigation.value ?? ''} of ${who}: ${NO_SCORE}`);
    }
    for (const link of threat.mitigatedBy) {
        const names = link.controls.map((control) => control.$refText).join(', ');
        dropped.push(`mitigated_by ${names} of ${who}: a card has no controls`);
    }
}
