/**
 * The AIVSS formulas (shared/spec/aivss.md), computed on scaled integers only. Each version is
 * written as one exact integer numerator N over a power-of-ten scale, so the raw value, the tie
 * test and both rounding modes all read the same N and can never disagree.
 */
import type { AivssInputs, AivssResult, RoundingMode, Severity } from './aivss-types.js';
import { formatExactDecimal } from './decimal.js';

/** `raw` and `aars` keep at least two places, so an exact 7.8 reads "7.80" beside the score 7.8. */
const MIN_DISPLAY_DECIMALS = 2;

/**
 * `n / d` rounded to an integer, for a non-negative integer `n` and a positive integer `d`.
 * `half_up` sends an exact half up; `half_even` sends it to the even neighbour. A tie is an
 * exact remainder of d/2, so an odd `d` never ties.
 */
export function roundDiv(n: number, d: number, mode: RoundingMode): number {
    if (!Number.isSafeInteger(n) || n < 0) {
        throw new RangeError(`roundDiv needs a non-negative safe integer numerator, got ${n}`);
    }
    if (!Number.isSafeInteger(d) || d <= 0) {
        throw new RangeError(`roundDiv needs a positive safe integer divisor, got ${d}`);
    }
    const quotient = Math.floor(n / d);
    const twiceRemainder = 2 * (n - quotient * d);
    if (twiceRemainder > d) {
        return quotient + 1;
    }
    if (twiceRemainder < d) {
        return quotient;
    }
    return mode === 'half_up' || quotient % 2 === 1 ? quotient + 1 : quotient;
}

/** True when `n / d` lies exactly halfway between two integers. */
function isTie(n: number, d: number): boolean {
    return 2 * (n % d) === d;
}

/** CVSS-convention bands on a score in tenths: Critical 9.0–10.0, High 7.0–8.9, Medium 4.0–6.9, Low 0.1–3.9. */
export function severityOf(score10: number): Severity {
    if (score10 >= 90) {
        return 'Critical';
    }
    if (score10 >= 70) {
        return 'High';
    }
    if (score10 >= 40) {
        return 'Medium';
    }
    return score10 > 0 ? 'Low' : 'None';
}

/**
 * One formula as an exact fraction: raw = numerator / 10^rawDecimals, and the score in tenths
 * is numerator / tenthDivisor rounded.
 */
interface ExactForm {
    readonly numerator: number;
    readonly rawDecimals: number;
    readonly tenthDivisor: number;
    readonly rawScale: number;
    readonly aars: string;
    readonly riskGap10: number | undefined;
}

/**
 * v0.8: AIVSS_raw = (C + (10 − C) × F/10 × ThM) × MF. With C10 = 10C, F100 = 100F, T100, M100:
 * N = (C10 × 10^5 + (100 − C10) × F100 × T100) × M100 = AIVSS_raw × 10^8.
 */
function exactV08(inputs: AivssInputs): ExactForm {
    const { cvss10, factorSum100, thm100, mf100 } = inputs;
    const riskGap10 = 100 - cvss10;
    const uplift = riskGap10 * factorSum100 * thm100; // AARS × 10^6
    return {
        numerator: (cvss10 * 100_000 + uplift) * mf100,
        rawDecimals: 8,
        tenthDivisor: 10_000_000,
        rawScale: 100_000_000,
        aars: formatExactDecimal(uplift, 6, MIN_DISPLAY_DECIMALS),
        riskGap10
    };
}

/**
 * v0.5: AIVSS_raw = (C + S) / 2 × ThM, no MF. N = (C10 × 10 + F100) × T100 = 2 × AIVSS_raw × 10^4,
 * so raw = N / 20000 = 5N / 10^5 and the score in tenths is N / 2000.
 */
function exactV05(inputs: AivssInputs): ExactForm {
    const { cvss10, factorSum100, thm100 } = inputs;
    const twiceRaw = (cvss10 * 10 + factorSum100) * thm100;
    return {
        numerator: twiceRaw,
        rawDecimals: 5,
        tenthDivisor: 2_000,
        rawScale: 20_000,
        aars: formatExactDecimal(factorSum100, 2, MIN_DISPLAY_DECIMALS),
        riskGap10: undefined
    };
}

/**
 * Scores one finding. Inputs must be non-negative safe integers (callers validate ranges and
 * report diagnostics; a value outside the spec's ranges still computes, and the result is
 * clamped to [0, 10]).
 */
export function computeAivss(inputs: AivssInputs): AivssResult {
    for (const name of ['cvss10', 'factorSum100', 'thm100', 'mf100'] as const) {
        const value = inputs[name];
        if (!Number.isSafeInteger(value) || value < 0) {
            throw new RangeError(`AIVSS input ${name} must be a non-negative integer, got ${value}`);
        }
    }
    const form = inputs.version === '0.5' ? exactV05(inputs) : exactV08(inputs);
    const { numerator, tenthDivisor, rawScale } = form;
    const rounded = roundDiv(numerator, tenthDivisor, inputs.rounding);
    const clamped = numerator > 10 * rawScale;
    const score10 = Math.min(100, Math.max(0, rounded));
    // v0.5's numerator is 2 × raw × 10^4; scaling by 5 makes it raw × 10^5 for display.
    const rawScaled = inputs.version === '0.5' ? numerator * 5 : numerator;
    return {
        inputs,
        score10,
        score: score10 / 10,
        severity: severityOf(score10),
        riskGap10: form.riskGap10,
        aars: form.aars,
        aarsKind: inputs.version === '0.5' ? 'factor-sum' : 'uplift',
        raw: formatExactDecimal(rawScaled, form.rawDecimals, MIN_DISPLAY_DECIMALS),
        clamped,
        tie: isTie(numerator, tenthDivisor)
    };
}
