import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { Cancellation, GrammarUtils, interruptAndCheck } from 'langium';
import type { DocumentSymbolProvider, LangiumServices, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import type { Agent, Control, FactorBlock, FactorEntry, Layer, Model, Threat } from '../language/generated/ast.js';

/**
 * The outline: agents, and inside each agent its factors block, its layers (with their threats)
 * and its controls, in source order. Langium's default outline only knows nodes with a `name`,
 * so layers (which have an id, not a name) and factors would be lost and threats would hang
 * directly under the agent. Built agent by agent with `interruptAndCheck`, so a cancelled
 * request on a large file stops (→ RequestCancelled) instead of holding the server.
 */
export class ThreatModelDocumentSymbolProvider implements DocumentSymbolProvider {
    protected readonly nodeKinds: NodeKindProvider;

    constructor(services: LangiumServices) {
        this.nodeKinds = services.shared.lsp.NodeKindProvider;
    }

    async getSymbols(
        document: LangiumDocument,
        _params?: DocumentSymbolParams,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<DocumentSymbol[]> {
        const model = document.parseResult.value as Model;
        const symbols: DocumentSymbol[] = [];
        for (const agent of model.agents) {
            await interruptAndCheck(cancelToken);
            const symbol = this.agentSymbol(agent);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    protected agentSymbol(agent: Agent): DocumentSymbol | undefined {
        const children = compact([
            ...agent.factorBlocks.map((block) => this.factorBlockSymbol(block)),
            ...agent.layers.map((layer) => this.layerSymbol(layer)),
            ...agent.controls.map((control) => this.namedSymbol(control, control.name, control.title))
        ]);
        // Members may come in any order; the outline follows the text.
        children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        return this.symbol(agent, agent.name || 'agent', agent.title, this.propertyNode(agent, 'name'), children);
    }

    protected factorBlockSymbol(block: FactorBlock): DocumentSymbol | undefined {
        const entries = compact(block.entries.map((entry) => this.factorSymbol(entry)));
        const selection = GrammarUtils.findNodeForKeyword(block.$cstNode, 'factors');
        const detail = `${block.entries.length} ${block.entries.length === 1 ? 'factor' : 'factors'}`;
        return this.symbol(block, 'factors', detail, selection, entries);
    }

    protected factorSymbol(entry: FactorEntry): DocumentSymbol | undefined {
        return this.symbol(entry, entry.key || 'factor', entry.value, this.propertyNode(entry, 'key'));
    }

    protected layerSymbol(layer: Layer): DocumentSymbol | undefined {
        const threats = compact(layer.threats.map((threat) => this.namedSymbol(threat, threat.name, threat.title)));
        const name = [layer.layerId, layer.label].filter((part) => part).join(' ') || 'layer';
        const selection = this.propertyNode(layer, 'layerId') ?? this.propertyNode(layer, 'label');
        return this.symbol(layer, name, layer.uncertain ? 'uncertain' : undefined, selection, threats);
    }

    protected namedSymbol(node: Threat | Control, name: string, title: string | undefined): DocumentSymbol | undefined {
        return this.symbol(node, name || node.$type.toLowerCase(), title, this.propertyNode(node, 'name'));
    }

    protected symbol(
        node: AstNode,
        name: string,
        detail: string | undefined,
        selectionNode: CstNode | undefined,
        children?: DocumentSymbol[]
    ): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) {
            return undefined;
        }
        return {
            name,
            ...(detail ? { detail } : {}),
            kind: this.nodeKinds.getSymbolKind(node),
            range: cst.range,
            // Recovered nodes may lack their name token; the selection must lie inside the range.
            selectionRange: (selectionNode ?? cst).range,
            ...(children && children.length > 0 ? { children } : {})
        };
    }

    protected propertyNode(node: AstNode, property: string): CstNode | undefined {
        return GrammarUtils.findNodeForProperty(node.$cstNode, property);
    }
}

function compact<T>(items: Array<T | undefined>): T[] {
    return items.filter((item): item is T => item !== undefined);
}
