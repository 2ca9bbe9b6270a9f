import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, Cancellation, CstUtils, interruptAndCheck } from 'langium';
import type { FoldingRangeAcceptor } from 'langium/lsp';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

/** Leaves visited between cancellation checks: a check costs a clock read. */
const LEAVES_PER_CHECK = 512;

/**
 * Langium folds every node spanning three lines or more (agents, factor blocks, layers,
 * multi-line threats) and block comments. Threat models also carry paragraphs of `//`
 * comments (the seed card explains its missing CVSS in four of them), which Langium does not
 * fold; a run of two or more whole-line `//` comments folds as one comment region here.
 *
 * Langium's provider walks the whole tree in one synchronous go; this one walks it in steps
 * (per top-level statement, per few hundred tokens) with `interruptAndCheck`, so a cancelled
 * request on a large file stops with `OperationCancelled` (→ RequestCancelled) instead of
 * holding the server.
 */
export class ThreatModelFoldingRangeProvider extends DefaultFoldingRangeProvider {
    override async getFoldingRanges(
        document: LangiumDocument,
        _params?: FoldingRangeParams,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<FoldingRange[]> {
        const foldings: FoldingRange[] = [];
        const acceptor: FoldingRangeAcceptor = (range) => foldings.push(range);
        const root = document.parseResult?.value;
        if (!root) return foldings;
        // Langium's order: every node below the root in pre-order, then the comments.
        for (const statement of AstUtils.streamContents(root)) {
            await interruptAndCheck(cancelToken);
            this.collectObjectFolding(document, statement, acceptor);
            for (const node of AstUtils.streamAllContents(statement)) this.collectObjectFolding(document, node, acceptor);
        }
        await this.collectComments(document, root, acceptor, cancelToken);
        return foldings;
    }

    /** Block comments (as Langium folds them) and runs of whole-line `//` comments, in one pass. */
    protected async collectComments(document: LangiumDocument, root: AstNode, acceptor: FoldingRangeAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const cst = root.$cstNode;
        if (!cst) return;
        let previousEnd = -1;
        let run: { start: number; end: number } | undefined;
        const flush = (): void => {
            if (run && run.end > run.start) {
                acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            }
            run = undefined;
        };
        let visited = 0;
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (++visited % LEAVES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            if (this.commentNames.includes(leaf.tokenType.name)) {
                const range = this.toFoldingRange(document, leaf, FoldingRangeKind.Comment);
                if (range) acceptor(range);
            }
            const { start, end } = leaf.range;
            const wholeLine = start.line > previousEnd;
            previousEnd = end.line;
            if (leaf.hidden && leaf.tokenType.name === 'SL_COMMENT' && wholeLine) {
                if (run && start.line === run.end + 1) {
                    run.end = start.line;
                } else {
                    flush();
                    run = { start: start.line, end: start.line };
                }
            } else {
                flush();
            }
        }
        flush();
    }
}
