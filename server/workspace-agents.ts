/**
 * Every agent of the loaded documents with its headline, worst first, for the "Agents by
 * AIVSS" view. Langium's workspace manager loads every `.tm` file of the workspace at start-up,
 * so `LangiumDocuments.all` is the workspace.
 */
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { GrammarUtils } from 'langium';
import { formatScaled } from '../language/aivss/decimal.js';
import { isModel } from '../language/generated/ast.js';
import type { ModelScorer } from '../language/scoring/model-scorer.js';
import type { AgentScore } from '../language/scoring/score-types.js';
import type { WorkspaceAgent } from './agents-protocol.js';
import { agentBlockers, coverageText, factorSumText, scoreText } from './hover/score-text.js';

export function listWorkspaceAgents(documents: LangiumDocuments, scorer: ModelScorer): WorkspaceAgent[] {
    const entries: WorkspaceAgent[] = [];
    const ordered = documents.all
        .filter((document) => isModel(document.parseResult.value))
        .toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    for (const document of ordered) {
        for (const score of scorer.scoreDocument(document).agents) {
            entries.push(workspaceAgent(document, score));
        }
    }
    // Array.prototype.sort is stable: equal scores keep file and declaration order.
    return entries.sort((a, b) => (b.score10 ?? -1) - (a.score10 ?? -1));
}

function workspaceAgent(document: LangiumDocument, score: AgentScore): WorkspaceAgent {
    const { agent, headline } = score;
    const result = headline?.result;
    const cst = GrammarUtils.findNodeForProperty(agent.$cstNode, 'name') ?? agent.$cstNode;
    const zero = { line: 0, character: 0 };
    const blockers = result ? [] : agentBlockers(score);
    return {
        uri: document.uri.toString(),
        name: agent.name,
        ...(agent.title !== undefined ? { title: agent.title } : {}),
        ...(result ? {
            score: formatScaled(result.score10, 1),
            score10: result.score10,
            severity: result.severity,
            headlineFrom: headline.kind === 'agent' ? 'own cvss' : headline.name
        } : {}),
        description: result ? scoreText(result) : `incomplete — ${blockers.join(', ')}`,
        blockers,
        ...(score.factors.sum100 !== undefined ? { factorSum: factorSumText(score.factors.sum100) } : {}),
        coverage: coverageText(score.coverage),
        range: cst?.range ?? { start: zero, end: zero }
    };
}
