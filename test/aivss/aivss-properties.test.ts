import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeAivss, roundDiv } from '../../language/aivss/aivss-score.js';
import type { AivssInputs } from '../../language/aivss/aivss-types.js';
import { parseDecimal } from '../../language/aivss/decimal.js';

/** Inputs over the whole accepted range (ThM up to 1.5, MF above 0). */
const anyInputs: fc.Arbitrary<AivssInputs> = fc.record({
    version: fc.constantFrom('0.8' as const, '0.5' as const),
    rounding: fc.constantFrom('half_up' as const, 'half_even' as const),
    cvss10: fc.integer({ min: 0, max: 100 }),
    factorSum100: fc.integer({ min: 0, max: 1000 }),
    thm100: fc.integer({ min: 1, max: 150 }),
    mf100: fc.integer({ min: 1, max: 100 })
});

/** The same, restricted to ThM ≤ 1.0. */
const plainInputs = anyInputs.map(inputs => ({ ...inputs, thm100: Math.min(inputs.thm100, 100) }));

/** Round multipliers make exact ties common, so the tie branches get exercised. */
const tieProneInputs = fc.oneof(anyInputs, anyInputs.chain(inputs => fc.record({
    thm100: fc.constantFrom(50, 100, 150),
    mf100: fc.constantFrom(50, 100)
}).map(multipliers => ({ ...inputs, ...multipliers }))));

const score = (inputs: AivssInputs): number => computeAivss(inputs).score10;

describe('AIVSS properties', () => {
    test('the score stays within 0.0–10.0', () => {
        fc.assert(fc.property(anyInputs, inputs => {
            const result = computeAivss(inputs);
            expect(result.score10).toBeGreaterThanOrEqual(0);
            expect(result.score10).toBeLessThanOrEqual(100);
            expect(Number.isInteger(result.score10)).toBe(true);
        }));
    });

    test('the score is the raw value rounded, then clamped', () => {
        fc.assert(fc.property(tieProneInputs, inputs => {
            const result = computeAivss(inputs);
            const raw = parseDecimal(result.raw, 8);
            expect(raw.ok).toBe(true);
            if (raw.ok) {
                expect(result.score10).toBe(Math.min(100, roundDiv(raw.scaled, 10_000_000, inputs.rounding)));
                expect(result.tie).toBe(raw.scaled % 10_000_000 === 5_000_000);
                expect(result.clamped).toBe(raw.scaled > 1_000_000_000);
            }
        }));
    });

    test('monotone non-decreasing in the factor sum, ThM and MF', () => {
        fc.assert(fc.property(anyInputs, fc.nat({ max: 1000 }), fc.nat({ max: 149 }), fc.nat({ max: 99 }), (inputs, df, dt, dm) => {
            const factorSum100 = Math.min(1000, inputs.factorSum100 + df);
            const thm100 = Math.min(150, inputs.thm100 + dt);
            const mf100 = Math.min(100, inputs.mf100 + dm);
            expect(score({ ...inputs, factorSum100 })).toBeGreaterThanOrEqual(score(inputs));
            expect(score({ ...inputs, thm100 })).toBeGreaterThanOrEqual(score(inputs));
            expect(score({ ...inputs, mf100 })).toBeGreaterThanOrEqual(score(inputs));
        }));
    });

    test('monotone non-decreasing in CVSS while factor sum × ThM ≤ 10 (always when ThM ≤ 1)', () => {
        const bounded = anyInputs.filter(inputs => inputs.factorSum100 * inputs.thm100 <= 100_000);
        fc.assert(fc.property(fc.oneof(plainInputs, bounded), fc.nat({ max: 100 }), (inputs, dc) => {
            const cvss10 = Math.min(100, inputs.cvss10 + dc);
            expect(score({ ...inputs, cvss10 })).toBeGreaterThanOrEqual(score(inputs));
        }));
    });

    test('with ThM > 1, a lower MF and a high factor sum, v0.8 can fall as CVSS rises', () => {
        // (C + (10 − C) × 1.5) × 0.67 = (15 − 0.5 C) × 0.67: the uplift shrinks faster than C grows.
        const base = { version: '0.8', rounding: 'half_up', factorSum100: 1000, thm100: 150, mf100: 67 } as const;
        expect(score({ ...base, cvss10: 0 })).toBe(100);
        expect(score({ ...base, cvss10: 100 })).toBe(67);
        // v0.5 has no such effect.
        expect(score({ ...base, version: '0.5', cvss10: 100 })).toBeGreaterThanOrEqual(score({ ...base, version: '0.5', cvss10: 0 }));
    });

    test('half_up and half_even differ only on a tie, and then by one tenth', () => {
        fc.assert(fc.property(tieProneInputs, inputs => {
            const up = computeAivss({ ...inputs, rounding: 'half_up' });
            const even = computeAivss({ ...inputs, rounding: 'half_even' });
            expect(up.tie).toBe(even.tie);
            if (up.score10 !== even.score10) {
                expect(up.tie).toBe(true);
                expect(up.score10 - even.score10).toBe(1);
            }
            if (up.tie && !up.clamped) {
                // half_up took the upper neighbour; half_even took whichever neighbour is even.
                expect(even.score10 % 2).toBe(0);
                expect(up.score10 - even.score10).toBe(up.score10 % 2 === 0 ? 0 : 1);
            }
        }));
    });

    test('tie-prone inputs do produce ties that the two modes round differently', () => {
        const ties = fc.sample(tieProneInputs, 2_000).filter(inputs => computeAivss(inputs).tie);
        expect(ties.length).toBeGreaterThan(0);
        const differing = ties.filter(inputs =>
            score({ ...inputs, rounding: 'half_up' }) !== score({ ...inputs, rounding: 'half_even' }));
        expect(differing.length).toBeGreaterThan(0);
    });

    test('clamping happens only when ThM > 1', () => {
        fc.assert(fc.property(anyInputs, inputs => {
            if (computeAivss(inputs).clamped) {
                expect(inputs.thm100).toBeGreaterThan(100);
            }
        }));
        fc.assert(fc.property(plainInputs, inputs => {
            expect(computeAivss(inputs).clamped).toBe(false);
        }));
    });

    test('v0.8 with no factors and no mitigation is the CVSS base itself', () => {
        fc.assert(fc.property(anyInputs, inputs => {
            expect(score({ ...inputs, version: '0.8', factorSum100: 0, mf100: 100 })).toBe(inputs.cvss10);
        }));
    });
});
