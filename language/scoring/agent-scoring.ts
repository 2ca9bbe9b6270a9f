import type { AivssVersion, RoundingMode } from '../aivss/aivss-types.js';
import { computeAivss } from '../aivss/aivss-score.js';
import type { Agent, Threat } from '../generated/ast.js';
import { summarizeFactors } from './factor-summary.js';
import type { Resolution } from './input-resolution.js';
import {
    resolveAgentCvss,
    resolveAgentMf,
    resolveAgentThm,
    resolveThreatCvss,
    resolveThreatMf,
    resolveThreatThm
} from './input-resolution.js';
import { layerCoverage, layerIdOf } from './layer-coverage.js';
import type { AgentScore, FindingScore, ResolvedCvss, ResolvedMultiplier, ThreatScore } from './score-types.js';

export interface ScoringContext {
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
}

/**
 * Scores one agent: its own score when it carries a CVSS, every threat's, and the headline,
 * which is the maximum of the complete ones (scores are ordinal, never averaged).
 */
export function scoreAgent(agent: Agent, context: ScoringContext): AgentScore {
    const { version, rounding } = context;
    const factors = summarizeFactors(agent, version);
    const cvss = resolveAgentCvss(agent, version);
    const own = cvss.found
        ? finding('agent', agent, agent.name, context, cvss, resolveAgentThm(agent, version), resolveAgentMf(agent, version), factors.sum100)
        : undefined;
    const threats: ThreatScore[] = [];
    for (const layer of agent.layers) {
        for (const threat of layer.threats) {
            const score = scoreThreat(threat, agent, context, factors.sum100);
            // Written out, not spread (same keys, same order): V8 builds these spread literals
            // on a slow path, which made scoring a large model 3x slower.
            const { name, version, rounding, cvss, thm, mf, factorSum100, result, blockers } = score;
            threats.push({
                kind: 'threat', node: threat, name, version, rounding, cvss, thm, mf, factorSum100, result, blockers,
                layer, layerId: layerIdOf(layer), catalog: threat.catalogs[0]?.id
            });
        }
    }
    let headline: FindingScore | undefined;
    for (const candidate of [own, ...threats]) {
        if (candidate?.result && (!headline?.result || candidate.result.score10 > headline.result.score10)) {
            headline = candidate;
        }
    }
    return { agent, version, rounding, factors, own, threats, headline, coverage: layerCoverage(agent) };
}

function scoreThreat(threat: Threat, agent: Agent, context: ScoringContext, factorSum100: number | undefined): FindingScore {
    const { version } = context;
    return finding(
        'threat',
        threat,
        threat.name,
        context,
        resolveThreatCvss(threat, agent, version),
        resolveThreatThm(threat, agent, version),
        resolveThreatMf(threat, agent, version),
        factorSum100
    );
}

function finding(
    kind: 'agent' | 'threat',
    node: Agent | Threat,
    name: string,
    context: ScoringContext,
    cvssResolution: Resolution<ResolvedCvss>,
    thm: ResolvedMultiplier | undefined,
    mf: ResolvedMultiplier | undefined,
    factorSum100: number | undefined
): FindingScore {
    const cvss = cvssResolution.found ? cvssResolution.value : undefined;
    const blockers: string[] = [];
    if (!cvssResolution.found) blockers.push('add cvss');
    else if (!cvss) blockers.push('fix the cvss value');
    if (factorSum100 === undefined) blockers.push('fix the factor values');
    if (!thm) blockers.push('fix the exploit value');
    if (!mf) blockers.push('fix the mitigation value');
    const { version, rounding } = context;
    const result =
        cvss && thm && mf && factorSum100 !== undefined
            ? computeAivss({ version, rounding, cvss10: cvss.base10, factorSum100, thm100: thm.value100, mf100: mf.value100 })
            : undefined;
    return { kind, node, name, version, rounding, cvss, thm, mf, factorSum100, result, blockers };
}
