import { AstUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import type { Agent } from '../../language/generated/ast.js';
import { isAgent, isCatalogRef, isControl } from '../../language/generated/ast.js';
import { catalogThreatById } from '../../language/maestro/maestro-catalog.js';
import type { FixContext } from './code-action-support.js';
import { dataString, deleteNode, propertyNode, quickFix, replaceNode } from './code-action-support.js';
import { agentMembers, insertAfter, insertAtEnd, insertAtStart, memberIndent } from './member-insertion.js';

/** Identifiers as the grammar's ID terminal defines them. */
const IDENTIFIER = /^[_a-zA-Z]\w*$/;

/**
 * `unresolved-reference`: a control of that name at the end of the referring agent, with a
 * placeholder title and a partial strength to be reviewed.
 */
export function createControlFixes(context: FixContext): CodeAction[] {
    const name = dataString(context, 'refText');
    const agent = context.node ? AstUtils.getContainerOfType(context.node, isAgent) : undefined;
    if (!agent || !name || !IDENTIFIER.test(name)) return [];
    const members = agentMembers(agent);
    const last = members[members.length - 1];
    // Controls sit in a group of their own below the layers, as in shared/design/example.tm.
    const control = `${last && !isControl(last) ? '\n' : ''}control ${name} "TODO" { strength partial }`;
    const edit = insertAtEnd(context.document, agent, control, memberIndent(context.document, agent, members));
    return edit ? [quickFix(`Create control '${name}'`, context, [edit], true)] : [];
}

/** Every base metric at its least severe value: a valid vector that scores 0.0 until assessed. */
export const CVSS_SKELETON = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N';

/** `missing-cvss`: a vector skeleton on the agent, after its factors (or summary), to be assessed. */
export function missingCvssFixes(context: FixContext): CodeAction[] {
    const agent = context.node && isAgent(context.node) ? context.node : undefined;
    if (!agent) return [];
    const line = `cvss "${CVSS_SKELETON}" // TODO: assess each metric`;
    const edit = cvssInsertion(context, agent, line);
    return edit ? [quickFix('Add a CVSS 4.0 vector skeleton (its metrics need assessing; as written it scores 0.0)', context, [edit], true)] : [];
}

function cvssInsertion(context: FixContext, agent: Agent, line: string) {
    const indent = memberIndent(context.document, agent, agentMembers(agent));
    const anchor = agent.factorBlocks[0] ?? agent.summaries[agent.summaries.length - 1];
    return anchor ? insertAfter(context.document, anchor, line, indent) : insertAtStart(context.document, agent, line, indent);
}

/** `duplicate-member`: the repeat goes; the first one, which is the one that counts, stays. */
export function duplicateMemberFixes(context: FixContext): CodeAction[] {
    const node = context.node;
    if (!node || isAgent(node)) return [];
    const edit = deleteNode(context.document, node);
    const keyword = /^[a-z_]+/.exec(node.$cstNode?.text ?? '')?.[0] ?? 'member';
    return edit ? [quickFix(`Remove the repeated '${keyword}'`, context, [edit], true)] : [];
}

/** `unknown-catalog-id`: the suggested id. */
export function unknownCatalogIdFixes(context: FixContext): CodeAction[] {
    const ref = context.node && isCatalogRef(context.node) ? context.node : undefined;
    const suggestion = dataString(context, 'suggestion');
    const entry = suggestion ? catalogThreatById(suggestion) : undefined;
    const token = ref ? propertyNode(ref, 'id') : undefined;
    if (!token || !entry) return [];
    return [quickFix(`Change to ${entry.id} ${entry.name}`, context, [replaceNode(token, entry.id)], true)];
}
