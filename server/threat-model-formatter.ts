import type { AstNode, CompositeCstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { Cancellation, GrammarAST, isCompositeCstNode, isLeafCstNode, OperationCancelled } from 'langium';
import type { FormattingAction, FormattingContext } from 'langium/lsp';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams,
    TextEdit
} from 'vscode-languageserver';
import type { FactorBlock, FactorEntry } from '../language/generated/ast.js';
import { isFactorEntry, isModel } from '../language/generated/ast.js';

/** A member of a block: on its own line, one level deeper, keeping at most one blank line above. */
const MEMBER_LINE: FormattingAction = {
    options: {},
    moves: [
        { tabs: 1, lines: 1 },
        { tabs: 1, lines: 2 }
    ]
};

/** A top-level statement (header, agent): at column 0, keeping at most one blank line above. */
const TOP_LEVEL_LINE: FormattingAction = {
    options: {},
    moves: [
        { tabs: 0, lines: 1 },
        { tabs: 0, lines: 2 }
    ]
};

/** Blank lines kept in a row, between members and before a comment alike. */
const MAX_BLANK_LINES = 1;

/** Spaces between a factor key and its value beyond the longest key of the block (see example.tm). */
const FACTOR_VALUE_GAP = 2;

/**
 * The canonical layout of `.tm` files, of which shared/design/example.tm is a fixed point:
 * - the tokens of one statement are separated by one space (`mitigated_by A, B`);
 * - a block (`agent`, `factors`, `layer`, `threat`, `control`) puts each member on its own
 *   line, indented by one level, keeping at most one blank line between members; a block with
 *   at most one member that is written on one line stays on one line: `{ catalog M1.2 }`;
 * - factor values line up in a column two spaces after the block's longest key.
 * Comments are never moved to another line: a trailing comment keeps the spacing before it,
 * and a comment on its own line is only re-indented with the code around it. Strings are never
 * touched. Langium applies none of this to a document with syntax errors.
 */
