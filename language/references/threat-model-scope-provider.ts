import type { AstNodeDescription, LangiumDocument, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope } from 'langium';
import type { Model } from '../generated/ast.js';
import { Control } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';

/**
 * `mitigated_by` references resolve to the controls of the same file, and only those
 * (files do not see each other). The scope is one hash map per document version, so linking
 * costs O(1) per reference instead of the default linear scan of the container's symbols.
 */
export class ThreatModelScopeProvider extends DefaultScopeProvider {
    protected readonly controlScopes: DocumentCache<string, Scope>;

    constructor(services: ThreatModelServices) {
        super(services);
        this.controlScopes = new DocumentCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        if (this.reflection.getReferenceType(context) !== Control.$type) {
            return EMPTY_SCOPE;
        }
        const document = AstUtils.getDocument(context.container);
        return this.controlScopes.get(document.uri, Control.$type, () => this.createControlScope(document));
    }

    protected createControlScope(document: LangiumDocument): Scope {
        const model = document.parseResult.value as Model;
        // First declaration wins: a duplicate is a `duplicate-name` error, and the first one is
        // the declaration a reader expects the reference to mean.
        const byName = new Map<string, AstNodeDescription>();
        for (const agent of model.agents) {
            for (const control of agent.controls) {
                if (control.name && !byName.has(control.name)) {
                    byName.set(control.name, this.descriptions.createDescription(control, control.name, document));
                }
            }
        }
        return new MapScope(byName.values());
    }
}
