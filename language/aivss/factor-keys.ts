/**
 * The agentic factors of both AIVSS versions: eleven concepts, fifteen `.tm` keys (spec table
 * "Factor keys in .tm"). The score depends only on the factor sum, so the key set matters for
 * diagnostics, completion, hovers and renames, never for the arithmetic.
 */
import type { AivssVersion } from './aivss-types.js';

export type FactorConceptId =
    | 'autonomy' | 'tools' | 'memory' | 'non-determinism' | 'planning' | 'language'
    | 'context' | 'opacity' | 'identity' | 'multi-agent' | 'self-modification';

/** Which key set a key belongs to; a shared key is in both. */
export type FactorKeyMembership = 'v0.5' | 'v0.8' | 'shared';
export type FactorKeySet = 'v0.5' | 'v0.8';

/** The MAESTRO layer ids, restated here so the engine does not depend on the MAESTRO module. */
export type MaestroLayerHint = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7';

export interface FactorRubric {
    readonly zero: string;
    readonly half: string;
    readonly one: string;
}

export interface FactorConcept {
    readonly id: FactorConceptId;
    /** One line: what the factor measures. */
    readonly definition: string;
    readonly v05Key: string | undefined;
    readonly v05Name: string | undefined;
    readonly v08Key: string | undefined;
    readonly v08Name: string | undefined;
    /** The key used in the v0.8 spec's JSON (`autonomy`, `self_mod`, ...). */
    readonly v08SpecKey: string | undefined;
    /** The v0.8 0.0 / 0.5 / 1.0 anchors; v0.5 published none, so v0.5-only concepts have none. */
    readonly rubric: FactorRubric | undefined;
    /**
     * Our own heuristic for hover hints (shared/spec/maestro.md §4): no published mapping
     * exists, and the heuristic names no layer for Natural Language Interface.
     */
    readonly layerHints: readonly MaestroLayerHint[];
}

export interface FactorKeyInfo {
    readonly key: string;
    readonly concept: FactorConceptId;
    readonly membership: FactorKeyMembership;
    /** The canonical name in this key's version (the v0.8 name for a shared key). */
    readonly name: string;
}

