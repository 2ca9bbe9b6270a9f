import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { CatalogRef } from '../generated/ast.js';
import { isLayer } from '../generated/ast.js';
import { catalogThreatById, suggestCatalogId } from '../maestro/maestro-catalog.js';
import { getMaestroLayer } from '../maestro/maestro-layers.js';
import { layerIdOf } from '../scoring/layer-coverage.js';
import { report } from './report.js';

/** A catalog id names a MAESTRO catalog threat, filed under that threat's own layer. */
export function catalogIdMustBeKnown(ref: CatalogRef, accept: ValidationAcceptor): void {
    // `catalog` without an id (a syntax error, reported already) has nothing to check.
    if (ref.id === undefined) return;
    const layer = AstUtils.getContainerOfType(ref, isLayer);
    const layerId = layer ? layerIdOf(layer) : undefined;
    const entry = catalogThreatById(ref.id);
    if (!entry) {
        const suggestion = suggestCatalogId(ref.id, layerId);
        const hint = suggestion ? `; did you mean ${suggestion} (${catalogThreatById(suggestion)?.name})?` : '';
        report(accept, 'unknown-catalog-id', `'${ref.id}' is not in the MAESTRO threat catalog${hint}`, { node: ref, property: 'id' }, { suggestion });
        return;
    }
    if (layerId && entry.layer !== layerId) {
        report(
            accept,
            'catalog-layer-mismatch',
            `${entry.id} ${entry.name} is a ${entry.layer} ${getMaestroLayer(entry.layer).name} threat, filed here under ${layerId}`,
            { node: ref, property: 'id' }
        );
    }
}
