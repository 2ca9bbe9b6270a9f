import type { LangiumDocument, ReferenceDescription } from 'langium';
import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import type { Model } from '../generated/ast.js';
import { forEachReference } from './model-references.js';

/**
 * The reference index of a document (find references, rename), built from the nodes that can
 * hold a reference only, like the linker; Langium's default streams every AST node.
 */
export class ThreatModelReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        for (const agent of (document.parseResult.value as Model).agents) {
            await interruptAndCheck(cancelToken);
            forEachReference(agent, (info) => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
