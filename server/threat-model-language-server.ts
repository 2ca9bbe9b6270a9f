import { eagerLoad } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializedParams, InitializeParams, InitializeResult } from 'vscode-languageserver';

/**
 * Langium's language server, with two changes:
 * - it advertises `codeLens/resolve`: Langium always says `resolveProvider: false`, but our
 *   lenses are listed without commands and resolved on demand
 *   (`server/code-lens/code-lens-resolver.ts`), which is what keeps a lens request small;
 * - the document parser is built once the `initialize` result is sent (on `initialized`, before
 *   any document arrives) instead of before it: building it is a fifth of a server start, and
 *   nothing listens to `onInitialize` from the parser services.
 */
export class ThreatModelLanguageServer extends DefaultLanguageServer {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    protected override eagerLoadServices(): void {
        eagerLoad(this.services);
        for (const language of this.services.ServiceRegistry.all) {
            for (const [group, services] of Object.entries(language)) {
                // `parser.AsyncParser` would build the parser too; the rest of the group (lexer,
                // completion parser) the completion provider builds anyway.
                if (group !== 'parser') eagerLoad(services);
            }
        }
    }

    override initialized(params: InitializedParams): void {
        super.initialized(params);
        for (const language of this.services.ServiceRegistry.all) eagerLoad(language.parser);
    }

    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.codeLensProvider) result.capabilities.codeLensProvider = { resolveProvider: true };
        return result;
    }
}
