import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';

/**
 * Langium's language server, advertising `codeLens/resolve`: Langium always says
 * `resolveProvider: false`, but our lenses are listed without commands and resolved on demand
 * (`server/code-lens/code-lens-resolver.ts`), which is what keeps a lens request small.
 */
export class ThreatModelLanguageServer extends DefaultLanguageServer {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.codeLensProvider) result.capabilities.codeLensProvider = { resolveProvider: true };
        return result;
    }
}
