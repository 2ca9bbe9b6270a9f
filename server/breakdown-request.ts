/**
 * Answers `threatModel/breakdown` once the document is linked. Registered on the connection
 * when the services are built (Langium builds every service before `initialize` completes).
 */
import type { LangiumDocuments } from 'langium';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ModelScorer } from '../language/scoring/model-scorer.js';
import { breakdownPage } from './breakdown-page.js';
import type { BreakdownParams, BreakdownResult } from './breakdown-protocol.js';
import { BREAKDOWN_REQUEST } from './breakdown-protocol.js';

export class BreakdownRequestHandler {
    protected readonly documents: LangiumDocuments;
    protected readonly scorer: ModelScorer;
    protected readonly shared: LangiumSharedServices;

    constructor(services: { shared: LangiumSharedServices; scoring: { ModelScorer: ModelScorer } }) {
        this.shared = services.shared;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.scorer = services.scoring.ModelScorer;
        services.shared.lsp.Connection?.onRequest(BREAKDOWN_REQUEST, (params: BreakdownParams) => this.breakdown(params));
    }

    /** The breakdown, or null when the document, agent or threat does not exist. */
    async breakdown(params: BreakdownParams): Promise<BreakdownResult | null> {
        const uri = URI.parse(params.uri);
        await this.shared.workspace.WorkspaceManager.ready;
        if (!this.documents.hasDocument(uri)) return null;
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri);
        const document = this.documents.getDocument(uri);
        return (document && breakdownPage(this.scorer, document, params)) ?? null;
    }
}
