/**
 * The fixed text of an AgentReady threat-model card (shared/spec/maestro.md §3), shared by the
 * parser, which keys on it, and the exporter, which must print it byte for byte.
 */
import type { CardFactorKey, CardLayerId } from './card-types.js';

export const TITLE_SUFFIX = ' — agentic threat model';
export const NAVIGATION_LINE = 'AgentReadyHomeAgent Listing';
export const BACK_LINK_PREFIX = '← ';
export const RATIONALE_HEADER = 'OWASP AIVSS score rationale';
export const SCORED_SENTENCE =
    'Scored with the canonical OWASP AIVSS formula (AIVSS calculator reference); agentic risk factors estimated from the agent’s described capabilities.';
export const MAESTRO_HEADER = 'MAESTRO 7-layer threat model';
export const PER_LAYER_SENTENCE =
    'Per-layer threats for this agent. Layers tagged “not certain from listing” are general, caveated commentary where the public description didn’t pin that layer.';
export const UNCERTAIN_PREFIX = 'Not certain from the listing — ';
export const FOOTER = 'MAESTRO — the 7-layer agentic threat-modeling framework (Cloud Security Alliance / Ken Huang).';

/** A card's layer paragraphs come in stack order. */
export const CARD_LAYER_IDS: readonly CardLayerId[] = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'];

/** The card's ten rows in their fixed (AIVSS v0.5 thematic) order. */
export const CARD_FACTORS: readonly { readonly displayName: string; readonly key: CardFactorKey }[] = [
    { displayName: 'Autonomy of Action', key: 'autonomy_of_action' },
    { displayName: 'Goal-Driven Planning', key: 'goal_driven_planning' },
    { displayName: 'Self-Modification', key: 'self_modification' },
    { displayName: 'Dynamic Tool Use', key: 'dynamic_tool_use' },
    { displayName: 'Persistent Memory', key: 'persistent_memory' },
    { displayName: 'Contextual Awareness', key: 'contextual_awareness' },
    { displayName: 'Dynamic Identity', key: 'dynamic_identity' },
    { displayName: 'Multi-Agent Interactions', key: 'multi_agent_interactions' },
    { displayName: 'Non-Determinism', key: 'non_determinism' },
    { displayName: 'Opacity & Reflexivity', key: 'opacity_and_reflexivity' }
];

/**
 * AIVSS v0.8 keys whose concept has a card row under its v0.5 name (shared/spec/aivss.md,
 * "Factor keys in .tm"). `natural_language_interface` is absent on purpose: it is a new
 * concept, not a rename of Goal-Driven Planning, so a card cannot carry it.
 */
export const V08_KEY_TO_CARD_KEY: Readonly<Record<string, CardFactorKey>> = {
    execution_autonomy: 'autonomy_of_action',
    external_tool_control_surface: 'dynamic_tool_use',
    persistent_state_retention: 'persistent_memory',
    behavioral_non_determinism: 'non_determinism'
};

export const V08_ONLY_KEYS: readonly string[] = ['natural_language_interface'];

/** Factor names compare without case, `&`/`and`, hyphen or spacing differences. */
export function normalizeFactorName(text: string): string {
    return text.toLowerCase().replace(/&/g, ' and ').replace(/[-_\s]+/g, ' ').trim();
}
