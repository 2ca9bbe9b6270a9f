import type { LangiumDocument } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import type { Model } from '../generated/ast.js';
import { forEachReference } from './model-references.js';

/**
 * Links only the nodes that can hold a reference (see `forEachReference`), with a cancellation
 * check per agent; Langium's default streams every AST node. With Langium's profiler active
 * the default runs, so its per-node timings stay available.
 */
export class ThreatModelLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        for (const agent of (document.parseResult.value as Model).agents) {
            await interruptAndCheck(cancelToken);
            forEachReference(agent, (info) => this.doLink(info, document));
        }
    }
}
