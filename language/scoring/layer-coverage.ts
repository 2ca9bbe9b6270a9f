import type { Agent, Layer } from '../generated/ast.js';
import type { LayerId } from '../maestro/maestro-layers.js';
import { isLayerId, resolveLayerName, STACK_LAYER_IDS } from '../maestro/maestro-layers.js';
import type { LayerCoverage } from './score-types.js';

/**
 * The MAESTRO layer a `layer` declaration stands for: its id when it is one (`L4`), else the
 * layer its quoted name or alias designates (`"Data Operations"`). Undefined for an unknown id
 * or name; `unknown-layer` reports those.
 */
export function layerIdOf(layer: Layer): LayerId | undefined {
    if (layer.layerId !== undefined) return isLayerId(layer.layerId) ? layer.layerId : undefined;
    return layer.label === undefined ? undefined : resolveLayerName(layer.label);
}

/** Which of L1–L7 an agent covers, which of those are marked `uncertain`, and which are missing. */
export function layerCoverage(agent: Agent): LayerCoverage {
    const present = new Set<LayerId>();
    const uncertain = new Set<LayerId>();
    for (const layer of agent.layers) {
        const id = layerIdOf(layer);
        if (!id) continue;
        present.add(id);
        if (layer.uncertain) uncertain.add(id);
    }
    return {
        covered: STACK_LAYER_IDS.filter((id) => present.has(id)),
        uncertain: STACK_LAYER_IDS.filter((id) => uncertain.has(id)),
        missing: STACK_LAYER_IDS.filter((id) => !present.has(id))
    };
}
