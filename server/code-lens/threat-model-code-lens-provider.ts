/**
 * Live AIVSS totals as code lenses: one on every agent, one on every threat, recomputed from
 * the cached per-version score whenever the client asks (after each edit, and on the refresh
 * the server sends after validation builds). Clicking one opens the full breakdown.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { SHOW_BREAKDOWN_COMMAND } from '../breakdown-protocol.js';
import type { CodeLensSetting } from './code-lens-setting.js';
import { agentLensTitle, threatLensTitle } from './code-lens-titles.js';

export class ThreatModelCodeLensProvider implements CodeLensProvider {
    protected readonly scorer: ModelScorer;
    protected readonly setting: CodeLensSetting;

    constructor(services: ThreatModelServices & { scoreViews: { CodeLensSetting: CodeLensSetting } }) {
        this.scorer = services.scoring.ModelScorer;
        this.setting = services.scoreViews.CodeLensSetting;
    }

    async provideCodeLens(document: LangiumDocument): Promise<CodeLens[]> {
        if (!(await this.setting.enabled())) return [];
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const score of this.scorer.scoreDocument(document).agents) {
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

function nameRange(node: AstNode): Range | undefined {
    return (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
}

function lens(range: Range, title: string, args: string[]): CodeLens {
    return { range, command: { title, command: SHOW_BREAKDOWN_COMMAND, arguments: args } };
}
