import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { isLeafCstNode } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { rangeOf } from './code-action-support.js';
import { INDENT_UNIT, indentAt, indentLines, insertAtEnd, memberIndent } from './member-insertion.js';

/**
 * Moving members from one block into another (a threat to its catalog layer, a repeated layer
 * into the first one). The moved text is taken verbatim from the source, comments included,
 * and unindented so that the insertion helpers can indent it for its new place.
 */

/** The container's own `{` and `}` tokens (a nested block's are inside its child nodes). */
function bracesOf(container: AstNode): { open: CstNode; close: CstNode } | undefined {
    const cst = container.$cstNode;
    if (!cst || !('content' in cst)) return undefined;
    const braces = (cst as { content: CstNode[] }).content.filter((child) => isLeafCstNode(child) && (child.text === '{' || child.text === '}'));
    const open = braces[0];
    const close = braces[braces.length - 1];
    return open && close && open !== close ? { open, close } : undefined;
}

/** Removes the indentation `indent` from the start of every line of `text` that has it. */
function unindent(text: string, indent: string): string {
    return text
        .split(/\r?\n/)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
}

/** The text of `node`, its continuation lines relative to the line it starts on. */
export function memberText(document: LangiumDocument, node: AstNode): string | undefined {
    const cst = node.$cstNode;
    return cst ? unindent(cst.text, indentAt(document, cst.offset)) : undefined;
}

/**
 * What lies inside `container`'s braces, unindented: every line between the `{` line and the
 * `}` line when each brace ends or starts its own line (comments between members come along);
 * otherwise the text between the braces, trimmed. Linear in the body: a one-line layer of
 * 30 000 threats is copied once, not member by member (each would rescan its long line).
 */
export function innerText(document: LangiumDocument, container: AstNode, members: readonly AstNode[]): string | undefined {
    const body = bracesOf(container);
    if (!body) return undefined;
    const { open, close } = body;
    const text = document.textDocument.getText();
    const firstLineEnd = text.indexOf('\n', open.end);
    const lastLineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    const ownLines = firstLineEnd >= 0 && firstLineEnd < lastLineStart
        && /^[ \t]*(\/\/.*)?\r?$/.test(text.slice(open.end, firstLineEnd)) && text.slice(lastLineStart, close.offset).trim() === '';
    const inner = ownLines ? text.slice(firstLineEnd + 1, lastLineStart).replace(/\r?\n$/, '') : text.slice(open.end, close.offset).trim();
    return ownLines || inner.includes('\n') ? unindent(inner, memberIndent(document, container, members)) : inner;
}

/**
 * Adds `member` as the last member of `container`. A body written on one line
 * (`layer L1 { "m" }`) is opened onto lines, its content first; a container written without a
 * body (`layer L2`) gets one. Either of those is indented one level below the container.
 */
export function appendMember(document: LangiumDocument, container: AstNode, members: readonly AstNode[], member: string): TextEdit | undefined {
    const cst = container.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const outer = indentAt(document, cst.offset);
    const closing = `${eol}${outer}`;
    const body = bracesOf(container);
    if (!body) return { range: rangeOf(document, cst.end, cst.end), newText: ` {${eol}${indentLines(member, `${outer}${INDENT_UNIT}`, eol)}${closing}}` };
    const inside = text.slice(body.open.end, body.close.offset);
    if (inside.includes('\n')) return insertAtEnd(document, container, member, memberIndent(document, container, members));
    const content = [inside.trim(), member].filter((part) => part.length > 0).join('\n');
    return { range: rangeOf(document, body.open.end, body.close.offset), newText: `${eol}${indentLines(content, `${outer}${INDENT_UNIT}`, eol)}${closing}` };
}
