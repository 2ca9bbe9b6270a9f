import type { ReferenceInfo } from 'langium';
import type { Agent } from '../generated/ast.js';

/**
 * Every cross-reference inside one agent, in source order. The grammar has one kind, the
 * controls named by `mitigated_by`, and they sit at a fixed depth (agent → layer → threat →
 * mitigated_by), so the linker and the reference index visit those nodes directly instead of
 * streaming the whole AST (Langium's generic walk costs microseconds per node, and a model has
 * thousands of factor entries, layers and settings that can hold no reference). A test compares
 * this with Langium's generic `streamAst` + `streamReferences` on every kind of model.
 */
export function forEachReference(agent: Agent, action: (info: ReferenceInfo) => void): void {
    for (const layer of agent.layers) {
        for (const threat of layer.threats) {
            for (const mitigatedBy of threat.mitigatedBy) {
                mitigatedBy.controls.forEach((reference, index) => {
                    action({ reference, container: mitigatedBy, property: 'controls', index });
                });
            }
        }
    }
}
