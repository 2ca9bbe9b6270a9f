/**
 * Live AIVSS totals as code lenses: one on every agent, one on every threat, recomputed from
 * the cached per-version score whenever the client asks (after each edit, and on the refresh
 * the server sends after validation builds). Clicking one opens the full breakdown.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type { ModelScore } from '../../language/scoring/score-types.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { SHOW_BREAKDOWN_COMMAND } from '../breakdown-protocol.js';
import type { CodeLensSetting } from './code-lens-setting.js';
import { agentLensTitle, threatLensTitle } from './code-lens-titles.js';

export class ThreatModelCodeLensProvider implements CodeLensProvider {
    protected readonly scorer: ModelScorer;
    protected readonly setting: CodeLensSetting;
    /**
     * The lenses of a score: the client asks again for the same text (after every refresh,
     * on scrolling back, when another editor shows the file), and a new text or a new
     * configuration is a new score object, so a stale entry is never hit and is collected.
     */
    protected readonly lensesByScore = new WeakMap<ModelScore, CodeLens[]>();

    constructor(services: ThreatModelServices & { scoreViews: { CodeLensSetting: CodeLensSetting } }) {
        this.scorer = services.scoring.ModelScorer;
        this.setting = services.scoreViews.CodeLensSetting;
    }

    async provideCodeLens(document: LangiumDocument): Promise<CodeLens[]> {
        if (!(await this.setting.enabled())) return [];
        const modelScore = this.scorer.scoreDocument(document);
        let lenses = this.lensesByScore.get(modelScore);
        if (!lenses) {
            lenses = this.createLenses(document, modelScore);
            this.lensesByScore.set(modelScore, lenses);
        }
        return lenses;
    }

    protected createLenses(document: LangiumDocument, modelScore: ModelScore): CodeLens[] {
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const score of modelScore.agents) {
            const agentRange = nameRange(score.agent);
            if (agentRange) {
                lenses.push(lens(agentRange, agentLensTitle(score), [uri, score.agent.name]));
            }
            for (const threat of score.threats) {
                const range = nameRange(threat.node);
                if (range) lenses.push(lens(range, threatLensTitle(threat), [uri, score.agent.name, threat.name]));
            }
        }
        return lenses;
    }
}

/**
 * The range of a node's `name` token, else of the whole node (recovery can drop the name): the
 * node `GrammarUtils.findNodeForProperty` finds, but the search stops there, at the second
 * token, instead of visiting every member of the agent (that scan cost more than the rest of
 * the lens).
 */
function nameRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    return (cst && firstNameNode(cst, node))?.range ?? cst?.range;
}

function firstNameNode(cst: CstNode, owner: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst) || cst.astNode !== owner) return undefined;
    for (const child of cst.content) {
        if (AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature === 'name') return child;
        const nested = firstNameNode(child, owner);
        if (nested) return nested;
    }
    return undefined;
}

function lens(range: Range, title: string, args: string[]): CodeLens {
    return { range, command: { title, command: SHOW_BREAKDOWN_COMMAND, arguments: args } };
}
