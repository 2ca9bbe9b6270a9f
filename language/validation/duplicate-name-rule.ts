import type { ValidationAcceptor } from 'langium';
import type { Agent, Control, Model, Threat } from '../generated/ast.js';
import { report } from './report.js';

/** Agent and control names are unique within a file; threat names within their agent. */
export function namesMustBeUnique(model: Model, accept: ValidationAcceptor): void {
    reportDuplicates(model.agents, 'agent', accept);
    reportDuplicates(
        model.agents.flatMap((agent) => agent.controls),
        'control',
        accept
    );
    for (const agent of model.agents) {
        reportDuplicates(threatsOf(agent), 'threat', accept, `agent '${agent.name}'`);
    }
}

function threatsOf(agent: Agent): Threat[] {
    return agent.layers.flatMap((layer) => layer.threats);
}

function reportDuplicates(
    nodes: ReadonlyArray<Agent | Control | Threat>,
    kind: string,
    accept: ValidationAcceptor,
    scope = 'this file'
): void {
    const first = new Map<string, Agent | Control | Threat>();
    for (const node of nodes) {
        if (!node.name) continue;
        const earlier = first.get(node.name);
        if (earlier) {
            const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
            report(accept, 'duplicate-name', `Duplicate ${kind} name '${node.name}' in ${scope} (first declared on line ${line})`, {
                node,
                property: 'name'
            });
        } else {
            first.set(node.name, node);
        }
    }
}
