/**
 * The AIVSS multipliers and input ranges, all as integers × 100 (factors, ThM, MF) or × 10
 * (CVSS base). Validation, the resolver and hovers share these so they cannot disagree.
 */
import type { AivssVersion, ExploitLevel, MitigationLevel } from './aivss-types.js';

/** A CVSS base has one decimal (it is a CVSS score). */
export const CVSS_BASE_DECIMALS = 1;
/** A factor value has at most two decimals. */
export const FACTOR_DECIMALS = 2;
/** A threat multiplier has at most two decimals. */
export const THM_DECIMALS = 2;
/** A mitigation factor has at most two decimals. */
export const MF_DECIMALS = 2;

/** The CVSS 4.0 threat metric `E` once `E:X` (not defined) is set aside. */
export type CvssExploitMaturity = 'A' | 'P' | 'U';

/** Neither version defines a default CVSS base; these two multipliers do have defaults. */
export const DEFAULT_THM100 = 97;
export const DEFAULT_MF100 = 100;

/** ThM above 1.0 is an "elevated threat" estimate seen on published cards; beyond 1.5 is nonsense. */
export const THM_MAX100 = 150;
export const CVSS_MAX10 = 100;
export const FACTOR_MAX100 = 100;
export const MF_MAX100 = 100;

const EXPLOIT_THM100: Readonly<Record<AivssVersion, Readonly<Record<ExploitLevel, number>>>> = {
    '0.8': { attacked: 100, proof_of_concept: 97, unreported: 50 },
    // v0.5 only gives "e.g. 0.91" for unreported; it is the value the spec shows, so we use it.
    '0.5': { attacked: 100, proof_of_concept: 97, unreported: 91 }
};

const MATURITY_LEVEL: Readonly<Record<CvssExploitMaturity, ExploitLevel>> = {
    A: 'attacked',
    P: 'proof_of_concept',
    U: 'unreported'
};

const MITIGATION_MF100: Readonly<Record<MitigationLevel, number>> = {
    none: 100,
    partial: 83,
    strong: 67
};

/** ThM × 100 for an `exploit` keyword under the given formula version. */
export function exploitThm100(level: ExploitLevel, version: AivssVersion): number {
    return EXPLOIT_THM100[version][level];
}

/** The exploit level a CVSS 4.0 `E:` value stands for. */
export function exploitLevelOfMaturity(maturity: CvssExploitMaturity): ExploitLevel {
    return MATURITY_LEVEL[maturity];
}

/**
 * ThM × 100 for a CVSS 4.0 `E:` value: A 100, P 97, U 50 under v0.8 (the spec's mapping). Under
 * v0.5 the same exploit level goes through that version's table (U → 91), so `E:U` and
 * `exploit unreported` never give two different multipliers in one model.
 */
export function exploitMaturityThm100(maturity: CvssExploitMaturity, version: AivssVersion = '0.8'): number {
    return exploitThm100(MATURITY_LEVEL[maturity], version);
}

/** MF × 100 for a `mitigation` / `strength` keyword (v0.8 only; v0.5 has no MF). */
export function mitigationMf100(level: MitigationLevel): number {
    return MITIGATION_MF100[level];
}

export function isValidCvss10(cvss10: number): boolean {
    return Number.isInteger(cvss10) && cvss10 >= 0 && cvss10 <= CVSS_MAX10;
}

export function isValidFactor100(factor100: number): boolean {
    return Number.isInteger(factor100) && factor100 >= 0 && factor100 <= FACTOR_MAX100;
}

/** 0 < ThM ≤ 1.5. */
export function isValidThm100(thm100: number): boolean {
    return Number.isInteger(thm100) && thm100 > 0 && thm100 <= THM_MAX100;
}

/** ThM above 1.0 is accepted with a warning. */
export function isElevatedThm100(thm100: number): boolean {
    return thm100 > 100;
}

/** 0 < MF ≤ 1. */
export function isValidMf100(mf100: number): boolean {
    return Number.isInteger(mf100) && mf100 > 0 && mf100 <= MF_MAX100;
}

const CANONICAL_FACTOR100: ReadonlySet<number> = new Set([0, 50, 100]);
const CANONICAL_MF100: ReadonlySet<number> = new Set([67, 83, 100]);

export function isCanonicalFactor100(factor100: number): boolean {
    return CANONICAL_FACTOR100.has(factor100);
}

/**
 * v0.8 allows ThM in {0.5, 0.97, 1.0}. Under v0.5 the canonical values are that version's own
 * exploit table ({0.91, 0.97, 1.0}); otherwise `exploit unreported` would lint its own value.
 */
export function isCanonicalThm100(thm100: number, version: AivssVersion = '0.8'): boolean {
    return Object.values(EXPLOIT_THM100[version]).includes(thm100);
}

export function isCanonicalMf100(mf100: number): boolean {
    return CANONICAL_MF100.has(mf100);
}
