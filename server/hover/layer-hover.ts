/**
 * Hover on a `layer` (its keyword, id or name): the MAESTRO layer's name and description, the
 * catalog threats filed under it (with those this layer already references marked), and the
 * mitigation hints for it.
 */
import type { Layer } from '../../language/generated/ast.js';
import { catalogThreatsForLayer } from '../../language/maestro/maestro-catalog.js';
import { getMaestroLayer, suggestLayerId } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import { blocks, bullets, code, table, text } from './markdown.js';

export function layerHover(layer: Layer): string {
    const id = layerIdOf(layer);
    if (!id) {
        const written = layer.layerId ?? layer.label ?? '';
        const suggestion = suggestLayerId(written);
        return blocks(
            `**Unknown MAESTRO layer** ${code(written)} — it does not count towards coverage.`,
            suggestion ? `Did you mean ${code(suggestion)} (${text(getMaestroLayer(suggestion).name)})?` : 'Layers are L1–L7 and XL (cross-layer).'
        );
    }
    const maestro = getMaestroLayer(id);
    const referenced = new Set(layer.threats.flatMap((threat) => threat.catalogs.map((ref) => ref.id)));
    const catalog = catalogThreatsForLayer(id).map((entry) => [
        code(entry.id) + (referenced.has(entry.id) ? ' ✓' : ''),
        text(entry.name),
        text(entry.description)
    ]);
    const status = layer.uncertain
        ? 'Marked `uncertain`: it counts as covered, and the hover and report say it is uncertain.'
        : undefined;
    return blocks(
        `### MAESTRO ${id} — ${text(maestro.name)}`,
        text(maestro.description) + (maestro.vertical ? ' (A vertical layer: it cuts across all the others.)' : ''),
        status,
        catalog.length > 0 ? blocks('**Catalog threats** (✓ referenced in this layer):', table(['Id', 'Threat', 'Meaning'], catalog)) : undefined,
        maestro.mitigationHints.length > 0 ? blocks('**Mitigation hints:**', bullets(maestro.mitigationHints.map(text))) : undefined
    );
}
