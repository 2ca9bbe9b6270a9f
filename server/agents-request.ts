/**
 * Serves `threatModel/agents` and sends `threatModel/agentsChanged` after validation builds
 * (debounced), so the "Agents by AIVSS" view re-asks only when scores may have moved.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ModelScorer } from '../language/scoring/model-scorer.js';
import type { AgentsResult } from './agents-protocol.js';
import { AGENTS_CHANGED_NOTIFICATION, AGENTS_REQUEST } from './agents-protocol.js';
import { Debouncer } from './code-lens/debouncer.js';
import { listWorkspaceAgents } from './workspace-agents.js';

/** The view is not typed into: a calmer pace than the lenses is fine. */
export const AGENTS_CHANGED_DELAY_MS = 300;

export class WorkspaceAgentsHandler {
    protected readonly shared: LangiumSharedServices;
    protected readonly scorer: ModelScorer;

    constructor(services: { shared: LangiumSharedServices; scoring: { ModelScorer: ModelScorer } }) {
        this.shared = services.shared;
        this.scorer = services.scoring.ModelScorer;
        const connection = services.shared.lsp.Connection;
        if (!connection) return;
        connection.onRequest(AGENTS_REQUEST, () => this.agents());
        const debouncer = new Debouncer(AGENTS_CHANGED_DELAY_MS, () => {
            connection.sendNotification(AGENTS_CHANGED_NOTIFICATION).catch((error: unknown) => {
                console.error(`${AGENTS_CHANGED_NOTIFICATION} failed:`, error);
            });
        });
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => debouncer.trigger());
    }

    /** All agents once the workspace is loaded, read between builds so scores are consistent. */
    async agents(): Promise<AgentsResult> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        return workspace.WorkspaceLock.read(() => ({ agents: listWorkspaceAgents(workspace.LangiumDocuments, this.scorer) }));
    }
}
