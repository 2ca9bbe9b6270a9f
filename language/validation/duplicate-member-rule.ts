import type { AstNode, ValidationAcceptor } from 'langium';
import type { Agent, Control, Threat } from '../generated/ast.js';
import { report } from './report.js';

/**
 * Settings that hold one value may appear once per level. The grammar accepts repeats (so the
 * parser recovers and the member order stays free); this rule reports every repeat after the
 * first, and scoring uses the first.
 */
export function agentMembersMustBeSingle(agent: Agent, accept: ValidationAcceptor): void {
    reportRepeats(agent.summaries, 'summary', accept);
    reportRepeats(agent.factorBlocks, 'factors', accept);
    reportRepeats(agent.cvss, 'cvss', accept);
    reportRepeats(agent.exploits, 'exploit', accept);
    reportRepeats(agent.mitigations, 'mitigation', accept);
    reportRepeats(agent.published, 'published', accept);
}

export function threatMembersMustBeSingle(threat: Threat, accept: ValidationAcceptor): void {
    reportRepeats(threat.catalogs, 'catalog', accept);
    reportRepeats(threat.cvss, 'cvss', accept);
    reportRepeats(threat.exploits, 'exploit', accept);
    reportRepeats(threat.mitigations, 'mitigation', accept);
}

export function controlMembersMustBeSingle(control: Control, accept: ValidationAcceptor): void {
    reportRepeats(control.strengths, 'strength', accept);
}

function reportRepeats(nodes: readonly AstNode[], keyword: string, accept: ValidationAcceptor): void {
    for (const node of nodes.slice(1)) {
        report(accept, 'duplicate-member', `'${keyword}' is given more than once here; only the first counts`, {
            node,
            keyword
        });
    }
}
