/**
 * What the command line leaves out of Langium's build: the workspace index. Exported symbols
 * (agents, threats, controls) serve the editor's workspace symbols, and reference descriptions
 * its find-references and rename; no command reads either. Linking never consults the index
 * (`mitigated_by` resolves through the per-document control scope, and every other reference
 * type has an empty scope, see ThreatModelScopeProvider), so diagnostics, scores and reports
 * are the same without it. Skipping both was ~4 % of `atm check`'s CPU on a 100-file workspace.
 * `test/cli/cli-index-module.test.ts` compares the diagnostics with the full services'.
 */
import type { AstNodeDescription, LangiumDocument, Module, PartialLangiumCoreServices, ReferenceDescription } from 'langium';
import { DefaultReferenceDescriptionProvider } from 'langium';
import { ThreatModelScopeComputation } from '../language/references/threat-model-scope-computation.js';
import type { ThreatModelServices } from '../language/threat-model-module.js';

/** Exports nothing: no command lists a workspace's symbols. */
export class CliScopeComputation extends ThreatModelScopeComputation {
    override async collectExportedSymbols(_document: LangiumDocument): Promise<AstNodeDescription[]> {
        return [];
    }
}

/** Describes no reference: no command finds references or renames. */
export class CliReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(_document: LangiumDocument): Promise<ReferenceDescription[]> {
        return [];
    }
}

export const CliIndexModule: Module<ThreatModelServices, PartialLangiumCoreServices> = {
    references: {
        ScopeComputation: (services) => new CliScopeComputation(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new CliReferenceDescriptionProvider(services)
    }
};
