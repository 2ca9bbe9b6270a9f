/**
 * The agent's ten factors as a table: value, rubric level, share of the factor sum and, for a
 * scored finding, how much each adds to the raw score (the formula is linear in every factor,
 * so these contributions add up exactly to AARS × MF in v0.8 and AARS × ThM / 2 in v0.5).
 */
import type { AivssInputs } from '../../language/aivss/aivss-types.js';
import { roundDiv } from '../../language/aivss/aivss-score.js';
import { formatExactDecimal, formatScaled } from '../../language/aivss/decimal.js';
import { FACTOR_KEYS, factorConceptOf } from '../../language/aivss/factor-keys.js';
import type { AgentScore, FactorValue } from '../../language/scoring/score-types.js';
import { blocks, code, table, text } from './markdown.js';
import { factorSumText } from './score-text.js';

/** `0.5 — Bounded variance…`, or where a non-canonical value lies between the anchors. */
export function rubricLevel(key: string, value100: number): string {
    const rubric = factorConceptOf(key)?.rubric;
    if (!rubric) return 'no published rubric (v0.5-only factor)';
    if (value100 === 0) return `0 — ${text(rubric.zero)}`;
    if (value100 === 50) return `0.5 — ${text(rubric.half)}`;
    if (value100 === 100) return `1 — ${text(rubric.one)}`;
    return value100 < 50 ? 'between 0 and 0.5 (non-canonical)' : 'between 0.5 and 1 (non-canonical)';
}

/** Exact amount one factor adds to AIVSS_raw, given the other inputs of a finding. */
export function factorAddsToRaw(value100: number, inputs: AivssInputs): string {
    if (inputs.version === '0.5') {
        // raw = (C + S) / 2 × ThM, so a factor f adds f × ThM / 2 = f100 × T100 × 5 / 10^5.
        return formatExactDecimal(value100 * inputs.thm100 * 5, 5, 2);
    }
    // raw = (C + (10 − C) × S/10 × ThM) × MF, so f adds (100 − C10) × f100 × T100 × M100 / 10^9.
    return formatExactDecimal((100 - inputs.cvss10) * value100 * inputs.thm100 * inputs.mf100, 9, 2);
}

function shareOfSum(value100: number, sum100: number | undefined): string {
    if (sum100 === undefined || sum100 === 0) return '—';
    return `${formatScaled(roundDiv(value100 * 1000, sum100, 'half_up'), 1)} %`;
}

function factorName(key: string): string {
    const info = FACTOR_KEYS.get(key);
    return info ? `${code(key)} (${text(info.name)})` : code(key);
}

/** The factors table; `inputs` are those of the finding whose raw score the contributions feed. */
export function factorTable(score: AgentScore, inputs: AivssInputs | undefined): string {
    const { factors } = score;
    if (!factors.block) {
        return 'No `factors` block: the factor sum is 0 until the ten agentic factors are given.';
    }
    const sum = factors.sum100;
    const row = (value: FactorValue): string[] => {
        const cells = [factorName(value.key), formatScaled(value.value100, 2), rubricLevel(value.key, value.value100), shareOfSum(value.value100, sum)];
        return inputs ? [...cells, factorAddsToRaw(value.value100, inputs)] : cells;
    };
    const missingRow = (key: string): string[] => {
        const cells = [factorName(key), '— (missing, counts as 0)', '', '—'];
        return inputs ? [...cells, '0'] : cells;
    };
    const header = ['Factor', 'Value', 'Rubric level', 'Share of sum'];
    const title = sum === undefined
        ? `**Factors** (${factors.set} names) — sum unknown: a factor value is invalid`
        : `**Factors** (${factors.set} names) — sum ${factorSumText(sum)} / 10`;
    return blocks(
        title,
        table(inputs ? [...header, 'Adds to raw'] : header, [...factors.values.map(row), ...factors.missing.map(missingRow)])
    );
}
