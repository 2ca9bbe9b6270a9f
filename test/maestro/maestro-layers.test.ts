import { describe, expect, test } from 'vitest';
import {
    LAYER_IDS,
    MAESTRO_LAYERS,
    STACK_LAYER_IDS,
    getMaestroLayer,
    layerNameConflict,
    resolveLayerId,
    resolveLayerName,
    suggestLayerId
} from '../../language/maestro/maestro-layers.js';
import type { LayerId } from '../../language/maestro/maestro-layers.js';

describe('the layer table', () => {
    test('has L1–L7 and XL in stack order, L6 alone vertical', () => {
        expect(LAYER_IDS).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'XL']);
        expect(STACK_LAYER_IDS).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
        expect(MAESTRO_LAYERS.filter((layer) => layer.vertical).map((layer) => layer.id)).toEqual(['L6']);
        expect(MAESTRO_LAYERS.map((layer) => layer.number)).toEqual([1, 2, 3, 4, 5, 6, 7, undefined]);
    });

    test('carries the canonical and the card names', () => {
        expect(MAESTRO_LAYERS.map((layer) => layer.name)).toEqual([
            'Foundation Models', 'Data Operations', 'Agent Frameworks', 'Deployment and Infrastructure',
            'Evaluation and Observability', 'Security and Compliance', 'Agent Ecosystem', 'Cross-Layer'
        ]);
        expect(MAESTRO_LAYERS.map((layer) => layer.cardName)).toEqual([
            'Foundation Models', 'Data Operations', 'Agent Frameworks', 'Deployment & Infrastructure',
            'Evaluation & Observability', 'Security & Compliance', 'Agent Ecosystem', 'Cross-Layer'
        ]);
    });

    test('every layer has a description and mitigation hints', () => {
        for (const layer of MAESTRO_LAYERS) {
            expect(layer.description.length).toBeGreaterThan(20);
            expect(layer.mitigationHints.length).toBeGreaterThanOrEqual(4);
        }
    });

    test('resolveLayerId is exact', () => {
        expect(resolveLayerId('L4')?.cardName).toBe('Deployment & Infrastructure');
        expect(resolveLayerId('XL')?.name).toBe('Cross-Layer');
        expect(resolveLayerId('l4')).toBeUndefined();
        expect(resolveLayerId('L8')).toBeUndefined();
        expect(getMaestroLayer('L6').vertical).toBe(true);
    });
});

// The spec's alias table (shared/spec/maestro.md §1), written as it appears there.
const SPEC_ALIASES: Record<LayerId, readonly string[]> = {
    L1: ['Foundation Model', 'Foundation Models', 'Foundational Models', 'Foundation Model Layer', 'FM', 'Model layer',
        'Base model', 'Base models', 'LLM layer', 'Layer 1', 'L1'],
    L2: ['Data Operations', 'Data Ops', 'DataOps', 'Data layer', 'Data Operations Layer', 'Data pipeline', 'Data pipelines'],
    L3: ['Agent Framework', 'Agent Frameworks', 'Agent FW', 'Frameworks', 'Agent runtime', 'Agent orchestration'],
    L4: ['Deployment and Infrastructure', 'Deployment & Infrastructure', 'Deployment Infrastructure', 'Infrastructure',
        'Infra', 'Deployment'],
    L5: ['Evaluation and Observability', 'Evaluation & Observability', 'Evaluations and Observability', 'Eval/Obs',
        'Observability', 'Monitoring'],
    L6: ['Security and Compliance', 'Security & Compliance', 'Security and Compliance (Vertical)', 'Sec/Comp',
        'Compliance', 'vertical layer', 'Security and Compliance (Vertical Layer)'],
    L7: ['Agent Ecosystem', 'Ecosystem', 'Ecosystem Integration', 'Agent Ecosystem Layer', 'Multi-agent ecosystem'],
    XL: ['Cross-Layer', 'Cross Layer', 'cross-layer', 'XL', 'CL', 'MX']
};

