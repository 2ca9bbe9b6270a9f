import type { AstNode, LangiumDocument } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { Agent, Layer } from '../../language/generated/ast.js';
import { isAgent, isLayer } from '../../language/generated/ast.js';
import type { LayerId } from '../../language/maestro/maestro-layers.js';
import { getMaestroLayer, isLayerId, layerNameConflict, resolveLayerName } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import type { FixContext } from './code-action-support.js';
import { dataString, dataStrings, propertyNode, quickFix, replaceNode } from './code-action-support.js';
import { agentMembers, insertAfter, insertAtEnd, insertBefore, memberIndent } from './member-insertion.js';

/**
 * The stub of a missing layer: marked `uncertain` (nobody has assessed it yet) and carrying a
 * paragraph, so it raises no `empty-layer` hint and reads as a to-do in the outline.
 */
export function layerStub(id: LayerId): string {
    const name = getMaestroLayer(id).name;
    return `layer ${id} uncertain {\n    "TODO: describe the ${name.toLowerCase()} layer."\n}`;
}

/** `missing-layer`: one action per missing layer, and one for all of them when several are missing. */
export function missingLayerFixes(context: FixContext): CodeAction[] {
    const agent = context.node && isAgent(context.node) ? context.node : undefined;
    const missing = dataStrings(context, 'missing').filter((id): id is LayerId => isLayerId(id));
    if (!agent || missing.length === 0) return [];
    const actions: CodeAction[] = [];
    for (const id of missing) {
        const edits = layerInsertions(context.document, agent, [id]);
        if (edits.length > 0) {
            const title = `Add missing layer ${id} ${getMaestroLayer(id).name}`;
            actions.push(quickFix(title, context, edits, missing.length === 1));
        }
    }
    if (missing.length > 1) {
        const edits = layerInsertions(context.document, agent, missing);
        if (edits.length > 0) actions.push(quickFix(`Add all ${missing.length} missing layers`, context, edits, true));
    }
    return actions;
}

interface Anchor {
    readonly node: AstNode;
    readonly where: 'after' | 'before' | 'end';
}

/**
 * Edits that add stubs for `ids` in stack order: after the last declared layer below each one,
 * else before the first declared layer above it, else before the first control, else at the
 * end of the agent. Stubs sharing an anchor go into one edit, so the edits never overlap.
 * `textOf` writes a block (a stub by default; a moved threat's new layer for catalog fixes).
 */
export function layerInsertions(
    document: LangiumDocument,
    agent: Agent,
    ids: readonly LayerId[],
    textOf: (id: LayerId) => string = layerStub
): TextEdit[] {
    const numbered = agent.layers
        .map((layer) => ({ layer, number: numberOf(layerIdOf(layer)) }))
        .filter((entry): entry is { layer: Layer; number: number } => entry.number !== undefined);
    // One layer can anchor stubs on both sides (L1 before L2, L3 after it): key by side too.
    const groups = new Map<string, { anchor: Anchor; ids: LayerId[] }>();
    const keys = new Map<AstNode, number>();
    for (const id of [...ids].sort((a, b) => numberOf(a)! - numberOf(b)!)) {
        const anchor = anchorFor(agent, numbered, numberOf(id)!);
        if (!keys.has(anchor.node)) keys.set(anchor.node, keys.size);
        const key = `${anchor.where}:${keys.get(anchor.node)}`;
        const group = groups.get(key) ?? { anchor, ids: [] };
        group.ids.push(id);
        groups.set(key, group);
    }
    const indent = memberIndent(document, agent, agentMembers(agent));
    const edits: TextEdit[] = [];
    for (const { anchor, ids: groupIds } of groups.values()) {
        const text = groupIds.map(textOf).join('\n');
        const edit =
            anchor.where === 'after'
                ? insertAfter(document, anchor.node, text, indent)
                : anchor.where === 'before'
                  ? insertBefore(document, anchor.node, text, indent)
                  : insertAtEnd(document, anchor.node, text, indent);
        if (edit) edits.push(edit);
    }
    return edits;
}

