import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import type { Model } from '../generated/ast.js';

/**
 * Exports agents, their threats and their controls, so that workspace symbols can list them.
 * Linking never consults these exports: files do not see each other (see the scope provider),
 * and no local symbol table is built because the only reference, `mitigated_by`, is resolved
 * from a per-document control index instead.
 */
export class ThreatModelScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const agent of model.agents) {
            await interruptAndCheck(cancelToken);
            this.addExportedSymbol(agent, exports, document);
            for (const layer of agent.layers) {
                for (const threat of layer.threats) {
                    this.addExportedSymbol(threat, exports, document);
                }
            }
            for (const control of agent.controls) {
                this.addExportedSymbol(control, exports, document);
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
