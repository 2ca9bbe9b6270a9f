import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { isLeafCstNode } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { Agent } from '../../language/generated/ast.js';
import { endOfLine, rangeOf } from './code-action-support.js';

/**
 * Inserting new members into a block so that the result is already formatted: each member on
 * its own line at the block's member indentation, nested lines four spaces deeper (the
 * formatter's layout, shared/design/example.tm). Member text is given unindented, with `\n`
 * between its lines; comments stay with the code they sit on.
 */
export const INDENT_UNIT = '    ';

/** Prefixes every non-empty line of `text` with `indent`. */
export function indentLines(text: string, indent: string, newline = '\n'): string {
    return text
        .split('\n')
        .map((line) => (line.length > 0 ? `${indent}${line}` : line))
        .join(newline);
}

/** The leading whitespace of the line holding `offset`. */
export function indentAt(document: LangiumDocument, offset: number): string {
    const text = document.textDocument.getText();
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * The indentation of `container`'s members: that of the first member that starts its own
 * line, else one level deeper than the container's line.
 */
export function memberIndent(document: LangiumDocument, container: AstNode, members: readonly AstNode[]): string {
    const text = document.textDocument.getText();
    for (const member of members) {
        const offset = member.$cstNode?.offset;
        if (offset === undefined) continue;
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        if (text.slice(lineStart, offset).trim() === '') return text.slice(lineStart, offset);
    }
    return `${indentAt(document, container.$cstNode?.offset ?? 0)}${INDENT_UNIT}`;
}

/** All members of an agent in text order. */
export function agentMembers(agent: Agent): AstNode[] {
    const members: AstNode[] = [
        ...agent.summaries, ...agent.factorBlocks, ...agent.cvss, ...agent.exploits,
        ...agent.mitigations, ...agent.published, ...agent.layers, ...agent.controls
    ];
    return members.sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
}

/** Inserts `member` on new lines right after `node` (after a trailing comment on its line). */
export function insertAfter(document: LangiumDocument, node: AstNode, member: string, indent: string): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const lineEnd = endOfLine(text, cst.end);
    const block = indentLines(member, indent, eol(text));
    if (/^\s*(\/\/.*)?$/.test(text.slice(cst.end, lineEnd))) {
        return { range: rangeOf(document, lineEnd, lineEnd), newText: `${eol(text)}${block}` };
    }
    // Something follows on the same line: it moves to a line of its own below the new member.
    const gapEnd = cst.end + (/^[ \t]*/.exec(text.slice(cst.end))![0].length);
    return { range: rangeOf(document, cst.end, gapEnd), newText: `${eol(text)}${block}${eol(text)}${indent}` };
}

/** Inserts `member` on new lines right before `node` and the comment lines directly above it. */
export function insertBefore(document: LangiumDocument, node: AstNode, member: string, indent: string): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    let lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const block = indentLines(member, indent, eol(text));
    if (text.slice(lineStart, cst.offset).trim() !== '') {
        const gapStart = cst.offset - (/[ \t]*$/.exec(text.slice(lineStart, cst.offset))![0].length);
        return { range: rangeOf(document, gapStart, cst.offset), newText: `${eol(text)}${block}${eol(text)}${indent}` };
    }
    // A comment block right above a member documents that member: keep the two together.
    while (lineStart > 0) {
        const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        if (!/^[ \t]*\/\//.test(text.slice(previousStart, lineStart))) break;
        lineStart = previousStart;
    }
    return { range: rangeOf(document, lineStart, lineStart), newText: `${block}${eol(text)}` };
}

/** Inserts `member` as the last member of `container`, before its closing brace. */
export function insertAtEnd(document: LangiumDocument, container: AstNode, member: string, indent: string): TextEdit | undefined {
    const close = braceOf(container, '}', 'last');
    if (!close) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    const block = indentLines(member, indent, eol(text));
    if (text.slice(lineStart, close.offset).trim() === '') {
        return { range: rangeOf(document, lineStart, lineStart), newText: `${block}${eol(text)}` };
    }
    const gapStart = close.offset - (/[ \t]*$/.exec(text.slice(lineStart, close.offset))![0].length);
    const containerIndent = indentAt(document, container.$cstNode!.offset);
    return { range: rangeOf(document, gapStart, close.offset), newText: `${eol(text)}${block}${eol(text)}${containerIndent}` };
}

/** Inserts `member` as the first member of `container`, after its opening brace. */
export function insertAtStart(document: LangiumDocument, container: AstNode, member: string, indent: string): TextEdit | undefined {
    const open = braceOf(container, '{', 'first');
    if (!open) return undefined;
    const text = document.textDocument.getText();
    const lineEnd = endOfLine(text, open.end);
    const block = indentLines(member, indent, eol(text));
    if (/^\s*(\/\/.*)?$/.test(text.slice(open.end, lineEnd))) {
        return { range: rangeOf(document, lineEnd, lineEnd), newText: `${eol(text)}${block}` };
    }
    const gapEnd = open.end + (/^[ \t]*/.exec(text.slice(open.end))![0].length);
    const closeOnSameLine = text.charAt(gapEnd) === '}';
    const containerIndent = indentAt(document, container.$cstNode!.offset);
    return { range: rangeOf(document, open.end, gapEnd), newText: `${eol(text)}${block}${eol(text)}${closeOnSameLine ? containerIndent : indent}` };
}

/** The container's own `{` (first) or `}` (last) token, not one of a nested block. */
function braceOf(container: AstNode, brace: '{' | '}', which: 'first' | 'last'): CstNode | undefined {
    const cst = container.$cstNode;
    if (!cst || !('content' in cst)) return undefined;
    const children = (cst as { content: CstNode[] }).content.filter((child) => isLeafCstNode(child) && child.text === brace);
    return which === 'first' ? children[0] : children[children.length - 1];
}

/** The file's line ending, so that an edit does not mix `\n` into a CRLF file. */
function eol(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
