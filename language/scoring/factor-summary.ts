import type { AivssVersion } from '../aivss/aivss-types.js';
import { FACTOR_KEYS, factorKeysOf, resolveKeySet } from '../aivss/factor-keys.js';
import type { Agent } from '../generated/ast.js';
import { readFactor } from './number-inputs.js';
import type { FactorSummary, FactorValue } from './score-types.js';

/**
 * Sums an agent's factors. Only the first `factors` block counts (a second is
 * `duplicate-member`), unknown keys and repeated concepts are left out (each has its own
 * error), and one invalid value makes the sum unknown rather than silently smaller.
 */
export function summarizeFactors(agent: Agent, version: AivssVersion): FactorSummary {
    const block = agent.factorBlocks[0];
    const entries = block?.entries ?? [];
    const { set } = resolveKeySet(entries.map((entry) => entry.key), version);
    const values: FactorValue[] = [];
    const seenConcepts = new Set<string>();
    let sum100: number | undefined = 0;
    for (const entry of entries) {
        const info = FACTOR_KEYS.get(entry.key);
        if (!info || seenConcepts.has(info.concept)) continue;
        seenConcepts.add(info.concept);
        const reading = readFactor(entry.value);
        if (reading.ok) {
            values.push({ key: entry.key, value100: reading.scaled, node: entry });
            if (sum100 !== undefined) sum100 += reading.scaled;
        } else {
            sum100 = undefined;
        }
    }
    const missing = factorKeysOf(set).filter((key) => !seenConcepts.has(FACTOR_KEYS.get(key)!.concept));
    return { block, set, values, sum100, missing };
}
