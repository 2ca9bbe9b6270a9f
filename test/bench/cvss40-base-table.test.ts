import cvssCalculator from 'ae-cvss-calculator';
import { describe, expect, it } from 'vitest';
import { CVSS40_BASE_METRICS, cvss40BaseIndex, cvss40BaseScore10 } from '../../language/aivss/cvss40-base-index.js';
import { CVSS40_BASE_SCORES } from '../../language/aivss/cvss40-base-scores.js';
import { parseCvssVector } from '../../language/aivss/cvss-vector.js';

const { Cvss4P0 } = cvssCalculator;

/** The base vector at a table index (the last metric varies fastest). */
function vectorAt(index: number): { vector: string; metrics: Array<{ metric: string; value: string }> } {
    const metrics: Array<{ metric: string; value: string }> = [];
    let rest = index;
    for (let m = CVSS40_BASE_METRICS.length - 1; m >= 0; m--) {
        const [metric, values] = CVSS40_BASE_METRICS[m]!;
        metrics.unshift({ metric, value: values[rest % values.length]! });
        rest = Math.floor(rest / values.length);
    }
    return { vector: `CVSS:4.0/${metrics.map((m) => `${m.metric}:${m.value}`).join('/')}`, metrics };
}

function library10(vector: string): number {
    return Math.round(Number(new Cvss4P0(vector).calculateScores().baseMetricsOnly) * 10);
}

// The whole table is checked by `node out/bench/cvss40-table.cjs --verify` (minutes); here a
// spread sample, so a regenerated or hand-edited table cannot drift from the library unseen.
describe('CVSS 4.0 base-score table (a lookup instead of ae-cvss-calculator)', () => {
    it('holds one score per base vector', () => {
        expect(CVSS40_BASE_SCORES.length).toBe(CVSS40_BASE_METRICS.reduce((n, [, values]) => n * values.length, 1));
        expect(cvss40BaseIndex(vectorAt(104_975).metrics.map((m) => m.value))).toBe(104_975);
    });

    it('agrees with the library on every 211th base vector and the first and last', () => {
        const indices = [0, 104_975];
        for (let i = 97; i < 104_976; i += 211) indices.push(i);
        for (const index of indices) {
            const { vector, metrics } = vectorAt(index);
            expect(cvss40BaseScore10(metrics), vector).toBe(library10(vector));
        }
    });

    it('ignores threat, environmental and supplemental metrics, as the base score does', () => {
        const vectors = [
            'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U',
            'CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N/E:P/CR:H/MAV:P/MSI:S/S:P/U:Red',
            'CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:P/VC:N/VI:L/VA:H/SC:L/SI:H/SA:H/E:A/AR:L'
        ];
        for (const vector of vectors) {
            const parsed = parseCvssVector(vector);
            expect(parsed.ok, vector).toBe(true);
            if (parsed.ok) expect(parsed.value.base10, vector).toBe(library10(vector));
        }
    });

    it('leaves a vector without all base metrics to the library', () => {
        expect(cvss40BaseScore10([{ metric: 'AV', value: 'N' }])).toBeUndefined();
        expect(cvss40BaseScore10(vectorAt(5).metrics.map((m) => (m.metric === 'SI' ? { metric: 'SI', value: 'S' } : m)))).toBeUndefined();
    });

    it('returns the same parse for the same vector text (memoised, immutable)', () => {
        const vector = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N/E:P';
        expect(parseCvssVector(vector)).toBe(parseCvssVector(vector));
    });
});