export const FACTOR_CONCEPTS: Readonly<Record<FactorConceptId, FactorConcept>> = {
    'autonomy': {
        id: 'autonomy', definition: 'How far the agent acts without a human approving each step.',
        v05Key: 'autonomy_of_action', v05Name: 'Autonomy of Action',
        v08Key: 'execution_autonomy', v08Name: 'Execution Autonomy', v08SpecKey: 'autonomy',
        rubric: { zero: 'A human is always in the loop.', half: 'Acts autonomously in a sandbox or on non-critical paths.', one: 'Commits actions autonomously in production or critical systems.' },
        layerHints: ['L3', 'L6']
    },
    'tools': {
        id: 'tools', definition: 'How much authority the external tools the agent can invoke carry.',
        v05Key: 'dynamic_tool_use', v05Name: 'Dynamic Tool Use',
        v08Key: 'external_tool_control_surface', v08Name: 'External Tool Control Surface', v08SpecKey: 'tools',
        rubric: { zero: 'No tools, or read-only ones.', half: 'Mixed read/write tools, scoped or allow-listed.', one: 'Broad, high-authority tools (cloud, CI/CD, SQL, OT).' },
        layerHints: ['L3', 'L7']
    },
    'memory': {
        id: 'memory', definition: 'How long the agent keeps state that can be poisoned or leaked.',
        v05Key: 'persistent_memory', v05Name: 'Persistent Memory',
        v08Key: 'persistent_state_retention', v08Name: 'Persistent State Retention', v08SpecKey: 'persistence',
        rubric: { zero: 'Stateless.', half: 'Memory within a session only.', one: 'Long-term memory across sessions.' },
        layerHints: ['L2']
    },
    'non-determinism': {
        id: 'non-determinism', definition: 'How much the agent\'s behaviour varies for the same input.',
        v05Key: 'non_determinism', v05Name: 'Non-Determinism',
        v08Key: 'behavioral_non_determinism', v08Name: 'Behavioral Non-Determinism', v08SpecKey: 'non_determinism',
        rubric: { zero: 'Deterministic.', half: 'Bounded variance under strict guardrails.', one: 'High variance with weak guards.' },
        layerHints: ['L1', 'L5']
    },
    'planning': {
        id: 'planning', definition: 'How far the agent decomposes goals into its own multi-step plans (v0.5 only).',
        v05Key: 'goal_driven_planning', v05Name: 'Goal-Driven Planning',
        v08Key: undefined, v08Name: undefined, v08SpecKey: undefined,
        rubric: undefined,
        layerHints: ['L3', 'L1']
    },
    'language': {
        id: 'language', definition: 'How far natural-language input steers what the agent executes (v0.8 only).',
        v05Key: undefined, v05Name: undefined,
        v08Key: 'natural_language_interface', v08Name: 'Natural Language Interface', v08SpecKey: 'language',
        rubric: { zero: 'Structured API inputs only.', half: 'Natural language for retrieval or Q&A, not execution.', one: 'Natural-language prompts drive tool execution and planning.' },
        layerHints: []
    },
    'context': {
        id: 'context', definition: 'How much the agent\'s decisions depend on signals from its environment.',
        v05Key: 'contextual_awareness', v05Name: 'Contextual Awareness',
        v08Key: 'contextual_awareness', v08Name: 'Contextual Awareness', v08SpecKey: 'context',
        rubric: { zero: 'No environmental awareness.', half: 'Narrow signals.', one: 'Broad environmental signals drive decisions.' },
        layerHints: ['L2', 'L7']
    },
    'opacity': {
        id: 'opacity', definition: 'How hard it is to trace why the agent took an action.',
        v05Key: 'opacity_and_reflexivity', v05Name: 'Opacity & Reflexivity',
        v08Key: 'opacity_and_reflexivity', v08Name: 'Opacity & Reflexivity', v08SpecKey: 'opacity',
        rubric: { zero: 'Fully traceable.', half: 'Partial logs; black-box reasoning.', one: 'Cannot trace why an action was taken.' },
        layerHints: ['L5', 'L1']
    },
    'identity': {
        id: 'identity', definition: 'How far the agent changes roles, identities or tenants at run time.',
        v05Key: 'dynamic_identity', v05Name: 'Dynamic Identity',
        v08Key: 'dynamic_identity', v08Name: 'Dynamic Identity', v08SpecKey: 'identity',
        rubric: { zero: 'Fixed identity.', half: 'Limited, scoped identity swaps.', one: 'Assumes roles or crosses tenants dynamically.' },
        layerHints: ['L6', 'L7']
    },
    'multi-agent': {
        id: 'multi-agent', definition: 'How much the agent exchanges with and depends on other agents.',
        v05Key: 'multi_agent_interactions', v05Name: 'Multi-Agent Interactions',
        v08Key: 'multi_agent_interactions', v08Name: 'Multi-Agent Interactions', v08SpecKey: 'multi_agent',
        rubric: { zero: 'Isolated.', half: 'Talks to one or two known agents.', one: 'Complex orchestration, swarms or markets.' },
        layerHints: ['L7']
    },
    'self-modification': {
        id: 'self-modification', definition: 'How far the agent can change its own prompts, configuration, tools or code.',
        v05Key: 'self_modification', v05Name: 'Self-Modification',
        v08Key: 'self_modification', v08Name: 'Self-Modification', v08SpecKey: 'self_mod',
        rubric: { zero: 'Static configuration.', half: 'Can update its own prompts or configuration.', one: 'Can alter its tools or control flow, or run generated code.' },
        layerHints: ['L3', 'L2']
    }
};

/** The v0.5 set in the seed card's (thematic) order. */
export const V05_FACTOR_KEYS: readonly string[] = [
    'autonomy_of_action', 'goal_driven_planning', 'self_modification', 'dynamic_tool_use',
    'persistent_memory', 'contextual_awareness', 'dynamic_identity', 'multi_agent_interactions',
    'non_determinism', 'opacity_and_reflexivity'
];

/** The v0.8 set in the v0.8 calculation order (the order of Table 5's factor lists). */
export const V08_FACTOR_KEYS: readonly string[] = [
    'execution_autonomy', 'external_tool_control_surface', 'natural_language_interface',
    'contextual_awareness', 'behavioral_non_determinism', 'opacity_and_reflexivity',
    'persistent_state_retention', 'dynamic_identity', 'multi_agent_interactions', 'self_modification'
];

