import type { AstNode } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAgent,
    isAivssHeader,
    isCatalogRef,
    isControl,
    isCvssSetting,
    isExploitSetting,
    isFactorEntry,
    isLayer,
    isMitigatedBy,
    isMitigationSetting,
    isPublishedScore,
    isStrengthSetting,
    isThreat
} from '../language/generated/ast.js';

/**
 * What the TextMate grammar cannot tell: which identifier declares what, which one refers to a
 * control, factor keys, layer and catalog ids, numbers, and the level words that drive a score.
 * Kinds match the outline (agent = class, threat = event, control = function, layer =
 * namespace), so a name has the same colour and icon everywhere.
 */
export class ThreatModelSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = SemanticTokenModifiers.declaration;
        if (isAgent(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        } else if (isThreat(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.event, modifier: declaration });
        } else if (isControl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
        } else if (isMitigatedBy(node)) {
            acceptor({ node, property: 'controls', type: SemanticTokenTypes.function });
        } else if (isLayer(node)) {
            acceptor({ node, property: 'layerId', type: SemanticTokenTypes.namespace });
            acceptor({ node, keyword: 'uncertain', type: SemanticTokenTypes.modifier });
        } else if (isFactorEntry(node)) {
            acceptor({ node, property: 'key', type: SemanticTokenTypes.property });
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isCatalogRef(node)) {
            acceptor({ node, property: 'id', type: SemanticTokenTypes.enumMember });
        } else if (isAivssHeader(node)) {
            acceptor({ node, property: 'version', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'rounding', type: SemanticTokenTypes.enumMember });
        } else if (isCvssSetting(node)) {
            acceptor({ node, property: 'base', type: SemanticTokenTypes.number });
        } else if (isExploitSetting(node) || isMitigationSetting(node) || isStrengthSetting(node)) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isPublishedScore(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        }
    }
}
