import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';

/** Everything a fix needs about the diagnostic it answers. */
export interface FixContext {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    /** The diagnostic's `data` payload (always holds `code`). */
    readonly data: Readonly<Record<string, unknown>>;
    /** The AST node that owns the token at the start of the diagnostic's range. */
    readonly node: AstNode | undefined;
}

/** Builds the actions answering one diagnostic; empty when the data or the tree do not allow a fix. */
export type FixProvider = (context: FixContext) => CodeAction[];

export function fixContext(document: LangiumDocument, diagnostic: Diagnostic): FixContext {
    const data = (diagnostic.data ?? {}) as Record<string, unknown>;
    const root = (document.parseResult.value as Model).$cstNode;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
    return { document, diagnostic, data, node: leaf?.astNode };
}

/** A quick fix answering `diagnostic` with `edits` to this document. */
export function quickFix(
    title: string,
    context: Pick<FixContext, 'document' | 'diagnostic'>,
    edits: readonly TextEdit[],
    isPreferred = false
): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        isPreferred: isPreferred || undefined,
        edit: { changes: { [context.document.textDocument.uri]: [...edits] } }
    };
}

/** The string value of a data field, if it is one. */
export function dataString(context: FixContext, key: string): string | undefined {
    const value = context.data[key];
    return typeof value === 'string' ? value : undefined;
}

/** The string values of an array data field. */
export function dataStrings(context: FixContext, key: string): string[] {
    const value = context.data[key];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The CST node of one property of `node` (a name, a key, a label). */
export function propertyNode(node: AstNode, property: string): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property);
}

export function replaceNode(cst: CstNode, newText: string): TextEdit {
    return { range: cst.range, newText };
}

export function rangeOf(document: LangiumDocument, start: number, end: number): Range {
    const text = document.textDocument;
    return { start: text.positionAt(start), end: text.positionAt(end) };
}

/**
 * Removes `node`. When it has its lines to itself (a trailing comment counts as its own), the
 * lines go; otherwise the node goes with the blanks that separate it from what precedes it.
 */
export function deleteNode(document: LangiumDocument, node: AstNode): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const lineEnd = endOfLine(text, cst.end);
    const before = text.slice(lineStart, cst.offset);
    const after = text.slice(cst.end, lineEnd);
    if (before.trim() === '' && /^\s*(\/\/.*)?$/.test(after)) {
        const next = lineEnd < text.length ? text.indexOf('\n', lineEnd) + 1 : text.length;
        return { range: rangeOf(document, lineStart, next), newText: '' };
    }
    const start = cst.offset - (/[ \t]*$/.exec(before)?.[0].length ?? 0);
    return { range: rangeOf(document, start, cst.end), newText: '' };
}

/** The offset of the end of the line holding `offset` (before its `\r\n` or `\n`). */
export function endOfLine(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    return end > offset && text.charAt(end - 1) === '\r' ? end - 1 : end;
}
