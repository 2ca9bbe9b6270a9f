/** Hover on a `catalog` id: the MAESTRO catalog entry, or a suggestion for an unknown id. */
import type { CatalogRef } from '../../language/generated/ast.js';
import { isThreat } from '../../language/generated/ast.js';
import { catalogThreatById, suggestCatalogId } from '../../language/maestro/maestro-catalog.js';
import { getMaestroLayer } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import { blocks, code, text } from './markdown.js';

export function catalogHover(ref: CatalogRef): string {
    const threat = ref.$container;
    const filedUnder = isThreat(threat) ? layerIdOf(threat.$container) : undefined;
    const entry = catalogThreatById(ref.id);
    if (!entry) {
        const suggestion = suggestCatalogId(ref.id, filedUnder);
        return blocks(
            `**Unknown MAESTRO catalog id** ${code(ref.id)}.`,
            suggestion ? `Did you mean ${code(suggestion)} (${text(catalogThreatById(suggestion)?.name ?? '')})?` : 'Ids run M1.1–M7.13 and MX.1–MX.5.'
        );
    }
    const layer = getMaestroLayer(entry.layer);
    const mismatch = filedUnder && filedUnder !== entry.layer
        ? `This threat is filed under ${filedUnder}, but the catalog entry belongs to ${entry.layer}.`
        : undefined;
    return blocks(
        `### MAESTRO ${code(entry.id)} — ${text(entry.name)}`,
        `Layer ${entry.layer} (${text(layer.name)})`,
        text(entry.description),
        mismatch
    );
}
