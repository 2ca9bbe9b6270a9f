import type { AstNode } from 'langium';
import type { AivssResult, AivssVersion, RoundingMode } from '../aivss/aivss-types.js';
import type { CvssVectorInfo } from '../aivss/cvss-vector.js';
import type { FactorKeySet } from '../aivss/factor-keys.js';
import type { Agent, CvssSetting, FactorBlock, FactorEntry, Layer, Threat } from '../generated/ast.js';
import type { LayerId } from '../maestro/maestro-layers.js';

/**
 * Where an input's value came from, so every number can be explained:
 * written at this level, derived from the `E:` metric of this level's vector, inherited from
 * the agent (written there or from its vector), from a control's strength, or the default.
 */
export type InputOrigin = 'written' | 'vector' | 'inherited' | 'inherited-vector' | 'control' | 'default';

export interface ResolvedMultiplier {
    /** ThM or MF × 100. */
    readonly value100: number;
    readonly origin: InputOrigin;
    /** The setting, CVSS line or control that supplied the value (none for a default). */
    readonly node?: AstNode;
    /** Human wording of the source, e.g. `exploit unreported`, `E:U`, `control UploadSandbox (partial)`. */
    readonly label: string;
}

export interface ResolvedCvss {
    /** CVSS base × 10. */
    readonly base10: number;
    readonly origin: 'written' | 'inherited';
    readonly node: CvssSetting;
    /** The parsed vector; undefined when the base was written as a number. */
    readonly vector: CvssVectorInfo | undefined;
}

export interface FactorValue {
    readonly key: string;
    readonly value100: number;
    readonly node: FactorEntry;
}

export interface FactorSummary {
    readonly block: FactorBlock | undefined;
    /** The key set the block uses (spec: v0.5 if any v0.5-only key, v0.8 if any v0.8-only key, else the model's). */
    readonly set: FactorKeySet;
    /** The counted factors: known keys, first occurrence of each concept, valid values. */
    readonly values: readonly FactorValue[];
    /** Σ factors × 100; undefined when a counted factor's value is invalid. */
    readonly sum100: number | undefined;
    /** Keys of the set that the block does not give. */
    readonly missing: readonly string[];
}

/** One scored finding: the agent's own score (when it has a CVSS) or a threat's. */
export interface FindingScore {
    readonly kind: 'agent' | 'threat';
    readonly node: Agent | Threat;
    readonly name: string;
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
    readonly cvss: ResolvedCvss | undefined;
    /** Undefined when the value written for it is invalid. */
    readonly thm: ResolvedMultiplier | undefined;
    readonly mf: ResolvedMultiplier | undefined;
    readonly factorSum100: number | undefined;
    /** The score; undefined when incomplete. */
    readonly result: AivssResult | undefined;
    /** Why the score is incomplete, as instructions ("add cvss", "fix the factor values"). */
    readonly blockers: readonly string[];
}

export interface ThreatScore extends FindingScore {
    readonly kind: 'threat';
    readonly node: Threat;
    readonly layer: Layer;
    readonly layerId: LayerId | undefined;
    readonly catalog: string | undefined;
}

export interface LayerCoverage {
    /** L1–L7 present (uncertain ones included), in layer order. */
    readonly covered: readonly LayerId[];
    readonly uncertain: readonly LayerId[];
    readonly missing: readonly LayerId[];
}

export interface AgentScore {
    readonly agent: Agent;
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
    readonly factors: FactorSummary;
    /** The agent's own score; undefined when the agent has no `cvss`. */
    readonly own: FindingScore | undefined;
    readonly threats: readonly ThreatScore[];
    /** The maximum over the complete scores (own first, then threats in order); undefined when none is complete. */
    readonly headline: FindingScore | undefined;
    readonly coverage: LayerCoverage;
}

export interface ModelScore {
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
    readonly agents: readonly AgentScore[];
}
