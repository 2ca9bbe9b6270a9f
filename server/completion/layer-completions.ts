import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver-textdocument';
import type { Agent, Layer } from '../../language/generated/ast.js';
import { catalogThreatsForLayer, MAESTRO_CATALOG } from '../../language/maestro/maestro-catalog.js';
import type { LayerId } from '../../language/maestro/maestro-layers.js';
import { getMaestroLayer, LAYER_IDS } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';

/**
 * Layer ids after `layer`: the layers the agent does not declare yet, missing stack layers
 * (L1–L7) first in order, then the cross-layer bucket. A layer the agent already declares is
 * not proposed (a second one is `duplicate-layer`), except the one being edited.
 */
export function layerIdItems(agent: Agent | undefined, editing: Layer | undefined): CompletionItem[] {
    const declared = new Set<LayerId>();
    for (const layer of agent?.layers ?? []) {
        const id = layer === editing ? undefined : layerIdOf(layer);
        if (id) declared.add(id);
    }
    return LAYER_IDS.filter((id) => !declared.has(id)).map((id, index) => {
        const layer = getMaestroLayer(id);
        return {
            label: id,
            kind: CompletionItemKind.Module,
            labelDetails: { description: layer.name },
            detail: layer.name,
            documentation: layer.description,
            sortText: String(index).padStart(2, '0')
        };
    });
}

/**
 * Catalog ids after `catalog`: the entries of the enclosing layer (another layer's entry is
 * `catalog-layer-mismatch`), or the whole catalog when the layer is unknown. `range` is the
 * partly typed id, which may not lex as an id yet (`M1.`).
 */
export function catalogIdItems(layer: LayerId | undefined, range: Range): CompletionItem[] {
    const entries = layer ? catalogThreatsForLayer(layer) : MAESTRO_CATALOG;
    return entries.map((entry, index) => ({
        label: entry.id,
        kind: CompletionItemKind.EnumMember,
        labelDetails: { description: entry.name },
        detail: entry.name,
        documentation: entry.description,
        textEdit: { range, newText: entry.id },
        sortText: String(index).padStart(2, '0')
    }));
}
