import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';

export const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
const validate = validationHelper<Model>(services);

/** A compact, comparable view of a diagnostic: `code@line:col-line:col` with 1-based lines. */
export interface Finding {
    readonly code: string;
    readonly severity: number;
    readonly at: string;
    readonly message: string;
}

export async function check(text: string): Promise<Finding[]> {
    const result = await validate(text);
    return result.diagnostics.map(toFinding);
}

export function toFinding(d: Diagnostic): Finding {
    const { start, end } = d.range;
    return {
        code: String(d.code),
        severity: d.severity ?? 0,
        at: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}

/** The codes of the findings, for "which rules fired" assertions. */
export async function codes(text: string): Promise<string[]> {
    return (await check(text)).map((f) => f.code);
}

/** An agent with all ten v0.5 factors and all seven layers, into which a test splices members. */
export function model(members: string, header = 'aivss 0.8'): string {
    return `${header}
agent A "Agent" {
    factors {
        autonomy_of_action 0.5 goal_driven_planning 0 self_modification 0 dynamic_tool_use 0 persistent_memory 0
        contextual_awareness 0 dynamic_identity 0 multi_agent_interactions 0 non_determinism 0 opacity_and_reflexivity 0
    }
    cvss 5.0
${members}
    layer L1 { "m" } layer L2 { "d" } layer L3 { "f" } layer L4 { "i" } layer L5 { "o" } layer L6 { "s" } layer L7 { "e" }
}
`;
}
