/**
 * Hovers that explain the numbers. Langium's default hover only fires on declaration names; a
 * score has to be explained wherever the user points (a factor value, a vector, a layer id, a
 * catalog id, a control reference), so this provider finds the CST leaf under the cursor and
 * dispatches on its AST node and the grammar feature it fills.
 */
import type { AstNode, LangiumDocument, LeafCstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Agent } from '../../language/generated/ast.js';
import {
    isAgent, isCatalogRef, isControl, isCvssSetting, isFactorEntry, isLayer, isMitigatedBy, isThreat
} from '../../language/generated/ast.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { agentBreakdown } from './agent-breakdown.js';
import { catalogHover } from './catalog-hover.js';
import { controlHover } from './control-hover.js';
import { cvssHover } from './cvss-hover.js';
import { factorHover } from './factor-hover.js';
import { layerHover } from './layer-hover.js';
import { threatBreakdown } from './threat-breakdown.js';

export class ThreatModelHoverProvider implements HoverProvider {
    protected readonly scorer: ModelScorer;

    constructor(services: ThreatModelServices) {
        this.scorer = services.scoring.ModelScorer;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || leaf.hidden) return undefined;
        const value = this.markdownFor(leaf);
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    /** The Markdown for the leaf under the cursor, or undefined where there is nothing to explain. */
    protected markdownFor(leaf: LeafCstNode): string | undefined {
        const node = leaf.astNode;
        const feature = assignedFeature(leaf);
        if (isAgent(node) && feature === 'name') {
            return agentBreakdown(this.scorer.scoreOf(node));
        }
        if (isThreat(node) && feature === 'name') {
            const score = this.scorer.scoreOf(agentOf(node));
            const threat = score.threats.find((entry) => entry.node === node);
            return threat && threatBreakdown(score, threat);
        }
        if (isFactorEntry(node)) {
            return factorHover(this.scorer.scoreOf(agentOf(node)), node);
        }
        if (isCvssSetting(node)) {
            return cvssHover(node, this.scorer.scoreOf(agentOf(node)).version);
        }
        if (isLayer(node) && (feature === 'layerId' || feature === 'label' || leaf.text === 'layer')) {
            return layerHover(node);
        }
        if (isCatalogRef(node) && feature === 'id') {
            return catalogHover(node);
        }
        if (isControl(node) && feature === 'name') {
            return controlHover(node, this.scorer);
        }
        if (isMitigatedBy(node) && feature === 'controls') {
            const control = node.controls.find((ref) => ref.$refNode === leaf)?.ref;
            return control && controlHover(control, this.scorer);
        }
        return undefined;
    }
}

/** The grammar feature (`name`, `key`, `controls`, ...) a leaf was parsed into, if any. */
function assignedFeature(leaf: LeafCstNode): string | undefined {
    return AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment)?.feature;
}

function agentOf(node: AstNode): Agent {
    const agent = AstUtils.getContainerOfType(node, isAgent);
    if (!agent) throw new Error(`${node.$type} outside an agent`);
    return agent;
}
