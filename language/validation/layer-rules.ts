import type { ValidationAcceptor } from 'langium';
import type { Agent, Layer } from '../generated/ast.js';
import type { LayerId } from '../maestro/maestro-layers.js';
import { getMaestroLayer, isLayerId, layerNameConflict, resolveLayerName, suggestLayerId } from '../maestro/maestro-layers.js';
import { layerCoverage, layerIdOf } from '../scoring/layer-coverage.js';
import { report } from './report.js';

/** Every agent should cover the seven MAESTRO layers; one warning lists all that are missing. */
export function agentShouldCoverAllLayers(agent: Agent, accept: ValidationAcceptor): void {
    const { missing } = layerCoverage(agent);
    if (missing.length === 0) return;
    const names = missing.map((id) => `${id} ${getMaestroLayer(id).name}`).join(', ');
    const plural = missing.length === 1 ? 'layer' : 'layers';
    report(accept, 'missing-layer', `Agent '${agent.name}' does not cover MAESTRO ${plural} ${names}`, { node: agent, property: 'name' }, { missing });
}

/** A layer appears once per agent. */
export function layersMustBeDistinct(agent: Agent, accept: ValidationAcceptor): void {
    const seen = new Set<LayerId>();
    for (const layer of agent.layers) {
        const id = layerIdOf(layer);
        if (!id) continue;
        if (seen.has(id)) {
            report(accept, 'duplicate-layer', `Layer ${id} is declared twice in agent '${agent.name}'; merge the two blocks`, layerTarget(layer));
        }
        seen.add(id);
    }
}

/** Ids are L1–L7 or XL; names are MAESTRO names or documented aliases; an id and a name agree. */
export function layerMustBeKnown(layer: Layer, accept: ValidationAcceptor): void {
    if (layer.layerId !== undefined) {
        checkLayerId(layer, layer.layerId, accept);
    } else if (layer.label !== undefined) {
        checkLayerName(layer, layer.label, accept);
    }
}

function checkLayerId(layer: Layer, id: string, accept: ValidationAcceptor): void {
    if (!isLayerId(id)) {
        const suggestion = suggestLayerId(id);
        const hint = suggestion ? `; did you mean ${suggestion}?` : ' (MAESTRO has L1–L7 and XL)';
        report(accept, 'unknown-layer', `Unknown MAESTRO layer '${id}'${hint}`, { node: layer, property: 'layerId' }, { suggestion });
        return;
    }
    if (layer.label === undefined) return;
    const named = resolveLayerName(layer.label) ?? layerNameConflict(layer.label)?.named;
    if (named === undefined) {
        report(accept, 'unknown-layer', `'${layer.label}' is not a MAESTRO layer name`, { node: layer, property: 'label' });
    } else if (named !== id) {
        const canonical = getMaestroLayer(id).name;
        report(
            accept,
            'layer-name-mismatch',
            `Layer ${id} is ${canonical}, but '${layer.label}' names ${named} ${getMaestroLayer(named).name}`,
            { node: layer, property: 'label' },
            { layerId: id, canonicalName: canonical }
        );
    }
}

function checkLayerName(layer: Layer, label: string, accept: ValidationAcceptor): void {
    const id = resolveLayerName(label);
    if (id) {
        report(accept, 'layer-alias', `'${label}' is MAESTRO layer ${id} ${getMaestroLayer(id).name}; write its id`, { node: layer, property: 'label' }, {
            layerId: id
        });
        return;
    }
    const conflict = layerNameConflict(label);
    if (conflict) {
        report(
            accept,
            'layer-name-mismatch',
            `'${label}' numbers layer ${conflict.numbered} but names ${conflict.named} ${getMaestroLayer(conflict.named).name}`,
            { node: layer, property: 'label' }
        );
        return;
    }
    const suggestion = suggestLayerId(label);
    const hint = suggestion ? `; did you mean ${suggestion} ${getMaestroLayer(suggestion).name}?` : '';
    report(accept, 'unknown-layer', `'${label}' is not a MAESTRO layer name or alias${hint}`, { node: layer, property: 'label' }, { suggestion });
}

/** A layer with no paragraph and no threat says nothing; a hint, not a warning. */
export function layerShouldNotBeEmpty(layer: Layer, accept: ValidationAcceptor): void {
    if (layer.paragraphs.length === 0 && layer.threats.length === 0) {
        report(accept, 'empty-layer', 'This layer has neither a description nor threats', layerTarget(layer));
    }
}

function layerTarget(layer: Layer): { node: Layer; property: 'layerId' | 'label' } {
    return { node: layer, property: layer.layerId !== undefined ? 'layerId' : 'label' };
}
