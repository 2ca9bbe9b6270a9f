/**
 * Short texts for scores and inputs, shared by code lenses, hovers and the agents view so that
 * a number reads the same wherever it appears.
 */
import type { AivssResult } from '../../language/aivss/aivss-types.js';
import { formatExactDecimal, formatScaled } from '../../language/aivss/decimal.js';
import type { AgentScore, InputOrigin, LayerCoverage, ResolvedMultiplier } from '../../language/scoring/score-types.js';

/** `7.8 High`. */
export function scoreText(result: AivssResult): string {
    return `${formatScaled(result.score10, 1)} ${result.severity}`;
}

/** A factor sum × 100 with trailing zeros trimmed: 130 → `1.3`, 0 → `0.0`. */
export function factorSumText(sum100: number): string {
    return formatExactDecimal(sum100, 2, 1);
}

/** ThM or MF: always two decimals, as the spec writes them (`0.50`, `0.83`). */
export function multiplierText(value100: number): string {
    return formatScaled(value100, 2);
}

/** CVSS base: one decimal. */
export function cvssText(base10: number): string {
    return formatScaled(base10, 1);
}

/** The name of the control a multiplier came from, when it came from one. */
export function controlName(multiplier: ResolvedMultiplier): string | undefined {
    const node = multiplier.node as { name?: unknown } | undefined;
    return multiplier.origin === 'control' && typeof node?.name === 'string' ? node.name : undefined;
}

/** True for a value a threat has of its own rather than from its agent or the default. */
export function isOwnOrigin(origin: InputOrigin): boolean {
    return origin === 'written' || origin === 'vector' || origin === 'control';
}

/** Where a ThM or MF came from, in words, for hovers. */
export function originText(multiplier: ResolvedMultiplier): string {
    switch (multiplier.origin) {
        case 'written': return `written here (${multiplier.label})`;
        case 'vector': return `from this level's CVSS vector (${multiplier.label})`;
        case 'inherited': return `inherited from the agent (${multiplier.label})`;
        case 'inherited-vector': return `from the agent's CVSS vector (${multiplier.label})`;
        case 'control': return `from ${multiplier.label}, the strongest mitigating control`;
        case 'default': return multiplier.label === 'default' ? 'default' : multiplier.label;
    }
}

/**
 * Why an agent has no headline, as instructions: the distinct blockers of its findings, or
 * `add cvss` for an agent with no CVSS and no threat to carry one.
 */
export function agentBlockers(score: AgentScore): string[] {
    const all = [...(score.own?.blockers ?? []), ...score.threats.flatMap((threat) => threat.blockers)];
    return all.length > 0 ? [...new Set(all)] : ['add cvss'];
}

/** `7/7 layers (6 uncertain)`, `5/7 layers (1 uncertain; missing L3, L5)`. */
export function coverageText(coverage: LayerCoverage): string {
    const total = coverage.covered.length + coverage.missing.length;
    const notes: string[] = [];
    if (coverage.uncertain.length > 0) notes.push(`${coverage.uncertain.length} uncertain`);
    if (coverage.missing.length > 0) notes.push(`missing ${coverage.missing.join(', ')}`);
    const detail = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    return `${coverage.covered.length}/${total} layers${detail}`;
}
