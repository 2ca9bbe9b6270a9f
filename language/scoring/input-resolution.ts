import type { AivssVersion, ExploitLevel, MitigationLevel } from '../aivss/aivss-types.js';
import type { CvssVectorInfo } from '../aivss/cvss-vector.js';
import { parseCvssVector } from '../aivss/cvss-vector.js';
import { DEFAULT_MF100, DEFAULT_THM100, exploitMaturityThm100, exploitThm100, mitigationMf100 } from '../aivss/multipliers.js';
import type { Agent, CvssSetting, ExploitSetting, MitigationSetting, StrengthSetting, Threat } from '../generated/ast.js';
import { readCvssBase, readMitigationFactor, readThreatMultiplier } from './number-inputs.js';
import type { ResolvedCvss, ResolvedMultiplier } from './score-types.js';

/**
 * Level-by-level input resolution (product.md, "Scoring rules"): the first level that gives a
 * value wins. A value that is written but invalid stops the search — falling through to the
 * next level would score with a number the user did not mean.
 */

/** A usable CVSS base from one `cvss` line, or undefined when it is invalid (the validator says why). */
export function readCvssSetting(
    setting: CvssSetting,
    version: AivssVersion
): { base10: number; vector: CvssVectorInfo | undefined } | undefined {
    if (setting.vector !== undefined) {
        const parsed = parseCvssVector(setting.vector);
        if (!parsed.ok) return undefined;
        if (parsed.value.version === '3.1' && version === '0.8') return undefined;
        return { base10: parsed.value.base10, vector: parsed.value };
    }
    if (setting.base !== undefined) {
        const reading = readCvssBase(setting.base);
        return reading.ok ? { base10: reading.scaled, vector: undefined } : undefined;
    }
    return undefined;
}

export type Resolution<T> = { readonly found: true; readonly value: T | undefined } | { readonly found: false };

const NOT_FOUND = { found: false } as const;

/** The CVSS a threat uses: its own, else its agent's. */
export function resolveThreatCvss(threat: Threat, agent: Agent, version: AivssVersion): Resolution<ResolvedCvss> {
    const own = threat.cvss[0];
    if (own) return { found: true, value: toResolvedCvss(own, 'written', version) };
    const inherited = agent.cvss[0];
    if (inherited) return { found: true, value: toResolvedCvss(inherited, 'inherited', version) };
    return NOT_FOUND;
}

export function resolveAgentCvss(agent: Agent, version: AivssVersion): Resolution<ResolvedCvss> {
    const own = agent.cvss[0];
    return own ? { found: true, value: toResolvedCvss(own, 'written', version) } : NOT_FOUND;
}

function toResolvedCvss(node: CvssSetting, origin: 'written' | 'inherited', version: AivssVersion): ResolvedCvss | undefined {
    const read = readCvssSetting(node, version);
    return read && { base10: read.base10, vector: read.vector, origin, node };
}

/** ThM of the agent's own score: its `exploit`, else its vector's `E:`, else 0.97. */
export function resolveAgentThm(agent: Agent, version: AivssVersion): ResolvedMultiplier | undefined {
    return orDefault(firstOf([
        () => fromExploit(agent.exploits[0], version, 'written', ''),
        () => fromVectorE(agent.cvss[0], version, 'vector', '')
    ]), defaultThm);
}

/** ThM of a threat: its `exploit`, its own vector's `E:`, the agent's `exploit`, the agent's vector's `E:`, 0.97. */
export function resolveThreatThm(threat: Threat, agent: Agent, version: AivssVersion): ResolvedMultiplier | undefined {
    return orDefault(firstOf([
        () => fromExploit(threat.exploits[0], version, 'written', ''),
        () => fromVectorE(threat.cvss[0], version, 'vector', ''),
        () => fromExploit(agent.exploits[0], version, 'inherited', 'agent '),
        () => fromVectorE(agent.cvss[0], version, 'inherited-vector', 'agent ')
    ]), defaultThm);
}

/** MF of the agent's own score: its `mitigation`, else 1.0. v0.5 has no MF. */
export function resolveAgentMf(agent: Agent, version: AivssVersion): ResolvedMultiplier | undefined {
    if (version === '0.5') return noMfInV05();
    return orDefault(fromMitigation(agent.mitigations[0], 'written', 'mitigation '), defaultMf);
}

