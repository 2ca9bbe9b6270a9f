import type { ValidationAcceptor } from 'langium';
import { FACTOR_CONCEPTS, FACTOR_KEYS, suggestFactorKey } from '../aivss/factor-keys.js';
import { isCanonicalFactor100 } from '../aivss/multipliers.js';
import type { Agent, FactorBlock } from '../generated/ast.js';
import { summarizeFactors } from '../scoring/factor-summary.js';
import type { ModelScorer } from '../scoring/model-scorer.js';
import { readFactor } from '../scoring/number-inputs.js';
import { report } from './report.js';

/** Each factor entry: a known key, a valid value, and (as a hint) one of the spec's levels. */
export function factorEntriesMustBeValid(block: FactorBlock, accept: ValidationAcceptor): void {
    const firstByConcept = new Map<string, string>();
    for (const entry of block.entries) {
        const info = FACTOR_KEYS.get(entry.key);
        if (!info) {
            const suggestion = suggestFactorKey(entry.key);
            const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
            report(accept, 'unknown-factor', `Unknown AIVSS factor '${entry.key}'${hint}`, { node: entry, property: 'key' }, { suggestion });
        } else {
            const earlier = firstByConcept.get(info.concept);
            if (earlier !== undefined) {
                const concept = FACTOR_CONCEPTS[info.concept];
                const name = concept.v08Name ?? concept.v05Name;
                const also = earlier === entry.key ? '' : ` (already given as '${earlier}')`;
                report(accept, 'duplicate-factor', `Factor ${name} is given twice${also}; only the first counts`, { node: entry, property: 'key' });
            } else {
                firstByConcept.set(info.concept, entry.key);
            }
        }
        const reading = readFactor(entry.value);
        if (!reading.ok) {
            report(accept, reading.code, reading.message, { node: entry, property: 'value' }, { min: '0.0', max: '1.0' });
        } else if (!isCanonicalFactor100(reading.scaled)) {
            report(accept, 'non-canonical-factor', `Factor value ${entry.value} is not one of the spec's levels 0, 0.5 and 1`, {
                node: entry,
                property: 'value'
            });
        }
    }
}

/**
 * Block-level checks that need the key set: mixed versions, and the factors of the set that
 * are absent. An agent without any block gets the same `missing-factor` on its name.
 */
export function agentFactorsShouldBeComplete(scorer: ModelScorer) {
    return (agent: Agent, accept: ValidationAcceptor): void => {
        const summary = summarizeFactors(agent, scorer.versionOf(agent));
        const block = summary.block;
        if (!block) {
            report(accept, 'missing-factor', `Agent '${agent.name}' has no factors block; its factor sum counts as 0`, { node: agent, property: 'name' }, {
                missing: summary.missing
            });
            return;
        }
        const v05Only = block.entries.filter((e) => FACTOR_KEYS.get(e.key)?.membership === 'v0.5').map((e) => e.key);
        const v08Only = block.entries.filter((e) => FACTOR_KEYS.get(e.key)?.membership === 'v0.8').map((e) => e.key);
        if (v05Only.length > 0 && v08Only.length > 0) {
            report(
                accept,
                'mixed-factor-versions',
                `This block mixes v0.5 factor names (${v05Only.join(', ')}) with v0.8 names (${v08Only.join(', ')}); use one set`,
                { node: block, keyword: 'factors' }
            );
        }
        if (summary.missing.length > 0) {
            const counted = summary.values.length;
            report(
                accept,
                'missing-factor',
                `Missing ${summary.set} factor${summary.missing.length === 1 ? '' : 's'} ${summary.missing.join(', ')}; the score uses the ${counted} present`,
                { node: block, keyword: 'factors' },
                { missing: summary.missing, set: summary.set }
            );
        }
    };
}
