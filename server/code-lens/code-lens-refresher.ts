/**
 * Asks the client to re-request code lenses after each validation build and after the lens
 * setting changes, when the client supports `workspace/codeLens/refresh`. Lens totals then
 * follow edits, `atm.config.json` changes and setting changes without waiting for the
 * client's own refresh heuristics.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import type { CodeLensSetting } from './code-lens-setting.js';
import { Debouncer } from './debouncer.js';

/** Long enough to fold a typing burst's builds together, short enough to feel live. */
export const CODE_LENS_REFRESH_DELAY_MS = 150;

export class CodeLensRefresher {
    protected supported = false;

    constructor(services: { shared: LangiumSharedServices; scoreViews: { CodeLensSetting: CodeLensSetting } }) {
        const shared = services.shared;
        const connection = shared.lsp.Connection;
        if (!connection) return;
        const debouncer = new Debouncer(CODE_LENS_REFRESH_DELAY_MS, () => {
            connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
                console.error('workspace/codeLens/refresh failed:', error);
            });
        });
        shared.lsp.LanguageServer.onInitialize((params) => {
            this.supported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        const trigger = (): void => {
            if (this.supported) debouncer.trigger();
        };
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, trigger);
        services.scoreViews.CodeLensSetting.onChange(trigger);
    }
}
