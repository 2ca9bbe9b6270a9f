import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { Agent, Control, FactorBlock, FactorEntry, Layer, Threat } from '../language/generated/ast.js';

/**
 * One mapping from our node types to LSP kinds, so that the outline, workspace symbols and the
 * `mitigated_by` completion show the same icon for the same thing. A threat is an `Event`
 * (something that may happen to the agent); a control is a `Function` (something the system
 * does against it); a layer is a `Namespace` (it groups threats).
 */
const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    [Agent.$type]: SymbolKind.Class,
    [Layer.$type]: SymbolKind.Namespace,
    [Threat.$type]: SymbolKind.Event,
    [Control.$type]: SymbolKind.Function,
    [FactorBlock.$type]: SymbolKind.Struct,
    [FactorEntry.$type]: SymbolKind.Property
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    [Agent.$type]: CompletionItemKind.Class,
    [Layer.$type]: CompletionItemKind.Module,
    [Threat.$type]: CompletionItemKind.Event,
    [Control.$type]: CompletionItemKind.Function,
    [FactorBlock.$type]: CompletionItemKind.Struct,
    [FactorEntry.$type]: CompletionItemKind.Property
};

export class ThreatModelNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
