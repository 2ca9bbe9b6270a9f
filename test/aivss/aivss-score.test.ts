import { describe, expect, test } from 'vitest';
import { computeAivss, roundDiv, severityOf } from '../../language/aivss/aivss-score.js';
import type { AivssInputs, AivssVersion, RoundingMode } from '../../language/aivss/aivss-types.js';
import { parseCvssVector } from '../../language/aivss/cvss-vector.js';
import { parseDecimal } from '../../language/aivss/decimal.js';

function scaled(text: string, decimals: number): number {
    const parsed = parseDecimal(text, decimals);
    if (!parsed.ok) {
        throw new Error(parsed.message);
    }
    return parsed.scaled;
}

function inputs(
    version: AivssVersion,
    cvss: string,
    factorSum: string,
    thm: string,
    mf: string,
    rounding: RoundingMode = 'half_up'
): AivssInputs {
    return {
        version,
        rounding,
        cvss10: scaled(cvss, 1),
        factorSum100: scaled(factorSum, 2),
        thm100: scaled(thm, 2),
        mf100: scaled(mf, 2)
    };
}

/** v0.8 §3.6 Table 5: vector, published CVSS, factors in v0.8 order, published AIVSS and band. */
const TABLE_5: ReadonlyArray<readonly [string, string, string, string, string, string]> = [
    ['Tool Misuse', 'AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', '9.4', '1,1,1,1,1,1,.5,1,1,.5', '9.9', 'Critical'],
    ['Access Control Violation', 'AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '8.7', '1,1,1,1,.5,1,1,1,.5,0', '9.7', 'Critical'],
    ['Cascading Failures', 'AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H', '7.1', '1,.5,1,1,1,1,.5,.5,1,.5', '9.4', 'Critical'],
    ['Orchestration & Multi-Agent', 'AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', '9.4', '1,1,1,1,1,1,1,1,1,.5', '10.0', 'Critical'],
    ['Identity Impersonation', 'AV:N/AC:H/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N', '7.4', '1,1,1,1,1,1,0,1,.5,0', '9.3', 'Critical'],
    ['Memory & Context Manipulation', 'AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N', '5.8', '1,.5,1,1,.5,1,1,0,.5,1', '8.9', 'High'],
    ['Critical Systems Interaction', 'AV:A/AC:L/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N', '6.9', '1,1,.5,1,.5,1,.5,0,1,1', '9.2', 'Critical'],
    ['Supply Chain & Dependency Risk', 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '9.3', '1,1,0,0,1,1,.5,1,1,0', '9.7', 'Critical'],
    ['Untraceability', 'AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', '5.3', '1,1,0,0,1,1,.5,.5,1,.5', '8.3', 'High'],
    ['Goal & Instruction Manipulation', 'AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', '2.1', '.5,0,1,1,1,1,1,0,0,1', '7.1', 'High']
];

/** Sums factors written like the PDF (".5") through the exact decimal parser. */
function factorSum100(list: string): number {
    return list.split(',').reduce((sum, factor) => sum + scaled(factor.startsWith('.') ? `0${factor}` : factor, 2), 0);
}

describe('AIVSS v0.8 conformance (Table 5, ThM 0.97, MF 1.0)', () => {
    test.each(TABLE_5)('%s', (_risk, vector, cvss, factors, aivss, band) => {
        const parsed = parseCvssVector(`CVSS:4.0/${vector}`);
        expect(parsed.ok).toBe(true);
        const cvss10 = parsed.ok ? parsed.value.base10 : Number.NaN;
        expect(cvss10).toBe(scaled(cvss, 1));
        const result = computeAivss({ version: '0.8', rounding: 'half_up', cvss10, factorSum100: factorSum100(factors), thm100: 97, mf100: 100 });
        expect(result.score10).toBe(scaled(aivss, 1));
        expect(result.severity).toBe(band);
        expect(result.aarsKind).toBe('uplift');
        expect(result.riskGap10).toBe(100 - cvss10);
    });

    test('Orchestration & Multi-Agent is exactly 10.0 without clamping (raw 9.9529)', () => {
        const result = computeAivss(inputs('0.8', '9.4', '9.5', '0.97', '1.0'));
        expect(result.raw).toBe('9.9529');
        expect(result.score10).toBe(100);
        expect(result.clamped).toBe(false);
    });
});

describe('AIVSS v0.5 conformance (§4.2, ThM 0.97)', () => {
    test.each([
        ['9.4', '8.5', '8.7'], ['8.7', '7.0', '7.6'], ['7.1', '7.5', '7.1'], ['8.3', '6.5', '7.2'],
        ['7.4', '5.5', '6.3'], ['5.8', '6.0', '5.7'], ['6.9', '5.0', '5.8'], ['9.3', '1.0', '5.0'],
        ['5.3', '4.5', '4.8'], ['2.1', '4.0', '3.0']
    ])('(%s, %s) → %s', (cvss, aars, aivss) => {
        const result = computeAivss(inputs('0.5', cvss, aars, '0.97', '1.0'));
        expect(result.score10).toBe(scaled(aivss, 1));
        expect(result.aarsKind).toBe('factor-sum');
        expect(result.riskGap10).toBeUndefined();
    });

    test('ignores MF entirely', () => {
        expect(computeAivss(inputs('0.5', '9.4', '8.5', '0.97', '0.67')).score10).toBe(87);
    });

    test('raw and AARS are exact: (9.3 + 1.0) / 2 × 0.97 = 4.9955', () => {
        const result = computeAivss(inputs('0.5', '9.3', '1.0', '0.97', '1.0'));
        expect(result.raw).toBe('4.9955');
        expect(result.aars).toBe('1.00');
    });
});

describe('the seed card and its worked examples', () => {
    test('UploadParsing: CVSS 9.3, sum 1.3, ThM 0.5, MF 0.83 → 7.8 High', () => {
        const result = computeAivss(inputs('0.8', '9.3', '1.3', '0.5', '0.83'));
        expect(result.score10).toBe(78);
        expect(result.score).toBe(7.8);
        expect(result.severity).toBe('High');
        // 0.7 × 0.13 × 0.5 and (9.3 + 0.0455) × 0.83, exactly.
        expect(result.aars).toBe('0.0455');
        expect(result.raw).toBe('7.756765');
        expect(result.riskGap10).toBe(7);
        expect(result.tie).toBe(false);
        expect(result.clamped).toBe(false);
    });

    test('ModelStealing under an agent CVSS 5.3: sum 1.3, ThM 0.97, MF 1.0 → 5.9 Medium', () => {
        const result = computeAivss(inputs('0.8', '5.3', '1.3', '0.97', '1.0'));
        expect(result.score10).toBe(59);
        expect(result.severity).toBe('Medium');
        expect(result.raw).toBe('5.89267');
    });
});

describe('rounding', () => {
    test('an exact tie: 9.0 + 1.0 × 0.25 × 1.0 = 9.25 → half_up 9.3, half_even 9.2', () => {
        const up = computeAivss(inputs('0.8', '9.0', '2.5', '1.0', '1.0', 'half_up'));
        const even = computeAivss(inputs('0.8', '9.0', '2.5', '1.0', '1.0', 'half_even'));
        expect(up.raw).toBe('9.25');
        expect([up.tie, up.score10]).toEqual([true, 93]);
        expect([even.tie, even.score10]).toEqual([true, 92]);
    });

    test('a tie below an odd tenth goes up in both modes: 9.35 → 9.4', () => {
        for (const mode of ['half_up', 'half_even'] as const) {
            const result = computeAivss(inputs('0.8', '9.0', '3.5', '1.0', '1.0', mode));
            expect([result.raw, result.tie, result.score10]).toEqual(['9.35', true, 94]);
        }
    });

    test('a v0.5 tie: (9.0 + 0.5) / 2 × 1.0 = 4.75', () => {
        expect(computeAivss(inputs('0.5', '9.0', '0.5', '1.0', '1.0', 'half_up')).score10).toBe(48);
        const even = computeAivss(inputs('0.5', '9.0', '0.5', '1.0', '1.0', 'half_even'));
        expect([even.raw, even.tie, even.score10]).toEqual(['4.75', true, 48]);
        const down = computeAivss(inputs('0.5', '8.8', '0.5', '1.0', '1.0', 'half_even'));
        expect([down.raw, down.tie, down.score10]).toEqual(['4.65', true, 46]);
    });

    test.each([
        // cvss, sum, ThM, MF, exact score; binary floating point lands each raw just below the half.
        ['1.0', '8.5', '1.0', '1.0', 87], // the spec's "8.65 → 8.7"
        ['1.0', '1.5', '1.0', '1.0', 24], // 2.35
        ['0.0', '5.0', '1.0', '0.83', 42], // 4.15
        ['0.0', '3.5', '1.0', '0.7', 25], // 2.45
        ['0.3', '5.0', '1.0', '1.0', 52] // 5.15
    ])('float trap: CVSS %s, sum %s, ThM %s, MF %s → %i tenths', (cvss, sum, thm, mf, score10) => {
        const c = Number(cvss);
        const naiveRaw = (c + (10 - c) * (Number(sum) / 10) * Number(thm)) * Number(mf);
        expect(Math.round(naiveRaw * 10)).toBe(score10 - 1);
        const result = computeAivss(inputs('0.8', cvss, sum, thm, mf));
        expect(result.score10).toBe(score10);
        expect(result.tie).toBe(true);
    });

    test('toFixed trap: 0.0 + 10 × 0.5 × 0.97 = 4.85 → 4.9', () => {
        expect((4.85).toFixed(1)).toBe('4.8');
        expect(computeAivss(inputs('0.8', '0.0', '5.0', '0.97', '1.0')).score10).toBe(49);
    });

    test('roundDiv', () => {
        expect(roundDiv(25, 10, 'half_up')).toBe(3);
        expect(roundDiv(25, 10, 'half_even')).toBe(2);
        expect(roundDiv(35, 10, 'half_even')).toBe(4);
        expect(roundDiv(24, 10, 'half_up')).toBe(2);
        expect(roundDiv(26, 10, 'half_even')).toBe(3);
        expect(roundDiv(0, 7, 'half_up')).toBe(0);
        expect(roundDiv(7, 7, 'half_even')).toBe(1);
        expect(() => roundDiv(-1, 10, 'half_up')).toThrow(RangeError);
        expect(() => roundDiv(1, 0, 'half_up')).toThrow(RangeError);
        expect(() => roundDiv(1.5, 10, 'half_up')).toThrow(RangeError);
    });
});

describe('clamping and edge values', () => {
    test('elevated ThM above 10 clamps to 10.0', () => {
        const result = computeAivss(inputs('0.8', '9.0', '10', '1.5', '1.0'));
        expect(result.raw).toBe('10.50');
        expect([result.score10, result.clamped, result.severity]).toEqual([100, true, 'Critical']);
    });

    test('all zeros score 0.0 None', () => {
        const result = computeAivss(inputs('0.8', '0.0', '0', '0.97', '1.0'));
        expect([result.score10, result.severity, result.raw, result.aars]).toEqual([0, 'None', '0.00', '0.00']);
    });

    test('MF multiplies the CVSS part too, so a mitigated score can fall below the CVSS base', () => {
        expect(computeAivss(inputs('0.8', '9.3', '0', '0.97', '0.67')).score10).toBe(62);
    });

    test('rejects inputs that are not non-negative integers', () => {
        const base = inputs('0.8', '9.3', '1.3', '0.5', '0.83');
        expect(() => computeAivss({ ...base, cvss10: 9.3 })).toThrow(RangeError);
        expect(() => computeAivss({ ...base, mf100: -1 })).toThrow(RangeError);
    });
});

describe('severityOf', () => {
    test.each([
        [0, 'None'], [1, 'Low'], [39, 'Low'], [40, 'Medium'], [69, 'Medium'],
        [70, 'High'], [89, 'High'], [90, 'Critical'], [100, 'Critical']
    ])('%i tenths is %s', (score10, band) => {
        expect(severityOf(score10)).toBe(band);
    });
});
