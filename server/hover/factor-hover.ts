/**
 * Hover on a factor key (or its value): the factor's names in both spec versions, what it
 * measures, the 0 / 0.5 / 1 rubric, and how far it moves this agent's headline, computed
 * exactly by rescoring every complete finding with the factor at 0, 0.5 and 1.
 */
import type { AivssResult } from '../../language/aivss/aivss-types.js';
import { computeAivss } from '../../language/aivss/aivss-score.js';
import { formatExactDecimal, formatScaled } from '../../language/aivss/decimal.js';
import { factorConceptOf, suggestFactorKey } from '../../language/aivss/factor-keys.js';
import type { FactorEntry } from '../../language/generated/ast.js';
import type { AgentScore, FactorValue, FindingScore } from '../../language/scoring/score-types.js';
import { rubricLevel } from './factor-table.js';
import { blocks, bullets, code, text } from './markdown.js';
import { factorSumText, scoreText } from './score-text.js';

export function factorHover(score: AgentScore, entry: FactorEntry): string {
    const concept = factorConceptOf(entry.key);
    if (!concept) {
        const suggestion = suggestFactorKey(entry.key);
        return blocks(
            `**Unknown factor key** ${code(entry.key)} — it does not count towards the factor sum.`,
            suggestion ? `Did you mean ${code(suggestion)}?` : undefined
        );
    }
    const v05 = concept.v05Key && concept.v05Name ? `**${text(concept.v05Name)}** (${code(concept.v05Key)})` : '— (new in v0.8)';
    const v08 = concept.v08Key && concept.v08Name
        ? `**${text(concept.v08Name)}** (${code(concept.v08Key)}, spec key ${code(concept.v08SpecKey ?? concept.v08Key)})`
        : '— (dropped in v0.8)';
    const rubric = concept.rubric
        ? blocks('Rubric:', bullets([`0 — ${text(concept.rubric.zero)}`, `0.5 — ${text(concept.rubric.half)}`, `1 — ${text(concept.rubric.one)}`]))
        : 'AIVSS v0.5 published no 0 / 0.5 / 1 rubric for this factor.';
    const counted = score.factors.values.find((value) => value.node === entry);
    return blocks(
        `### Factor ${code(entry.key)}`,
        `AIVSS v0.5: ${v05} · AIVSS v0.8: ${v08}`,
        text(concept.definition),
        rubric,
        valueLine(score, entry, counted),
        counted ? effectSection(score, counted) : undefined,
        concept.layerHints.length > 0
            ? `Usually evidenced on MAESTRO layers ${concept.layerHints.join(', ')} (our heuristic; no published mapping).`
            : undefined
    );
}

function valueLine(score: AgentScore, entry: FactorEntry, counted: FactorValue | undefined): string {
    if (!counted) {
        const first = score.factors.block?.entries.includes(entry) ?? false;
        const why = first ? 'its value is invalid or its concept is already given' : 'only the first `factors` block counts';
        return `Value here: ${text(entry.value ?? '?')} — not counted (${why}).`;
    }
    const sum = score.factors.sum100;
    const share = sum === undefined ? '' : `; the factor sum is ${factorSumText(sum)} / 10`;
    return `Value here: **${formatScaled(counted.value100, 2)}** — ${rubricLevel(counted.key, counted.value100)}${share}.`;
}

interface Headline {
    readonly finding: FindingScore;
    readonly result: AivssResult;
}

/** The agent's headline if every complete finding were rescored with another factor sum. */
function headlineWith(score: AgentScore, factorSum100: number): Headline | undefined {
    let best: Headline | undefined;
    for (const finding of [score.own, ...score.threats]) {
        if (!finding?.result) continue;
        const result = computeAivss({ ...finding.result.inputs, factorSum100 });
        if (!best || result.score10 > best.result.score10) best = { finding, result };
    }
    return best;
}

function effectSection(score: AgentScore, counted: FactorValue): string {
    const sum = score.factors.sum100;
    const current = score.headline;
    if (sum === undefined || !current?.result) {
        return 'No complete score yet: this factor only moves the factor sum. Add a `cvss` to see its effect.';
    }
    const label = (finding: FindingScore): string => (finding.kind === 'agent' ? 'the agent\'s own score' : code(finding.name));
    const rows = [0, 50, 100].map((value100) => {
        const what = headlineWith(score, sum - counted.value100 + value100);
        const at = formatExactDecimal(value100, 2, 0);
        return what
            ? `at ${at}: ${scoreText(what.result)} (raw ${what.result.raw}, from ${label(what.finding)})`
            : `at ${at}: —`;
    });
    return blocks(
        `Effect on the headline (now ${scoreText(current.result)} from ${label(current)}), with every other input unchanged:`,
        bullets(rows)
    );
}
