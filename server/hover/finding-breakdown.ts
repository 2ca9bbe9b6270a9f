/**
 * The score part of a breakdown, shared by the agent and threat hovers and the breakdown page:
 * the formula with this finding's numbers substituted (`formulaLines`, the same text the
 * reports print), every input with its source, and the notes the spec asks for. An incomplete
 * finding says what is missing and what to add instead.
 */
import type { AivssResult } from '../../language/aivss/aivss-types.js';
import { formatScaled } from '../../language/aivss/decimal.js';
import { formulaLines } from '../../language/report/breakdown.js';
import type { FindingScore } from '../../language/scoring/score-types.js';
import { blocks, bullets, code, codeBlock, table, text } from './markdown.js';
import { cvssText, factorSumText, multiplierText, originText } from './score-text.js';

const ROUNDING_TEXT = { half_up: 'half up', half_even: 'half to even' } as const;

/** `**AIVSS 7.8 High**` or `**AIVSS incomplete** — add cvss`. */
export function scoreHeadline(finding: FindingScore | undefined, blockers: readonly string[]): string {
    if (finding?.result) {
        return `**AIVSS ${formatScaled(finding.result.score10, 1)} ${finding.result.severity}**`;
    }
    return `**AIVSS incomplete** — ${text(blockers.join(', ') || 'add cvss')}`;
}

/** Formula, inputs and notes of a complete finding; guidance for an incomplete one. */
export function findingSection(finding: FindingScore): string {
    const result = finding.result;
    if (!result) {
        return incompleteSection(finding);
    }
    return blocks(
        codeBlock(formulaLines(result)),
        inputTable(finding, result),
        specLine(result),
        notes(finding, result)
    );
}

function inputTable(finding: FindingScore, result: AivssResult): string {
    const rows: string[][] = [];
    const inputs = result.inputs;
    rows.push(['CVSS base', cvssText(inputs.cvss10), cvssSource(finding)]);
    rows.push(['Factor sum', `${factorSumText(inputs.factorSum100)} / 10`, 'sum of the agent\'s ten factors']);
    if (finding.thm) rows.push(['ThM', multiplierText(finding.thm.value100), text(originText(finding.thm))]);
    if (inputs.version === '0.8') {
        if (finding.mf) rows.push(['MF', multiplierText(finding.mf.value100), text(originText(finding.mf))]);
        rows.push(['Risk gap', formatScaled(result.riskGap10 ?? 0, 1), '10 − CVSS base']);
        rows.push(['AARS (agentic uplift, v0.8)', result.aars, '(10 − CVSS) × (Factor_Sum / 10) × ThM']);
        rows.push(['AIVSS_raw', result.raw, '(CVSS + AARS) × MF']);
    } else {
        rows.push(['AARS (factor sum, v0.5)', result.aars, 'v0.5 calls the factor sum AARS']);
        rows.push(['AIVSS_raw', result.raw, '((CVSS + AARS) / 2) × ThM']);
    }
    const clamp = result.clamped ? ', clamped to 10' : '';
    rows.push(['AIVSS', formatScaled(result.score10, 1), `rounded ${ROUNDING_TEXT[inputs.rounding]} to one decimal${clamp}`]);
    rows.push(['Band', result.severity, 'Critical 9.0–10.0 · High 7.0–8.9 · Medium 4.0–6.9 · Low 0.1–3.9 · None 0.0']);
    return table(['Input', 'Value', 'Source'], rows);
}

function cvssSource(finding: FindingScore): string {
    const cvss = finding.cvss;
    if (!cvss) return '';
    const where = cvss.origin === 'written' ? `written on ${code(finding.name)}` : 'inherited from the agent';
    if (!cvss.vector) return `${where}, as a number`;
    const version = cvss.vector.version === '4.0' ? 'CVSS 4.0, base-only score CVSS-B' : 'CVSS 3.1, base score';
    return `${where}: ${code(cvss.vector.vector)} (${version})`;
}

function specLine(result: AivssResult): string {
    const { version, rounding } = result.inputs;
    const tie = result.tie
        ? ` The raw value lies exactly halfway between two tenths; ${ROUNDING_TEXT[rounding]} decides.`
        : '';
    return `Spec: OWASP AIVSS v${version} · rounding ${ROUNDING_TEXT[rounding]} (only the final value is rounded).${tie}`;
}

function notes(finding: FindingScore, result: AivssResult): string {
    const items: string[] = [];
    if (result.aarsKind === 'uplift') {
        items.push('AARS here is the agentic uplift, not the factor sum (AIVSS v0.5 used the name for the sum).');
    } else {
        items.push('AARS here is the factor sum (AIVSS v0.8 uses the name for the agentic uplift).');
    }
    if (result.inputs.version === '0.8' && result.inputs.mf100 < 100) {
        items.push(`MF multiplies the CVSS part too, so a mitigated score can fall below the CVSS base (${cvssText(result.inputs.cvss10)} here).`);
    }
    if (finding.version === '0.5' && finding.mf && finding.mf.origin !== 'default') {
        items.push('AIVSS v0.5 has no mitigation factor: mitigations do not change this score.');
    }
    return bullets(items);
}

const BLOCKER_HELP: Readonly<Record<string, string>> = {
    'add cvss': 'No CVSS base on this finding or its agent. Add `cvss "CVSS:4.0/AV:N/AC:L/…"` (a CVSS 4.0 vector) '
        + 'or `cvss 5.3` (a base score) to the threat, or to the agent to cover every threat without one. '
        + 'No AIVSS version defines a default CVSS base.',
    'fix the cvss value': 'The `cvss` value is invalid (see its diagnostic); AIVSS v0.8 also refuses CVSS 3.1 vectors.',
    'fix the factor values': 'A factor value is invalid: each factor is 0–1 with at most two decimals.',
    'fix the exploit value': 'The `exploit` value is invalid: use attacked, proof\\_of\\_concept, unreported or a number in (0, 1.5].',
    'fix the mitigation value': 'The `mitigation` or control strength is invalid: use none, partial, strong or a number in (0, 1].'
};

/** What to do about each reason a score is incomplete, as Markdown bullets. */
export function blockerHelp(blockers: readonly string[]): string {
    return bullets(blockers.map((blocker) => BLOCKER_HELP[blocker] ?? text(blocker)));
}

function incompleteSection(finding: FindingScore): string {
    const known: string[] = [];
    if (finding.factorSum100 !== undefined) known.push(`factor sum ${factorSumText(finding.factorSum100)} / 10`);
    if (finding.thm) known.push(`ThM ${multiplierText(finding.thm.value100)} (${text(originText(finding.thm))})`);
    if (finding.mf && finding.version === '0.8') known.push(`MF ${multiplierText(finding.mf.value100)} (${text(originText(finding.mf))})`);
    return blocks(
        blockerHelp(finding.blockers),
        known.length > 0 ? `Known so far: ${known.join(' · ')}.` : undefined
    );
}
