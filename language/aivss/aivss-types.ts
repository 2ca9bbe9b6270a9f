/**
 * The vocabulary of the AIVSS engine. Every quantity the formulas touch is an integer in a
 * fixed scale (tenths, hundredths) so that the engine never depends on binary floating point.
 */

/** Formula version: `0.8` (OWASP AIVSS v0.8, the default) or `0.5` (legacy, July 2025). */
export type AivssVersion = '0.8' | '0.5';

/** How the final value is rounded to one decimal. */
export type RoundingMode = 'half_up' | 'half_even';

/** CVSS-convention severity bands (v0.8 §3.5.2). */
export type Severity = 'None' | 'Low' | 'Medium' | 'High' | 'Critical';

export type ExploitLevel = 'attacked' | 'proof_of_concept' | 'unreported';
export type MitigationLevel = 'none' | 'partial' | 'strong';

/** Inputs of one scored finding, already resolved and scaled. */
export interface AivssInputs {
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
    /** CVSS base × 10, an integer in 0..100. */
    readonly cvss10: number;
    /** Sum of the factors × 100, an integer in 0..1000. */
    readonly factorSum100: number;
    /** Threat multiplier × 100, an integer in 1..150. */
    readonly thm100: number;
    /** Mitigation factor × 100, an integer in 1..100; not used by v0.5. */
    readonly mf100: number;
}

/** The result with every intermediate value, for hovers, lenses, reports and the CLI. */
export interface AivssResult {
    readonly inputs: AivssInputs;
    /** The final score in tenths (0..100), after rounding and clamping. */
    readonly score10: number;
    /** `score10 / 10`, for JSON output. */
    readonly score: number;
    readonly severity: Severity;
    /** v0.8: 10 − CVSS base, in tenths; v0.5: undefined. */
    readonly riskGap10: number | undefined;
    /**
     * AARS as an exact decimal string. v0.8: the agentic uplift (10 − C) × F/10 × ThM;
     * v0.5: the factor sum. `aarsKind` says which, because the two versions use one name for
     * two different quantities.
     */
    readonly aars: string;
    readonly aarsKind: 'uplift' | 'factor-sum';
    /** The unrounded score as an exact decimal string (before clamping). */
    readonly raw: string;
    /** True when the raw value was above 10 and the score was clamped. */
    readonly clamped: boolean;
    /** True when the raw value lay exactly halfway between two tenths. */
    readonly tie: boolean;
}
