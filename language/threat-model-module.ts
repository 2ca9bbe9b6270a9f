import type {
    DefaultSharedCoreModuleContext,
    LangiumCoreServices,
    LangiumSharedCoreServices,
    Module,
    PartialLangiumCoreServices,
    PartialLangiumSharedCoreServices
} from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { AtmConfigProvider } from './config/atm-config-provider.js';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule } from './generated/module.js';
import { createThreatModelParser } from './parser/syntax-error-limit.js';
import { ThreatModelTokenBuilder } from './parser/threat-model-token-builder.js';
import { ThreatModelLinker } from './references/threat-model-linker.js';
import { ThreatModelReferenceDescriptionProvider } from './references/threat-model-reference-descriptions.js';
import { ThreatModelScopeComputation } from './references/threat-model-scope-computation.js';
import { ThreatModelScopeProvider } from './references/threat-model-scope-provider.js';
import { ModelScorer } from './scoring/model-scorer.js';
import { ThreatModelDocumentValidator } from './validation/threat-model-document-validator.js';
import { ThreatModelValidationRegistry } from './validation/threat-model-validation-registry.js';
import { registerValidationChecks } from './validation/threat-model-validator.js';
import { GuardedDocumentFactory } from './workspace/guarded-document-factory.js';
import { SingleLanguageServiceRegistry } from './workspace/single-language-service-registry.js';

/** Services this language adds to Langium's core services. */
export type ThreatModelAddedServices = {
    config: {
        AtmConfig: AtmConfigProvider;
    };
    scoring: {
        ModelScorer: ModelScorer;
    };
};

/** The core services of the `.tm` language: what the CLI loads, and what the server extends. */
export type ThreatModelServices = LangiumCoreServices & ThreatModelAddedServices;

/** Our implementations of core services; the server adds its LSP module on top. */
export const ThreatModelModule: Module<ThreatModelServices, PartialLangiumCoreServices & ThreatModelAddedServices> = {
    config: {
        AtmConfig: () => new AtmConfigProvider()
    },
    scoring: {
        ModelScorer: (services) => new ModelScorer(services)
    },
    parser: {
        // Linear lexing of unclosed strings and comments (hostile or half-written text).
        TokenBuilder: () => new ThreatModelTokenBuilder(),
        // No unbounded error recovery on junk: parsing stops after MAX_PARSER_ERRORS errors.
        LangiumParser: (services) => createThreatModelParser(services)
    },
    references: {
        Linker: (services) => new ThreatModelLinker(services),
        ScopeComputation: (services) => new ThreatModelScopeComputation(services),
        ScopeProvider: (services) => new ThreatModelScopeProvider(services)
    },
    validation: {
        DocumentValidator: (services) => new ThreatModelDocumentValidator(services),
        ValidationRegistry: (services) => new ThreatModelValidationRegistry(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new ThreatModelReferenceDescriptionProvider(services)
    }
};

/**
 * Shared-service overrides: every document belongs to our one language, and the document factory
 * refuses to parse binary or oversized text.
 */
export const ThreatModelSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    ServiceRegistry: (shared) => new SingleLanguageServiceRegistry(shared),
    workspace: {
        LangiumDocumentFactory: (shared) => new GuardedDocumentFactory(shared)
    }
};

/**
 * Registers what every flavour of the language (headless or LSP) needs once its services are
 * built; the server's module calls this too, so the rules are wired in exactly one place.
 */
export function initializeThreatModelServices(services: ThreatModelServices): void {
    services.shared.ServiceRegistry.register(services);
    registerValidationChecks(services);
}

/**
 * Creates the shared and the language services for headless use (CLI, tests); `overrides` lets
 * the CLI leave out what only the editor uses.
 */
export function createThreatModelServices(
    context: DefaultSharedCoreModuleContext,
    overrides: Module<ThreatModelServices, PartialLangiumCoreServices> = {}
): {
    shared: LangiumSharedCoreServices;
    ThreatModel: ThreatModelServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), ThreatModelGeneratedSharedModule, ThreatModelSharedModule);
    const ThreatModel = inject(createDefaultCoreModule({ shared }), ThreatModelGeneratedModule, ThreatModelModule, overrides);
    initializeThreatModelServices(ThreatModel);
    return { shared, ThreatModel };
}
