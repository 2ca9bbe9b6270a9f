import type { CstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { FactorBlock, FactorEntry } from '../../language/generated/ast.js';

/** Spaces between the longest key of a block and the value column (the formatter's rule). */
export const FACTOR_VALUE_GAP = 2;

/** The key and value tokens of an entry, when both were parsed. */
export function entryTokens(entry: FactorEntry): { key: CstNode; value: CstNode } | undefined {
    const key = GrammarUtils.findNodeForProperty(entry.$cstNode, 'key');
    const value = GrammarUtils.findNodeForProperty(entry.$cstNode, 'value');
    return key && value ? { key, value } : undefined;
}

/** The value column of a block whose keys are `keys`: two spaces after the longest. */
export function valueColumn(keys: readonly string[]): number {
    // reduce, not Math.max(...lengths): a block can hold more keys than a spread allows.
    return keys.reduce((longest, key) => Math.max(longest, key.length), 0) + FACTOR_VALUE_GAP;
}

/**
 * True when the block's values line up the way the formatter lines them up. Edits keep an
 * aligned block aligned and leave an unaligned one (a hand-packed one-liner) as loose as it was.
 */
export function isAligned(block: FactorBlock): boolean {
    const column = valueColumn(block.entries.map((entry) => entry.key ?? ''));
    return block.entries.every((entry) => {
        const tokens = entryTokens(entry);
        return !tokens || tokens.value.offset - tokens.key.offset === column;
    });
}

/** The whitespace between `key` and its value in a block with value column `column`. */
export function gapFor(key: string, column: number, aligned: boolean): string {
    return aligned ? ' '.repeat(Math.max(1, column - key.length)) : ' ';
}

/**
 * Edits that rewrite the keys of `block` (`renames`: entry → new key) and, for an aligned block,
 * move every value to the column the final key set needs (`extraKeys` are keys about to be
 * added). Each edit spans one entry's key and the whitespace after it, so it never touches a
 * value or a comment.
 */
export function rekeyEdits(
    block: FactorBlock,
    renames: ReadonlyMap<FactorEntry, string>,
    extraKeys: readonly string[],
    excluded?: FactorEntry
): TextEdit[] {
    const aligned = isAligned(block);
    const entries = block.entries.filter((entry) => entry !== excluded);
    const finalKeys = [...entries.map((entry) => renames.get(entry) ?? entry.key ?? ''), ...extraKeys];
    const column = valueColumn(finalKeys);
    const document = AstUtils.getDocument(block).textDocument;
    const edits: TextEdit[] = [];
    for (const entry of entries) {
        const tokens = entryTokens(entry);
        if (!tokens) continue;
        const key = renames.get(entry) ?? entry.key;
        const gap = aligned ? gapFor(key, column, true) : undefined;
        const oldGap = tokens.value.offset - tokens.key.end;
        if (key === entry.key && (gap === undefined || gap.length === oldGap)) continue;
        const end = gap === undefined ? tokens.key.end : tokens.value.offset;
        edits.push({
            range: { start: tokens.key.range.start, end: document.positionAt(end) },
            newText: gap === undefined ? key : `${key}${gap}`
        });
    }
    return edits;
}
