/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), for
 * "did you mean" suggestions: a swapped pair of letters ("Modle") is one typo, not two.
 */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    // Three rolling rows suffice: the transposition step looks two rows back.
    let before = new Array<number>(cols).fill(0);
    let previous = Array.from({ length: cols }, (_, j) => j);
    let current = new Array<number>(cols).fill(0);
    for (let i = 1; i < rows; i++) {
        current[0] = i;
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, before[j - 2]! + 1);
            }
            current[j] = value;
        }
        [before, previous, current] = [previous, current, before];
    }
    return previous[cols - 1]!;
}

/** How many typos a name of this length may carry and still be suggested. */
export function typoBudget(length: number): number {
    if (length < 5) {
        return 0;
    }
    if (length <= 8) {
        return 1;
    }
    return length <= 15 ? 2 : 3;
}