function buildKeyTable(): ReadonlyMap<string, FactorKeyInfo> {
    const table = new Map<string, FactorKeyInfo>();
    for (const concept of Object.values(FACTOR_CONCEPTS)) {
        if (concept.v05Key !== undefined && concept.v05Key === concept.v08Key) {
            const name = concept.v08Name ?? concept.v05Key;
            table.set(concept.v05Key, { key: concept.v05Key, concept: concept.id, membership: 'shared', name });
            continue;
        }
        if (concept.v05Key !== undefined && concept.v05Name !== undefined) {
            table.set(concept.v05Key, { key: concept.v05Key, concept: concept.id, membership: 'v0.5', name: concept.v05Name });
        }
        if (concept.v08Key !== undefined && concept.v08Name !== undefined) {
            table.set(concept.v08Key, { key: concept.v08Key, concept: concept.id, membership: 'v0.8', name: concept.v08Name });
        }
    }
    return table;
}

/** All fifteen keys. */
export const FACTOR_KEYS: ReadonlyMap<string, FactorKeyInfo> = buildKeyTable();

/** The ordered keys of one set. */
export function factorKeysOf(set: FactorKeySet): readonly string[] {
    return set === 'v0.5' ? V05_FACTOR_KEYS : V08_FACTOR_KEYS;
}

export function factorConceptOf(key: string): FactorConcept | undefined {
    const info = FACTOR_KEYS.get(key);
    return info === undefined ? undefined : FACTOR_CONCEPTS[info.concept];
}

/**
 * The set a `factors` block uses: v0.5 if it has any v0.5-only key, v0.8 if it has any v0.8-only
 * key, otherwise the model's version. A block with both kinds is `mixed`; the spec does not say
 * which set then applies, so the model's version decides. Unknown keys are ignored here.
 */
export function resolveKeySet(
    keys: readonly string[],
    modelVersion: AivssVersion
): { set: FactorKeySet; mixed: boolean } {
    let hasV05Only = false;
    let hasV08Only = false;
    for (const key of keys) {
        const membership = FACTOR_KEYS.get(key)?.membership;
        hasV05Only ||= membership === 'v0.5';
        hasV08Only ||= membership === 'v0.8';
    }
    const modelSet: FactorKeySet = modelVersion === '0.5' ? 'v0.5' : 'v0.8';
    if (hasV05Only && hasV08Only) {
        return { set: modelSet, mixed: true };
    }
    if (hasV05Only) {
        return { set: 'v0.5', mixed: false };
    }
    return { set: hasV08Only ? 'v0.8' : modelSet, mixed: false };
}

/**
 * The v0.8 key for one of the four renamed v0.5 keys, else undefined. Planning and language are
 * different concepts, so they never map onto each other.
 */
export function renameToV08(key: string): string | undefined {
    const info = FACTOR_KEYS.get(key);
    return info?.membership === 'v0.5' ? FACTOR_CONCEPTS[info.concept].v08Key : undefined;
}

/** The v0.5 key for one of the four renamed v0.8 keys, else undefined. */
export function renameToV05(key: string): string | undefined {
    const info = FACTOR_KEYS.get(key);
    return info?.membership === 'v0.8' ? FACTOR_CONCEPTS[info.concept].v05Key : undefined;
}

/** Names people write for a factor that are not keys: the v0.8 JSON keys and v0.5's calculation-order names. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
    ...Object.values(FACTOR_CONCEPTS).flatMap((concept): Array<[string, string]> =>
        concept.v08SpecKey !== undefined && concept.v08Key !== undefined && !FACTOR_KEYS.has(concept.v08SpecKey)
            ? [[concept.v08SpecKey, concept.v08Key]]
            : []),
    ['tool_use', 'dynamic_tool_use'],
    ['memory_use', 'persistent_memory']
]);

/**
 * The key an unknown name most likely meant, for a "did you mean" hint, or undefined when
 * nothing is close. Case, spaces, hyphens and '&' are normalised first.
 */
export function suggestFactorKey(unknown: string): string | undefined {
    const normalised = unknown.trim().toLowerCase().replace(/&/g, 'and').replace(/[\s-]+/g, '_');
    if (FACTOR_KEYS.has(normalised)) {
        return normalised;
    }
    const alias = KEY_ALIASES.get(normalised);
    if (alias !== undefined) {
        return alias;
    }
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const key of FACTOR_KEYS.keys()) {
        const distance = editDistance(normalised, key);
        if (distance < bestDistance) {
            best = key;
            bestDistance = distance;
        }
    }
    // Beyond about a third of the word, a suggestion is a guess rather than a typo fix.
    const limit = Math.max(2, Math.ceil(normalised.length / 3));
    return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
