/**
 * The Markdown page behind the breakdown command: an agent's page is its hover breakdown plus
 * every threat's score and full breakdown; a threat's page is its hover breakdown. The hover
 * renderers are reused as they are, so the page and the hover can never disagree.
 */
import type { LangiumDocument } from 'langium';
import type { Agent, Model, Threat } from '../language/generated/ast.js';
import type { ModelScorer } from '../language/scoring/model-scorer.js';
import type { AgentScore } from '../language/scoring/score-types.js';
import type { BreakdownParams, BreakdownResult } from './breakdown-protocol.js';
import { agentBreakdown, threatLine } from './hover/agent-breakdown.js';
import { blocks, bullets } from './hover/markdown.js';
import { threatBreakdown } from './hover/threat-breakdown.js';

export function breakdownPage(scorer: ModelScorer, document: LangiumDocument, params: BreakdownParams): BreakdownResult | undefined {
    const model = document.parseResult.value as Model;
    const offset = params.position ? document.textDocument.offsetAt(params.position) : undefined;
    const agent = params.agent !== undefined
        ? model.agents.find((candidate) => candidate.name === params.agent)
        : (offset === undefined ? undefined : model.agents.find((candidate) => contains(candidate, offset))) ?? model.agents[0];
    if (!agent) return undefined;
    const score = scorer.scoreOf(agent);
    const threatNode = params.threat !== undefined
        ? threatsOf(agent).find((threat) => threat.name === params.threat)
        : params.agent === undefined && offset !== undefined
            ? threatsOf(agent).find((threat) => contains(threat, offset))
            : undefined;
    if (params.threat !== undefined && !threatNode) return undefined;
    const threat = threatNode && score.threats.find((entry) => entry.node === threatNode);
    if (threat) {
        return { title: `${agent.name}.${threat.name}`, agent: agent.name, threat: threat.name, markdown: asPage(threatBreakdown(score, threat)) };
    }
    return { title: agent.name, agent: agent.name, markdown: agentPage(score) };
}

function agentPage(score: AgentScore): string {
    const threats = score.threats;
    return blocks(
        asPage(agentBreakdown(score)),
        threats.length > 0 ? blocks('## Threats', bullets(threats.map(threatLine))) : undefined,
        ...threats.map((threat) => threatBreakdown(score, threat))
    );
}

/** A hover's `###` title becomes the page's `#` title. */
function asPage(markdown: string): string {
    return markdown.replace(/^### /, '# ');
}

function threatsOf(agent: Agent): Threat[] {
    return agent.layers.flatMap((layer) => layer.threats);
}

function contains(node: Agent | Threat, offset: number): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && cst.offset <= offset && offset <= cst.end;
}
