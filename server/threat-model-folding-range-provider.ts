import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { FoldingRangeAcceptor } from 'langium/lsp';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

/**
 * Langium folds every node spanning three lines or more (agents, factor blocks, layers,
 * multi-line threats) and block comments. Threat models also carry paragraphs of `//`
 * comments (the seed card explains its missing CVSS in four of them), which Langium does not
 * fold; a run of two or more whole-line `//` comments folds as one comment region here.
 */
export class ThreatModelFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        const root = node.$cstNode;
        if (!root) {
            return;
        }
        let previousEnd = -1;
        let run: { start: number; end: number } | undefined;
        const flush = (): void => {
            if (run && run.end > run.start) {
                acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
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
