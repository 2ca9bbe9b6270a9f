import type { DefaultSharedCoreModuleContext, LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices } from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule } from './generated/module.js';
import { ThreatModelScopeComputation } from './references/threat-model-scope-computation.js';
import { ThreatModelScopeProvider } from './references/threat-model-scope-provider.js';

/** Services this language adds to Langium's core services. */
export type ThreatModelAddedServices = Record<never, never>;

/** The core services of the `.tm` language: what the CLI loads, and what the server extends. */
export type ThreatModelServices = LangiumCoreServices & ThreatModelAddedServices;

/** Our implementations of core services; the server adds its LSP module on top. */
export const ThreatModelModule: Module<ThreatModelServices, PartialLangiumCoreServices & ThreatModelAddedServices> = {
    references: {
        ScopeComputation: (services) => new ThreatModelScopeComputation(services),
        ScopeProvider: (services) => new ThreatModelScopeProvider(services)
    }
};

/** Creates the shared and the language services for headless use (CLI, tests). */
export function createThreatModelServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    ThreatModel: ThreatModelServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), ThreatModelGeneratedSharedModule);
    const ThreatModel = inject(createDefaultCoreModule({ shared }), ThreatModelGeneratedModule, ThreatModelModule);
    shared.ServiceRegistry.register(ThreatModel);
    return { shared, ThreatModel };
}
