/**
 * The "Agents by AIVSS" view's protocol: a request for every agent of the workspace with its
 * headline, and a notification after builds telling the client to ask again. Dependency-free:
 * the client imports these declarations too.
 */

export const AGENTS_REQUEST = 'threatModel/agents';

/** Sent (debounced, no parameters) after validation builds: agent scores may have changed. */
export const AGENTS_CHANGED_NOTIFICATION = 'threatModel/agentsChanged';

export interface AgentsParams {
    /** Reserved: today every agent of the workspace is listed. */
    readonly uri?: string;
}

export interface WorkspaceAgent {
    /** The `.tm` document that declares the agent. */
    readonly uri: string;
    readonly name: string;
    readonly title?: string;
    /** `7.8`; absent when no score of the agent is complete. */
    readonly score?: string;
    /** The headline in tenths (78), for sorting; absent when incomplete. */
    readonly score10?: number;
    readonly severity?: string;
    /** `7.8 High`, or `incomplete — add cvss`. */
    readonly description: string;
    /** Where the headline comes from: a threat's name or `own cvss`. */
    readonly headlineFrom?: string;
    /** Why the score is incomplete; empty when it is complete. */
    readonly blockers: readonly string[];
    /** `1.3`; absent when a factor value is invalid. */
    readonly factorSum?: string;
    /** `7/7 layers (6 uncertain)`. */
    readonly coverage: string;
    /** The agent's name in the document (0-based LSP range). */
    readonly range: {
        readonly start: { readonly line: number; readonly character: number };
        readonly end: { readonly line: number; readonly character: number };
    };
}

export interface AgentsResult {
    /** Worst headline first, incomplete agents last; ties keep file and declaration order. */
    readonly agents: readonly WorkspaceAgent[];
}
