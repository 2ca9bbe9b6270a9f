import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { Agent, Threat } from '../../language/generated/ast.js';
import { isAgent, isCatalogRef, isLayer, isThreat } from '../../language/generated/ast.js';
import type { CatalogThreat } from '../../language/maestro/maestro-catalog.js';
import { catalogThreatById, catalogThreatsForLayer, matchCatalogThreat } from '../../language/maestro/maestro-catalog.js';
import type { LayerId } from '../../language/maestro/maestro-layers.js';
import { getMaestroLayer } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import type { FixContext } from './code-action-support.js';
import { deleteNode, propertyNode, quickFix, replaceNode } from './code-action-support.js';
import { layerInsertions } from './layer-fixes.js';
import { agentMembers, INDENT_UNIT, indentLines, insertAfter, insertAtEnd, memberIndent } from './member-insertion.js';
import { appendMember, memberText } from './member-move.js';

/**
 * `catalog-layer-mismatch`: a threat filed under L4 with the id of an L1 catalog threat. Either
 * the threat belongs in L1 (move it there, creating the block when the agent has none) or the id
 * should be one of L4's own entries. Preferred: the L4 entry of the same threat when the catalog
 * has one (Denial of Service is M1.7 in L1 and M4.4 in L4) or the threat's title names one;
 * otherwise the move, since the catalog decides which layer its threats belong to. The other
 * entries of this layer are offered last, none preferred: which one is meant is a judgement.
 */
export function catalogLayerMismatchFixes(context: FixContext): CodeAction[] {
    const ref = context.node && isCatalogRef(context.node) ? context.node : undefined;
    const threat = ref?.$container;
    const layer = threat?.$container;
    const agent = layer?.$container;
    const entry = ref?.id === undefined ? undefined : catalogThreatById(ref.id);
    const token = ref ? propertyNode(ref, 'id') : undefined;
    const here = layer && isLayer(layer) ? layerIdOf(layer) : undefined;
    if (!entry || !token || !here || !isThreat(threat) || !isAgent(agent) || entry.layer === here) return [];
    const own = catalogThreatsForLayer(here);
    const twin = own.find((candidate) => candidate.name === entry.name) ?? matchCatalogThreat(threat.title ?? '', here);
    const actions: CodeAction[] = [];
    const change = (candidate: CatalogThreat, preferred: boolean, why = ''): CodeAction =>
        quickFix(`Change to ${candidate.id} ${candidate.name}${why}`, context, [replaceNode(token, candidate.id)], preferred);
    if (twin) actions.push(change(twin, true, ` (the ${here} entry)`));
    const move = moveThreatEdits(context, agent, threat, entry.layer);
    if (move) actions.push(quickFix(`Move threat ${threat.name} to ${entry.layer} ${getMaestroLayer(entry.layer).name}`, context, move, !twin));
    for (const candidate of own) if (candidate !== twin) actions.push(change(candidate, false));
    return actions;
}

/** The threat out of its layer and into the agent's `target` block, which is created if missing. */
function moveThreatEdits(context: FixContext, agent: Agent, threat: Threat, target: LayerId): TextEdit[] | undefined {
    const { document } = context;
    const text = memberText(document, threat);
    const removal = deleteNode(document, threat);
    if (text === undefined || !removal) return undefined;
    const existing = agent.layers.find((layer) => layerIdOf(layer) === target);
    if (existing) {
        const members = [...existing.paragraphs, ...existing.threats];
        const append = appendMember(document, existing, members, text);
        return append ? [append, removal] : undefined;
    }
    // The new block is written whole, its threat one level in, like a missing-layer stub.
    const block = `layer ${target} {\n${indentLines(text, INDENT_UNIT)}\n}`;
    const insertion = target === 'XL' ? crossLayerInsertion(context, agent, block) : layerInsertions(document, agent, [target], () => block)[0];
    return insertion ? [insertion, removal] : undefined;
}

/** XL has no place in the L1–L7 stack order: it goes after the last layer. */
function crossLayerInsertion(context: FixContext, agent: Agent, block: string): TextEdit | undefined {
    const indent = memberIndent(context.document, agent, agentMembers(agent));
    const last = agent.layers[agent.layers.length - 1];
    return last ? insertAfter(context.document, last, block, indent) : insertAtEnd(context.document, agent, block, indent);
}
