/**
 * Answers `codeLens/resolve` for the lenses `ThreatModelCodeLensProvider` lists without a
 * command. Langium registers no resolve handler (and advertises `resolveProvider: false`, which
 * `ThreatModelLanguageServer` turns on), so it is wired to the connection here.
 */
import type { LangiumDocuments } from 'langium';
import { DocumentState, isOperationCancelled, URI } from 'langium';
import type { CodeLensProvider, LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { lensData, StaleLensError } from './lens-data.js';
import { ThreatModelCodeLensProvider } from './threat-model-code-lens-provider.js';

export class CodeLensResolver {
    protected readonly shared: LangiumSharedServices;
    protected readonly documents: LangiumDocuments;
    protected readonly provider: CodeLensProvider | undefined;

    constructor(services: { shared: LangiumSharedServices; lsp: { CodeLensProvider?: CodeLensProvider } }) {
        this.shared = services.shared;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.provider = services.lsp.CodeLensProvider;
        services.shared.lsp.Connection?.onCodeLensResolve((lens, token) => this.resolve(lens, token));
    }

    async resolve(lens: CodeLens, token: CancellationToken): Promise<CodeLens> {
        const provider = this.provider;
        if (!(provider instanceof ThreatModelCodeLensProvider) || !lensData(lens.data)) return lens;
        try {
            // A resolve can arrive while the document is being rebuilt: titles read linked
            // `mitigated_by` references, so wait for them as the list request did. (The list
            // was made, so the workspace had loaded: no need to wait for that.)
            const listed = provider.documentOf(lens);
            if (listed === undefined) throw new StaleLensError();
            const uri = URI.parse(listed);
            if (this.documents.hasDocument(uri)) {
                await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri, token);
            }
            return provider.resolveCodeLens(lens);
        } catch (error) {
            if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            throw error;
        }
    }
}
