/**
 * CVSS 4.0 base scores by lookup. ae-cvss-calculator needs about half a millisecond per 4.0
 * vector, which made scoring the largest cost of checking a big model; its base score (CVSS-B)
 * depends on the eleven base metrics only, so every one of the 104,976 base vectors was scored
 * once by the library itself (bench/tools/cvss40-base-table.ts) into cvss40-base-scores.ts.
 * A lookup returns exactly what the library returns; a test compares the two.
 */
import { CVSS40_BASE_SCORE_VALUES, CVSS40_BASE_SCORES } from './cvss40-base-scores.js';

/** The eleven base metrics and their values, in table order; the last metric varies fastest. */
export const CVSS40_BASE_METRICS: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['AV', ['N', 'A', 'L', 'P']],
    ['AC', ['L', 'H']],
    ['AT', ['N', 'P']],
    ['PR', ['N', 'L', 'H']],
    ['UI', ['N', 'P', 'A']],
    ['VC', ['H', 'L', 'N']],
    ['VI', ['H', 'L', 'N']],
    ['VA', ['H', 'L', 'N']],
    ['SC', ['H', 'L', 'N']],
    ['SI', ['H', 'L', 'N']],
    ['SA', ['H', 'L', 'N']]
];

/** The table's symbols: the i-th symbol stands for CVSS40_BASE_SCORE_VALUES[i]. */
export const CVSS40_TABLE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_';

const SYMBOL_INDEX = new Map([...CVSS40_TABLE_ALPHABET].map((symbol, i) => [symbol.charCodeAt(0), i]));
const METRIC_POSITION = new Map(CVSS40_BASE_METRICS.map(([metric], m) => [metric, m]));

/** The table index of base metric values given in table order, or -1 for a missing or unknown value. */
export function cvss40BaseIndex(values: ReadonlyArray<string | undefined>): number {
    let index = 0;
    for (let m = 0; m < CVSS40_BASE_METRICS.length; m++) {
        const allowed = CVSS40_BASE_METRICS[m]![1];
        const at = allowed.indexOf(values[m] ?? '');
        if (at < 0) return -1;
        index = index * allowed.length + at;
    }
    return index;
}

/**
 * The base score × 10 of a vector's metrics (in any order, extra metrics ignored), or undefined
 * when a base metric is missing or outside the base values; the caller then asks the library.
 */
export function cvss40BaseScore10(metrics: ReadonlyArray<{ readonly metric: string; readonly value: string }>): number | undefined {
    const values = new Array<string | undefined>(CVSS40_BASE_METRICS.length);
    for (const { metric, value } of metrics) {
        const m = METRIC_POSITION.get(metric);
        if (m !== undefined) values[m] = value;
    }
    const index = cvss40BaseIndex(values);
    const symbol = index < 0 ? undefined : SYMBOL_INDEX.get(CVSS40_BASE_SCORES.charCodeAt(index));
    return symbol === undefined ? undefined : CVSS40_BASE_SCORE_VALUES[symbol];
}
