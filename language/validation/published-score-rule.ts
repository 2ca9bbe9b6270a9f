import type { ValidationAcceptor } from 'langium';
import { parseDecimal } from '../aivss/decimal.js';
import { formatScaled } from '../aivss/decimal.js';
import type { Agent } from '../generated/ast.js';
import type { ModelScorer } from '../scoring/model-scorer.js';
import { report } from './report.js';

/**
 * A `published` score (imported from a directory card) must equal the recomputed headline, so
 * an imported card proves its own number.
 */
export function publishedScoreShouldMatch(scorer: ModelScorer) {
    return (agent: Agent, accept: ValidationAcceptor): void => {
        const published = agent.published[0];
        if (!published) return;
        const parsed = parseDecimal(published.value, 1);
        if (!parsed.ok || parsed.scaled < 0 || parsed.scaled > 100) {
            const message = parsed.ok ? `Published score ${published.value} is outside 0.0–10.0` : `Published score: ${parsed.message}`;
            report(accept, 'invalid-number', message, { node: published, property: 'value' });
            return;
        }
        const headline = scorer.scoreOf(agent).headline?.result;
        if (headline && headline.score10 !== parsed.scaled) {
            report(
                accept,
                'published-score-mismatch',
                `Published AIVSS ${published.value} differs from the recomputed ${formatScaled(headline.score10, 1)} (raw ${headline.raw}, ${headline.inputs.rounding})`,
                { node: published, property: 'value' },
                { recomputed: formatScaled(headline.score10, 1) }
            );
        }
    };
}