export class ThreatModelFormatter extends AbstractFormatter {
    /*
     * Cancellation: Langium's formatting pass is one synchronous walk, and a `$/cancelRequest`
     * is only read from the pipe between tasks of the event loop, so the token cannot change
     * while the walk runs; a check inside it could never fire. What can be cancelled is a
     * request that waited (for the document to be parsed, behind a build): it is checked once,
     * before the walk, and answered RequestCancelled rather than with edits for old text.
     */
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams, cancelToken?: Cancellation.CancellationToken): MaybePromise<TextEdit[]> {
        throwIfCancelled(cancelToken);
        return super.formatDocument(document, params);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams, cancelToken?: Cancellation.CancellationToken): MaybePromise<TextEdit[]> {
        throwIfCancelled(cancelToken);
        return super.formatDocumentRange(document, params);
    }

    override formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams, cancelToken?: Cancellation.CancellationToken): MaybePromise<TextEdit[]> {
        throwIfCancelled(cancelToken);
        return super.formatDocumentOnType(document, params);
    }

    protected override format(node: AstNode): void {
        const cst = node.$cstNode;
        if (!cst || !isCompositeCstNode(cst)) {
            return;
        }
        if (isModel(node)) {
            this.formatTopLevel(cst);
            return;
        }
        this.spaceTokens(cst);
        this.formatBlock(cst);
        if (isFactorEntry(node)) {
            this.alignFactorValue(node);
        }
    }

    /** Statements start at column 0, each on its own line; what precedes the first is left alone. */
    protected formatTopLevel(cst: CompositeCstNode): void {
        const statements = cst.content.filter((child) => !child.hidden);
        const formatter = this.getNodeFormatter(cst.astNode);
        formatter.cst(statements.slice(0, 1)).prepend(Formatting.noIndent());
        formatter.cst(statements.slice(1)).prepend(TOP_LEVEL_LINE);
    }

    /** One space before every token of a statement but its first; commas hug the item before. */
    protected spaceTokens(cst: CompositeCstNode): void {
        const formatter = this.getNodeFormatter(cst.astNode);
        const tokens = cst.content.filter((child) => !child.hidden).slice(1);
        formatter.cst(tokens.filter((token) => !isKeyword(token, ','))).prepend(Formatting.oneSpace());
        formatter.cst(tokens.filter((token) => isKeyword(token, ','))).prepend(Formatting.noSpace());
    }

    /** Registered after `spaceTokens`, so its layout of the braces and members wins. */
    protected formatBlock(cst: CompositeCstNode): void {
        const open = cst.content.findIndex((child) => isKeyword(child, '{'));
        const close = lastIndexWhere(cst.content, (child) => isKeyword(child, '}'));
        if (open < 0 || close < open) {
            return;
        }
        const formatter = this.getNodeFormatter(cst.astNode);
        const interior = cst.content.slice(open + 1, close);
        const members = interior.filter((child) => !child.hidden);
        const closing = formatter.cst([cst.content[close]!]);
        if (staysOnOneLine(cst)) {
            formatter.cst(interior).prepend(Formatting.oneSpace());
            closing.prepend(members.length === 0 ? Formatting.noSpace() : Formatting.oneSpace());
        } else {
            formatter.cst(interior).prepend(MEMBER_LINE);
            closing.prepend(Formatting.newLine());
        }
    }

    /**
     * Langium re-indents a comment that starts its line but leaves the lines above it alone;
     * collapse a run of blank lines there as between members, so the rule has no exception.
     */
    protected override createHiddenTextEdits(
        previous: CstNode | undefined,
        hidden: CstNode,
        formatting: FormattingAction | undefined,
        context: FormattingContext
    ): TextEdit[] {
        const edits = super.createHiddenTextEdits(previous, hidden, formatting, context);
        const start = hidden.range.start;
        if (!previous || start.line - previous.range.end.line - 1 <= MAX_BLANK_LINES) {
            return edits;
        }
        const collapse: TextEdit = {
            range: { start: previous.range.end, end: { line: start.line, character: 0 } },
            newText: '\n'.repeat(MAX_BLANK_LINES + 1)
        };
        return [collapse, ...edits];
    }

    /**
     * The value column of each factors block, computed once per block: per entry it made
     * formatting quadratic in the block's size (and `Math.max(...keys)` overflows the stack
     * beyond ~120 000 entries).
     */
    protected readonly factorWidths = new WeakMap<FactorBlock, number>();

    protected alignFactorValue(entry: FactorEntry): void {
        const block = entry.$container;
        let width = this.factorWidths.get(block);
        if (width === undefined) {
            width = block.entries.reduce((longest, sibling) => Math.max(longest, sibling.key?.length ?? 0), 0) + FACTOR_VALUE_GAP;
            this.factorWidths.set(block, width);
        }
        const gap = width - (entry.key?.length ?? 0);
        this.getNodeFormatter(entry).property('value').prepend(Formatting.spaces(gap));
    }
}

function throwIfCancelled(cancelToken: Cancellation.CancellationToken | undefined): void {
    // Langium's request handler answers OperationCancelled with a RequestCancelled error.
    if (cancelToken?.isCancellationRequested) throw OperationCancelled;
}

function isKeyword(node: CstNode, keyword: string): boolean {
    return isLeafCstNode(node) && GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === keyword;
}

function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
    for (let index = items.length - 1; index >= 0; index--) {
        if (predicate(items[index]!)) {
            return index;
        }
    }
    return -1;
}

/**
 * A block written on one line with at most one member stays on one line, unless that member
 * holds a block that will not: `{ threat T { exploit attacked mitigation none } }` opens up as a
 * whole, or the next pass would open the outer block (formatting must be idempotent). A node
 * without braces is not a block and never forces a line break.
 */
function staysOnOneLine(cst: CompositeCstNode): boolean {
    const open = cst.content.findIndex((child) => isKeyword(child, '{'));
    const close = lastIndexWhere(cst.content, (child) => isKeyword(child, '}'));
    if (open < 0 || close < open) {
        return true;
    }
    const members = cst.content.slice(open + 1, close).filter((child) => !child.hidden);
    return (
        members.length <= 1 &&
        isOnOneLine(cst.content[open]!, cst.content[close]!) &&
        members.every((member) => !isCompositeCstNode(member) || staysOnOneLine(member))
    );
}

function isOnOneLine(first: CstNode, last: CstNode): boolean {
    return first.range.start.line === last.range.end.line;
}
