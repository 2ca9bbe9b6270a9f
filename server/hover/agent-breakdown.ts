/**
 * The breakdown of an agent (its name's hover, the top of the breakdown page): the headline
 * with the formula and inputs of the finding it comes from, the factor table, the worst
 * threat and the MAESTRO coverage; or, when no score is complete, what to add.
 */
import { formatScaled } from '../../language/aivss/decimal.js';
import { getMaestroLayer } from '../../language/maestro/maestro-layers.js';
import type { AgentScore, LayerCoverage, ThreatScore } from '../../language/scoring/score-types.js';
import { factorTable } from './factor-table.js';
import { blockerHelp, findingSection, scoreHeadline } from './finding-breakdown.js';
import { blocks, code, quoted, text } from './markdown.js';
import { agentBlockers, coverageText, factorSumText, scoreText } from './score-text.js';

export function agentBreakdown(score: AgentScore): string {
    const { agent, headline } = score;
    const title = `### Agent ${code(agent.name)}${quoted(agent.title)}`;
    if (!headline?.result) {
        const sum = score.factors.sum100;
        return blocks(
            title,
            scoreHeadline(undefined, agentBlockers(score)),
            blockerHelp(agentBlockers(score)),
            sum === undefined ? undefined : `Factor sum so far: ${factorSumText(sum)} / 10.`,
            factorTable(score, undefined),
            coverageSection(score.coverage)
        );
    }
    const source = headline.kind === 'agent'
        ? 'from the agent\'s own `cvss`'
        : `from threat ${code(headline.name)}${layerSuffix(headline as ThreatScore)}`;
    const own = score.own?.result && headline.kind !== 'agent'
        ? `The agent's own score (its \`cvss\` with agent-level inputs) is ${scoreText(score.own.result)}.`
        : undefined;
    return blocks(
        title,
        `${scoreHeadline(headline, [])} — ${source}: the maximum over the agent's complete scores (scores are ordinal, never averaged).`,
        own,
        findingSection(headline),
        factorTable(score, headline.result.inputs),
        worstThreatSection(score),
        coverageSection(score.coverage)
    );
}

function layerSuffix(threat: ThreatScore): string {
    return threat.layerId ? ` (${threat.layerId} ${text(getMaestroLayer(threat.layerId).name)})` : '';
}

/** The worst threat and how many threats are scored or incomplete. */
export function worstThreatSection(score: AgentScore): string {
    const threats = score.threats;
    if (threats.length === 0) return '**Threats:** none yet.';
    let worst: ThreatScore | undefined;
    for (const threat of threats) {
        if (threat.result && (!worst?.result || threat.result.score10 > worst.result.score10)) worst = threat;
    }
    const incomplete = threats.filter((threat) => !threat.result).length;
    const counts = `${threats.length - incomplete} of ${threats.length} threats scored`
        + (incomplete > 0 ? `, ${incomplete} incomplete` : '');
    if (!worst?.result) return `**Worst threat:** none scored yet (${counts}).`;
    return `**Worst threat:** ${code(worst.name)} ${scoreText(worst.result)}${layerSuffix(worst)} — ${counts}.`;
}

export function coverageSection(coverage: LayerCoverage): string {
    const list = (ids: readonly string[]): string => (ids.length > 0 ? ids.join(', ') : 'none');
    return `**MAESTRO coverage:** ${coverageText(coverage)} · uncertain: ${list(coverage.uncertain)} · missing: ${list(coverage.missing)}`;
}

/** One line per threat for the breakdown page: score or what is missing. */
export function threatLine(threat: ThreatScore): string {
    const score = threat.result
        ? `${formatScaled(threat.result.score10, 1)} ${threat.result.severity}`
        : `incomplete (${text(threat.blockers.join(', '))})`;
    return `${code(threat.name)}${layerSuffix(threat)}: ${score}`;
}
