import type { AstNode } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { Layer } from '../../language/generated/ast.js';
import { isAgent, isLayer } from '../../language/generated/ast.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import type { FixContext } from './code-action-support.js';
import { deleteNode, propertyNode, quickFix } from './code-action-support.js';
import { appendMember, innerText } from './member-move.js';

/**
 * `duplicate-layer`: the repeated block's text and threats move into the first block of that
 * layer (preferred: nothing is lost), or the repeated block goes. A repeat with nothing in it
 * can only go, and then that is the obvious fix.
 */
export function duplicateLayerFixes(context: FixContext): CodeAction[] {
    const layer = context.node && isLayer(context.node) ? context.node : undefined;
    const agent = layer?.$container;
    const id = layer ? layerIdOf(layer) : undefined;
    if (!layer || !id || !isAgent(agent)) return [];
    const first = agent.layers.find((other) => layerIdOf(other) === id);
    const removal = deleteNode(context.document, layer);
    if (!first || first === layer || !removal) return [];
    const members = membersOf(layer);
    if (members.length === 0) return [quickFix(`Remove the repeated empty ${id} block`, context, [removal], true)];
    const actions: CodeAction[] = [];
    const merge = mergeEdits(context, first, layer, members);
    const line = (first.$cstNode?.range.start.line ?? 0) + 1;
    if (merge) actions.push(quickFix(`Merge into the first ${id} block (line ${line})`, context, [...merge, removal], true));
    const threats = layer.threats.length;
    const lost = threats === 0 ? 'its text goes too' : threats === 1 ? 'its 1 threat goes too' : `its ${threats} threats go too`;
    actions.push(quickFix(`Remove this repeated ${id} block (${lost})`, context, [removal]));
    return actions;
}

/** Text and threats in text order: a linear merge of the two lists (each is in order already), not a sort per diagnostic. */
function membersOf(layer: Layer): AstNode[] {
    const merged: AstNode[] = [];
    const offset = (node: AstNode | undefined): number => node?.$cstNode?.offset ?? Number.POSITIVE_INFINITY;
    let p = 0;
    let t = 0;
    while (p < layer.paragraphs.length || t < layer.threats.length) {
        if (offset(layer.paragraphs[p]) <= offset(layer.threats[t])) merged.push(layer.paragraphs[p++]!);
        else merged.push(layer.threats[t++]!);
    }
    return merged;
}

/**
 * The repeat's members at the end of the first block. When only the repeat is `uncertain`,
 * the merged block becomes uncertain too: one unassessed half makes the layer unassessed.
 */
function mergeEdits(context: FixContext, first: Layer, repeat: Layer, repeatMembers: readonly AstNode[]): TextEdit[] | undefined {
    const moved = innerText(context.document, repeat, repeatMembers);
    const append = moved === undefined ? undefined : appendMember(context.document, first, membersOf(first), moved);
    if (!append) return undefined;
    if (!repeat.uncertain || first.uncertain) return [append];
    const header = propertyNode(first, 'label') ?? propertyNode(first, 'layerId');
    if (!header) return undefined;
    // A first block without a body gets it at this same position: array order puts the
    // keyword first, as the LSP specifies for inserts at one position.
    return [{ range: { start: header.range.end, end: header.range.end }, newText: ' uncertain' }, append];
}