/** MF of a threat: its `mitigation`, the strongest of its controls, the agent's `mitigation`, 1.0. */
export function resolveThreatMf(threat: Threat, agent: Agent, version: AivssVersion): ResolvedMultiplier | undefined {
    if (version === '0.5') return noMfInV05();
    return orDefault(firstOf([
        () => fromMitigation(threat.mitigations[0], 'written', 'mitigation '),
        () => strongestControl(threat),
        () => fromMitigation(agent.mitigations[0], 'inherited', 'agent mitigation ')
    ]), defaultMf);
}

/**
 * Runs the levels in order. Each returns `null` when it has nothing to say, `undefined` when
 * it has an invalid value (which ends the search), or the value.
 */
function firstOf(levels: ReadonlyArray<() => ResolvedMultiplier | undefined | null>): ResolvedMultiplier | undefined | null {
    for (const level of levels) {
        const value = level();
        if (value !== null) return value;
    }
    return null;
}

/** `null` (no level had a value) becomes the default; `undefined` (an invalid value) stays. */
function orDefault(
    value: ResolvedMultiplier | undefined | null,
    fallback: () => ResolvedMultiplier
): ResolvedMultiplier | undefined {
    return value === null ? fallback() : value;
}

function fromExploit(
    setting: ExploitSetting | undefined,
    version: AivssVersion,
    origin: 'written' | 'inherited',
    prefix: string
): ResolvedMultiplier | undefined | null {
    if (!setting) return null;
    if (setting.level !== undefined) {
        const level = setting.level as ExploitLevel;
        return { value100: exploitThm100(level, version), origin, node: setting, label: `${prefix}exploit ${level}` };
    }
    const reading = setting.value === undefined ? undefined : readThreatMultiplier(setting.value);
    return reading?.ok ? { value100: reading.scaled, origin, node: setting, label: `${prefix}exploit ${setting.value}` } : undefined;
}

function fromVectorE(
    setting: CvssSetting | undefined,
    version: AivssVersion,
    origin: 'vector' | 'inherited-vector',
    prefix: string
): ResolvedMultiplier | null {
    if (setting?.vector === undefined) return null;
    const parsed = parseCvssVector(setting.vector);
    const maturity = parsed.ok ? parsed.value.exploitMaturity : undefined;
    if (!maturity) return null;
    return { value100: exploitMaturityThm100(maturity, version), origin, node: setting, label: `${prefix}vector E:${maturity}` };
}

function fromMitigation(
    setting: MitigationSetting | undefined,
    origin: 'written' | 'inherited',
    prefix: string
): ResolvedMultiplier | undefined | null {
    if (!setting) return null;
    const mf100 = strengthMf100(setting);
    if (mf100 === undefined) return undefined;
    return { value100: mf100, origin, node: setting, label: `${prefix}${setting.level ?? setting.value}` };
}

function strongestControl(threat: Threat): ResolvedMultiplier | undefined | null {
    let best: ResolvedMultiplier | null = null;
    for (const reference of threat.mitigatedBy.flatMap((m) => m.controls)) {
        const control = reference.ref;
        const strength = control?.strengths[0];
        if (!control || !strength) continue;
        const mf100 = strengthMf100(strength);
        if (mf100 === undefined) return undefined;
        if (best === null || mf100 < best.value100) {
            best = { value100: mf100, origin: 'control', node: control, label: `control ${control.name} (${strength.level ?? strength.value})` };
        }
    }
    return best;
}

/** MF × 100 of a `mitigation` or `strength` setting; undefined when its number is invalid. */
export function strengthMf100(setting: MitigationSetting | StrengthSetting): number | undefined {
    if (setting.level !== undefined) return mitigationMf100(setting.level as MitigationLevel);
    const reading = setting.value === undefined ? undefined : readMitigationFactor(setting.value);
    return reading?.ok ? reading.scaled : undefined;
}

function defaultThm(): ResolvedMultiplier {
    return { value100: DEFAULT_THM100, origin: 'default', label: 'default' };
}

function defaultMf(): ResolvedMultiplier {
    return { value100: DEFAULT_MF100, origin: 'default', label: 'default' };
}

function noMfInV05(): ResolvedMultiplier {
    return { value100: DEFAULT_MF100, origin: 'default', label: 'none (v0.5 has no mitigation factor)' };
}
