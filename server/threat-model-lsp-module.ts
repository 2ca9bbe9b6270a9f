import type { Module } from 'langium';
import { inject } from 'langium';
import type {
    DefaultSharedModuleContext,
    LangiumServices,
    LangiumSharedServices,
    PartialLangiumServices,
    PartialLangiumSharedServices
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule } from '../language/generated/module.js';
import type { ThreatModelAddedServices } from '../language/threat-model-module.js';
import {
    initializeThreatModelServices,
    ThreatModelModule,
    ThreatModelSharedModule
} from '../language/threat-model-module.js';
import { WorkspaceAgentsHandler } from './agents-request.js';
import { BreakdownRequestHandler } from './breakdown-request.js';
import { ThreatModelCodeActionProvider } from './code-actions/threat-model-code-action-provider.js';
import { CodeLensRefresher } from './code-lens/code-lens-refresher.js';
import { CodeLensResolver } from './code-lens/code-lens-resolver.js';
import { CodeLensSetting } from './code-lens/code-lens-setting.js';
import { ThreatModelCodeLensProvider } from './code-lens/threat-model-code-lens-provider.js';
import { createLazyCompletionParser } from './completion/lazy-completion-parser.js';
import { ThreatModelCompletionProvider } from './completion/threat-model-completion-provider.js';
import { AtmConfigWatcher } from './config/atm-config-watcher.js';
import { ThreatModelHoverProvider } from './hover/threat-model-hover-provider.js';
import { ReportRequestHandler } from './report/report-requests.js';
import { ThreatModelConfigurationProvider } from './threat-model-configuration-provider.js';
import { ThreatModelDocumentSymbolProvider } from './threat-model-document-symbol-provider.js';
import { ThreatModelFoldingRangeProvider } from './threat-model-folding-range-provider.js';
import { ThreatModelFormatter } from './threat-model-formatter.js';
import { ThreatModelLanguageServer } from './threat-model-language-server.js';
import { ThreatModelNodeKindProvider } from './threat-model-node-kind-provider.js';
import { ThreatModelSemanticTokenProvider } from './threat-model-semantic-token-provider.js';
import { ThreatModelWorkspaceManager } from './threat-model-workspace-manager.js';

/**
 * Services the server adds on top of the core ones. LSP features plug into Langium's `lsp`
 * slots; a feature that needs a helper service of its own declares it here and binds it in the
 * module below. Services that only listen (to the connection, to builds) are still bound:
 * Langium builds every service before `initialize` completes, which is when they subscribe.
 */
export type ThreatModelLspAddedServices = {
    /** The live AIVSS views: lens setting, refresh and resolve, breakdown and agents requests, atm.config.json. */
    scoreViews: {
        CodeLensSetting: CodeLensSetting;
        CodeLensRefresher: CodeLensRefresher;
        CodeLensResolver: CodeLensResolver;
        BreakdownRequests: BreakdownRequestHandler;
        WorkspaceAgents: WorkspaceAgentsHandler;
        AtmConfigWatcher: AtmConfigWatcher;
    };
    /** Card import, report export and the report preview's HTML (custom requests). */
    reports: {
        ReportRequests: ReportRequestHandler;
    };
};

/** The language services of the server: Langium's core + LSP services, plus ours. */
export type ThreatModelLspServices = LangiumServices & ThreatModelAddedServices & ThreatModelLspAddedServices;

/**
 * The one place where LSP feature providers are bound. To add a feature, write the provider in
 * its own file under server/ and add one line to the `lsp` group, e.g.
 * `HoverProvider: (services) => new ThreatModelHoverProvider(services)`,
 * `CodeLensProvider`, `CompletionProvider`, `CodeActionProvider`. Langium advertises a
 * capability exactly when its slot is bound.
 */
export const ThreatModelLspModule: Module<ThreatModelLspServices, PartialLangiumServices & ThreatModelLspAddedServices> = {
    lsp: {
        DocumentSymbolProvider: (services) => new ThreatModelDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new ThreatModelFoldingRangeProvider(services),
        Formatter: () => new ThreatModelFormatter(),
        SemanticTokenProvider: (services) => new ThreatModelSemanticTokenProvider(services),
        HoverProvider: (services) => new ThreatModelHoverProvider(services),
        CodeLensProvider: (services) => new ThreatModelCodeLensProvider(services),
        CompletionProvider: (services) => new ThreatModelCompletionProvider(services),
        CodeActionProvider: () => new ThreatModelCodeActionProvider()
    },
    parser: {
        // Built on the first completion, not during `initialize` (the provider reads it then).
        CompletionParser: (services) => createLazyCompletionParser(services)
    },
    scoreViews: {
        CodeLensSetting: (services) => new CodeLensSetting(services),
        CodeLensRefresher: (services) => new CodeLensRefresher(services),
        CodeLensResolver: (services) => new CodeLensResolver(services),
        BreakdownRequests: (services) => new BreakdownRequestHandler(services),
        WorkspaceAgents: (services) => new WorkspaceAgentsHandler(services),
        AtmConfigWatcher: (services) => new AtmConfigWatcher(services)
    },
    reports: {
        ReportRequests: (services) => new ReportRequestHandler(services)
    }
};

/**
 * Shared (language-independent) LSP services we override: symbol and completion kinds, and a
 * configuration provider that survives clients without dynamic registration.
 */
export const ThreatModelLspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new ThreatModelNodeKindProvider(),
        // Advertises `codeLens/resolve` (the lenses are listed without commands).
        LanguageServer: (shared) => new ThreatModelLanguageServer(shared)
    },
    workspace: {
        ConfigurationProvider: (shared) => new ThreatModelConfigurationProvider(shared),
        // One unreadable or huge file must not stop the workspace from loading.
        WorkspaceManager: (shared) => new ThreatModelWorkspaceManager(shared)
    }
};

/**
 * Creates the services of the language server: the same core module the CLI loads
 * (`ThreatModelModule`), with Langium's LSP module and ours on top. Without a connection (tests,
 * `atm fmt`) the services work headless.
 */
export function createThreatModelLspServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    ThreatModel: ThreatModelLspServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        ThreatModelGeneratedSharedModule,
        ThreatModelSharedModule,
        ThreatModelLspSharedModule
    );
    const ThreatModel = inject(
        createDefaultModule({ shared }),
        ThreatModelGeneratedModule,
        ThreatModelModule,
        ThreatModelLspModule
    );
    // The core's registrations (service registry, validation checks), shared with the CLI.
    initializeThreatModelServices(ThreatModel);
    if (!context.connection) {
        // No client will answer `workspace/configuration`; without this a provider that reads a
        // setting would wait forever.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, ThreatModel };
}

