/**
 * Memoises a pure function of a text whose results are immutable. Bounded (oldest out first) so
 * that a long editing session, or a hostile workspace, cannot grow it without limit.
 */
export function boundedMemo<T>(limit: number, compute: (text: string) => T): (text: string) => T {
    const memo = new Map<string, T>();
    return (text) => {
        const hit = memo.get(text);
        // `has` only for a result that is itself undefined, so a hit costs one lookup.
        if (hit !== undefined || memo.has(text)) return hit as T;
        const result = compute(text);
        if (memo.size >= limit) memo.delete(memo.keys().next().value!);
        memo.set(text, result);
        return result;
    };
}
