/**
 * The AIVSS formula with one finding's values substituted, as plain text lines; the calculator,
 * the Markdown and the HTML reports all print these, so they explain a score the same way.
 */
import type { AivssResult } from '../aivss/aivss-types.js';
import { formatScaled } from '../aivss/decimal.js';

/** Lines such as `AARS = (10 − 9.3) × (1.30 / 10) × 0.50 = 0.0455`. */
export function formulaLines(result: AivssResult): string[] {
    const { version, rounding, cvss10, factorSum100, thm100, mf100 } = result.inputs;
    const c = formatScaled(cvss10, 1);
    const f = formatScaled(factorSum100, 2);
    const t = formatScaled(thm100, 2);
    const round = rounding === 'half_up' ? 'RoundHalfUp' : 'RoundHalfEven';
    const clamp = result.clamped ? ', clamped to 10' : '';
    const score = `${formatScaled(result.score10, 1)} (${result.severity})`;
    if (version === '0.5') {
        return [
            `AIVSS (v0.5) = ${round}(((CVSS_Base + AARS) / 2) × ThM, 1), where AARS is the factor sum`,
            `AIVSS_raw = ((${c} + ${result.aars}) / 2) × ${t} = ${result.raw}`,
            `AIVSS = ${round}(${result.raw}, 1)${clamp} = ${score}`
        ];
    }
    const m = formatScaled(mf100, 2);
    const gap = formatScaled(100 - cvss10, 1);
    return [
        `AIVSS (v0.8) = ${round}((CVSS_Base + AARS) × MF, 1), AARS = (10 − CVSS_Base) × (Factor_Sum / 10) × ThM`,
        `AARS = (10 − ${c}) × (${f} / 10) × ${t} = ${gap} × ${formatScaled(factorSum100, 3)} × ${t} = ${result.aars}`,
        `AIVSS_raw = (${c} + ${result.aars}) × ${m} = ${result.raw}`,
        `AIVSS = ${round}(${result.raw}, 1)${clamp} = ${score}`
    ];
}
