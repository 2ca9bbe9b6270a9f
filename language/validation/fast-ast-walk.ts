import type { AstNode } from 'langium';

/**
 * Pushes the children of `node` onto `stack` so that popping yields them in the order of
 * Langium's `streamContents` (property order, then array order). Together with a pop loop this
 * walks the AST in the pre-order of `streamAst`, without its per-node stream objects, which
 * cost microseconds per node on models of thousands of nodes.
 */
export function pushChildrenReversed(node: AstNode, stack: AstNode[]): void {
    const start = stack.length;
    const record = node as unknown as Record<string, unknown>;
    for (const key of Object.keys(record)) {
        if (key.charCodeAt(0) === 36 /* '$' */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) stack.push(item);
            }
        } else if (isNode(value)) {
            stack.push(value);
        }
    }
    // Reverse what was pushed, so the first child is popped first.
    for (let i = start, j = stack.length - 1; i < j; i++, j--) {
        const swap = stack[i]!;
        stack[i] = stack[j]!;
        stack[j] = swap;
    }
}

/** Langium's `isAstNode`: an object with a string `$type`. */
function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