describe('resolveLayerName', () => {
    for (const [id, aliases] of Object.entries(SPEC_ALIASES)) {
        test(`resolves every alias of ${id}`, () => {
            for (const alias of aliases) {
                expect(resolveLayerName(alias), alias).toBe(id);
                expect(resolveLayerName(alias.toUpperCase()), alias.toUpperCase()).toBe(id);
                expect(resolveLayerName(`  ${alias.toLowerCase()}  `), alias.toLowerCase()).toBe(id);
            }
        });
    }

    test('normalises &/and, plural, spacing and a Layer N / LN prefix', () => {
        expect(resolveLayerName('Evaluation and  Observability')).toBe('L5');
        expect(resolveLayerName('Security & Compliance')).toBe('L6');
        expect(resolveLayerName('foundation model')).toBe('L1');
        expect(resolveLayerName('Agent Frameworks Layer')).toBe('L3');
        expect(resolveLayerName('Layer 1: Foundation Model')).toBe('L1');
        expect(resolveLayerName('Layer Foundation Model')).toBe('L1');
        expect(resolveLayerName('L4 · Deployment & Infrastructure')).toBe('L4');
        expect(resolveLayerName('layer4')).toBe('L4');
        expect(resolveLayerName('Layer 7')).toBe('L7');
        expect(resolveLayerName('l2')).toBe('L2');
    });

    test('rejects unknown, ambiguous and contradictory names', () => {
        expect(resolveLayerName('Orchestration')).toBeUndefined();
        expect(resolveLayerName('Orchestration Layer')).toBeUndefined();
        expect(resolveLayerName('Layer 6: Orchestration')).toBeUndefined();
        expect(resolveLayerName('User Interface')).toBeUndefined();
        expect(resolveLayerName('L8')).toBeUndefined();
        expect(resolveLayerName('Layer 0')).toBeUndefined();
        expect(resolveLayerName('L5 Security')).toBeUndefined();
        expect(resolveLayerName('Layer 5: Security and Compliance')).toBeUndefined();
        expect(resolveLayerName('')).toBeUndefined();
        expect(resolveLayerName('   ')).toBeUndefined();
    });

    test('layerNameConflict reports a number that disagrees with the name', () => {
        expect(layerNameConflict('L5 Security and Compliance')).toEqual({ numbered: 'L5', named: 'L6' });
        expect(layerNameConflict('Layer 4: Agent Ecosystem')).toEqual({ numbered: 'L4', named: 'L7' });
        expect(layerNameConflict('L4 Deployment')).toBeUndefined();
        expect(layerNameConflict('Deployment')).toBeUndefined();
        expect(layerNameConflict('L5 Security')).toBeUndefined();
    });
});

describe('suggestLayerId', () => {
    test('forgives case and typos', () => {
        expect(suggestLayerId('l1')).toBe('L1');
        expect(suggestLayerId('xl')).toBe('XL');
        expect(suggestLayerId('L3')).toBe('L3');
        expect(suggestLayerId('Foundation Modle')).toBe('L1');
        expect(suggestLayerId('Data Operatons')).toBe('L2');
        expect(suggestLayerId('Evaluation & Observabilty')).toBe('L5');
        expect(suggestLayerId('Agent Ecosytem')).toBe('L7');
        expect(suggestLayerId('Layer 4')).toBe('L4');
    });

    test('has nothing sensible for far-off or ambiguous text', () => {
        expect(suggestLayerId('L8')).toBeUndefined();
        expect(suggestLayerId('L0')).toBeUndefined();
        expect(suggestLayerId('Layer 9: Foundation Models')).toBeUndefined();
        expect(suggestLayerId('Orchestration')).toBeUndefined();
        expect(suggestLayerId('Banana')).toBeUndefined();
        expect(suggestLayerId('FX')).toBeUndefined();
        expect(suggestLayerId('')).toBeUndefined();
    });
});
