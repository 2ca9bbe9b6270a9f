import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * The range of characters `offset … offset + length` inside a string property's literal
 * (offsets relative to the unquoted text), so a diagnostic can point at one CVSS metric
 * instead of the whole vector. Assumes no escapes before the offset, which holds for the
 * vectors and names this is used on; anything else falls back to the whole literal.
 */
export function rangeInsideString(node: AstNode, property: string, offset: number, length: number): Range | undefined {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    if (!cst) return undefined;
    if (cst.text.slice(0, offset + 1).includes('\\')) return cst.range;
    const document = AstUtils.getDocument(node).textDocument;
    const start = cst.offset + 1 + offset;
    return { start: document.positionAt(start), end: document.positionAt(start + Math.max(length, 1)) };
}
