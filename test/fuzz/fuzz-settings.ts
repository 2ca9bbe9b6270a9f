/**
 * One budget for every property of the fuzz suite. `npm test` runs each property with a fixed
 * seed and a small number of runs, so the suite is deterministic and bounded (well under a
 * minute on a 2-core machine); `npm run fuzz` sets `FUZZ_RUNS` (and, unless `FUZZ_SEED` is
 * given, a fresh seed) to run the same properties for as long as one cares to wait.
 * fast-check prints the seed and the shrunk counterexample of a failure; reproduce it with
 * `FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz`, then keep the input under
 * test/fixtures/regressions/.
 */
import type { Parameters } from 'fast-check';

const FIXED_SEED = 0x5eed_7a11;

function positiveInteger(name: string): number | undefined {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
        throw new Error(`${name} must be a positive integer, not '${raw}'`);
    }
    return value;
}

/** Runs per property in a long fuzz session; undefined in `npm test`. */
export const LONG_RUNS = positiveInteger('FUZZ_RUNS');

/** True under `npm run fuzz`. */
export const LONG_FUZZ = LONG_RUNS !== undefined;

export const FUZZ_SEED = positiveInteger('FUZZ_SEED') ?? (LONG_FUZZ ? Date.now() % 0x7fff_ffff : FIXED_SEED);

/**
 * fast-check parameters for a property that does `quickRuns` runs in `npm test`. A property
 * whose single run is expensive passes a `weight` above 1 to get proportionally fewer runs in a
 * long session.
 */
export function fuzzParameters<T>(quickRuns: number, weight = 1): Parameters<T> {
    const numRuns = LONG_RUNS === undefined ? quickRuns : Math.max(quickRuns, Math.ceil(LONG_RUNS / weight));
    return { seed: FUZZ_SEED, numRuns };
}

/** Per-test timeout: generous in `npm test` (a hang detector, not a benchmark), unbounded-ish in a long session. */
export function fuzzTimeout(quickMs = 60_000): number {
    return LONG_FUZZ ? 6 * 60 * 60_000 : quickMs;
}

if (LONG_FUZZ) {
    // A long session picks a fresh seed; print it so that a run can be repeated.
    console.log(`fuzz: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${LONG_RUNS}`);
}
