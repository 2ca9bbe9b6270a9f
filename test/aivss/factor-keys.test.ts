import { describe, expect, test } from 'vitest';
import {
    FACTOR_CONCEPTS, FACTOR_KEYS, V05_FACTOR_KEYS, V08_FACTOR_KEYS, factorConceptOf, factorKeysOf,
    renameToV05, renameToV08, resolveKeySet, suggestFactorKey
} from '../../language/aivss/factor-keys.js';

describe('factor key table', () => {
    test('fifteen keys over eleven concepts', () => {
        expect(FACTOR_KEYS.size).toBe(15);
        expect(Object.keys(FACTOR_CONCEPTS)).toHaveLength(11);
        expect(new Set([...FACTOR_KEYS.values()].map(info => info.concept)).size).toBe(11);
    });

    test('the two ordered sets have ten keys each and share five', () => {
        expect(V05_FACTOR_KEYS).toHaveLength(10);
        expect(V08_FACTOR_KEYS).toHaveLength(10);
        const shared = V05_FACTOR_KEYS.filter(key => V08_FACTOR_KEYS.includes(key));
        expect(shared.sort()).toEqual([
            'contextual_awareness', 'dynamic_identity', 'multi_agent_interactions', 'opacity_and_reflexivity', 'self_modification'
        ]);
        for (const key of shared) {
            expect(FACTOR_KEYS.get(key)?.membership).toBe('shared');
        }
        expect(factorKeysOf('v0.5')).toBe(V05_FACTOR_KEYS);
        expect(factorKeysOf('v0.8')).toBe(V08_FACTOR_KEYS);
    });

    test('every set key is in the table with the right membership', () => {
        for (const key of V05_FACTOR_KEYS) {
            expect(['v0.5', 'shared']).toContain(FACTOR_KEYS.get(key)?.membership);
        }
        for (const key of V08_FACTOR_KEYS) {
            expect(['v0.8', 'shared']).toContain(FACTOR_KEYS.get(key)?.membership);
        }
    });

    test('v0.8 order follows the spec JSON keys', () => {
        expect(V08_FACTOR_KEYS.map(key => factorConceptOf(key)?.v08SpecKey)).toEqual([
            'autonomy', 'tools', 'language', 'context', 'non_determinism', 'opacity', 'persistence',
            'identity', 'multi_agent', 'self_mod'
        ]);
    });

    test('names, rubrics and hints', () => {
        expect(FACTOR_KEYS.get('autonomy_of_action')?.name).toBe('Autonomy of Action');
        expect(FACTOR_KEYS.get('execution_autonomy')?.name).toBe('Execution Autonomy');
        expect(FACTOR_KEYS.get('opacity_and_reflexivity')?.name).toBe('Opacity & Reflexivity');
        expect(factorConceptOf('dynamic_tool_use')?.v08Name).toBe('External Tool Control Surface');
        expect(factorConceptOf('goal_driven_planning')?.rubric).toBeUndefined();
        expect(factorConceptOf('goal_driven_planning')?.layerHints).toEqual(['L3', 'L1']);
        expect(factorConceptOf('persistent_state_retention')?.layerHints).toEqual(['L2']);
        expect(factorConceptOf('natural_language_interface')?.layerHints).toEqual([]);
        for (const key of V08_FACTOR_KEYS) {
            const rubric = factorConceptOf(key)?.rubric;
            expect(rubric?.zero && rubric.half && rubric.one).toBeTruthy();
        }
        expect(factorConceptOf('nope')).toBeUndefined();
    });
});

describe('resolveKeySet', () => {
    test('a v0.5-only key selects v0.5, whatever the model version', () => {
        expect(resolveKeySet(['autonomy_of_action', 'contextual_awareness'], '0.8')).toEqual({ set: 'v0.5', mixed: false });
    });

    test('a v0.8-only key selects v0.8', () => {
        expect(resolveKeySet(['natural_language_interface'], '0.5')).toEqual({ set: 'v0.8', mixed: false });
    });

    test('shared keys only, or none, follow the model version', () => {
        expect(resolveKeySet(['dynamic_identity', 'self_modification'], '0.5')).toEqual({ set: 'v0.5', mixed: false });
        expect(resolveKeySet([], '0.8')).toEqual({ set: 'v0.8', mixed: false });
        expect(resolveKeySet(['unknown_key'], '0.5')).toEqual({ set: 'v0.5', mixed: false });
    });

    test('both version-only kinds are mixed; the model version decides the set', () => {
        expect(resolveKeySet(['goal_driven_planning', 'natural_language_interface'], '0.8')).toEqual({ set: 'v0.8', mixed: true });
        expect(resolveKeySet(['persistent_memory', 'execution_autonomy'], '0.5')).toEqual({ set: 'v0.5', mixed: true });
    });

    test('the seed card uses the v0.5 set under the v0.8 formula', () => {
        expect(resolveKeySet(V05_FACTOR_KEYS, '0.8')).toEqual({ set: 'v0.5', mixed: false });
    });
});

describe('renames', () => {
    test.each([
        ['autonomy_of_action', 'execution_autonomy'],
        ['dynamic_tool_use', 'external_tool_control_surface'],
        ['persistent_memory', 'persistent_state_retention'],
        ['non_determinism', 'behavioral_non_determinism']
    ])('%s ⇄ %s', (v05, v08) => {
        expect(renameToV08(v05)).toBe(v08);
        expect(renameToV05(v08)).toBe(v05);
    });

    test('planning and language are different concepts; shared keys need no rename', () => {
        expect(renameToV08('goal_driven_planning')).toBeUndefined();
        expect(renameToV05('natural_language_interface')).toBeUndefined();
        expect(renameToV08('contextual_awareness')).toBeUndefined();
        expect(renameToV05('contextual_awareness')).toBeUndefined();
        expect(renameToV08('execution_autonomy')).toBeUndefined();
        expect(renameToV05('autonomy_of_action')).toBeUndefined();
        expect(renameToV08('bogus')).toBeUndefined();
    });
});

describe('suggestFactorKey', () => {
    test.each([
        ['autonomy_of_acton', 'autonomy_of_action'],
        ['contextual_awarness', 'contextual_awareness'],
        ['Opacity & Reflexivity', 'opacity_and_reflexivity'],
        ['multi-agent-interactions', 'multi_agent_interactions'],
        ['self_mod', 'self_modification'],
        ['persistence', 'persistent_state_retention'],
        ['tool_use', 'dynamic_tool_use'],
        ['memory_use', 'persistent_memory'],
        ['non_determinism', 'non_determinism'],
        ['behavioural_non_determinism', 'behavioral_non_determinism'],
        ['dynamic_identities', 'dynamic_identity']
    ])('%s → %s', (unknown, key) => {
        expect(suggestFactorKey(unknown)).toBe(key);
    });

    test.each(['foo', 'rationale', 'x', 'completely_unrelated_name'])('%s has no suggestion', unknown => {
        expect(suggestFactorKey(unknown)).toBeUndefined();
    });
});