function anchorFor(agent: Agent, numbered: ReadonlyArray<{ layer: Layer; number: number }>, number: number): Anchor {
    let below: { layer: Layer; number: number } | undefined;
    let above: { layer: Layer; number: number } | undefined;
    for (const entry of numbered) {
        if (entry.number < number && (!below || entry.number >= below.number)) below = entry;
        if (entry.number > number && (!above || entry.number < above.number)) above = entry;
    }
    if (below) return { node: below.layer, where: 'after' };
    if (above) return { node: above.layer, where: 'before' };
    const control = agent.controls[0];
    return control ? { node: control, where: 'before' } : { node: agent, where: 'end' };
}

function numberOf(id: LayerId | undefined): number | undefined {
    return id === undefined ? undefined : getMaestroLayer(id).number;
}

/** `unknown-layer`: the suggested id in place of the unknown id or name; the canonical name for an unknown name beside a valid id. */
export function unknownLayerFixes(context: FixContext): CodeAction[] {
    const layer = context.node && isLayer(context.node) ? context.node : undefined;
    if (!layer) return [];
    const suggestion = dataString(context, 'suggestion');
    if (layer.layerId !== undefined && !isLayerId(layer.layerId)) {
        const token = propertyNode(layer, 'layerId');
        if (!token || !suggestion || !isLayerId(suggestion)) return [];
        return [quickFix(`Change to ${suggestion} ${getMaestroLayer(suggestion).name}`, context, [replaceNode(token, suggestion)], true)];
    }
    const label = propertyNode(layer, 'label');
    if (!label) return [];
    if (layer.layerId !== undefined && isLayerId(layer.layerId)) {
        const name = getMaestroLayer(layer.layerId).name;
        return [quickFix(`Change the name to "${name}"`, context, [replaceNode(label, JSON.stringify(name))], true)];
    }
    if (!suggestion || !isLayerId(suggestion)) return [];
    return [quickFix(`Change to ${suggestion} ${getMaestroLayer(suggestion).name}`, context, [replaceNode(label, suggestion)], true)];
}

/** `layer-alias`: `layer "Data Operations"` → `layer L2`. */
export function layerAliasFixes(context: FixContext): CodeAction[] {
    const layer = context.node && isLayer(context.node) ? context.node : undefined;
    const id = dataString(context, 'layerId');
    const label = layer ? propertyNode(layer, 'label') : undefined;
    if (!label || !id || !isLayerId(id)) return [];
    return [quickFix(`Write the layer id ${id} (${getMaestroLayer(id).name})`, context, [replaceNode(label, id)], true)];
}

/**
 * `layer-name-mismatch`: beside an id, the name becomes the id's canonical name (preferred:
 * the id is what coverage counts) or the id becomes the named layer; a name alone whose
 * number and words disagree becomes either id.
 */
export function layerNameMismatchFixes(context: FixContext): CodeAction[] {
    const layer = context.node && isLayer(context.node) ? context.node : undefined;
    const label = layer ? propertyNode(layer, 'label') : undefined;
    if (!layer || !label || layer.label === undefined) return [];
    const conflict = layerNameConflict(layer.label);
    const named = resolveLayerName(layer.label) ?? conflict?.named;
    const idToken = propertyNode(layer, 'layerId');
    if (idToken && layer.layerId !== undefined && isLayerId(layer.layerId)) {
        const canonical = dataString(context, 'canonicalName') ?? getMaestroLayer(layer.layerId).name;
        const actions = [quickFix(`Change the name to "${canonical}" (the name of ${layer.layerId})`, context, [replaceNode(label, JSON.stringify(canonical))], true)];
        if (named && named !== layer.layerId && !declaredElsewhere(layer, named)) {
            actions.push(quickFix(`Change the id to ${named} (the layer the name denotes)`, context, [replaceNode(idToken, named)]));
        }
        return actions;
    }
    if (!conflict) return [];
    return [conflict.numbered, conflict.named]
        .filter((id) => !declaredElsewhere(layer, id))
        .map((id) => quickFix(`Write the layer id ${id} (${getMaestroLayer(id).name})`, context, [replaceNode(label, id)]));
}

/** True when another layer of the same agent already stands for `id`: renaming to it would duplicate it. */
function declaredElsewhere(layer: Layer, id: LayerId): boolean {
    const agent = layer.$container;
    return isAgent(agent) && agent.layers.some((other) => other !== layer && layerIdOf(other) === id);
}
