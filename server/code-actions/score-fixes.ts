import type { CodeAction } from 'vscode-languageserver';
import type { ExploitLevel } from '../../language/aivss/aivss-types.js';
import { parseCvssVector } from '../../language/aivss/cvss-vector.js';
import type { CvssExploitMaturity } from '../../language/aivss/multipliers.js';
import { isExploitSetting, isPublishedScore } from '../../language/generated/ast.js';
import { rangeInsideString } from '../../language/validation/source-range.js';
import type { FixContext } from './code-action-support.js';
import { dataString, propertyNode, quickFix, replaceNode } from './code-action-support.js';

/** A published score as the validator prints the recomputed one: one decimal, 0.0–10.0. */
const SCORE = /^(?:10|\d)\.\d$/;

/**
 * `published-score-mismatch`: the recomputed score (exact, from the integer engine, carried in
 * the diagnostic's data) replaces the published one. Preferred: a card's number must be the one
 * its own inputs give, and the inputs are what the model states.
 */
export function publishedScoreFixes(context: FixContext): CodeAction[] {
    const published = context.node && isPublishedScore(context.node) ? context.node : undefined;
    const recomputed = dataString(context, 'recomputed');
    const token = published ? propertyNode(published, 'value') : undefined;
    if (!token || !recomputed || !SCORE.test(recomputed) || token.text === recomputed) return [];
    return [quickFix(`Replace the published score ${token.text} with the recomputed ${recomputed}`, context, [replaceNode(token, recomputed)], true)];
}

const LEVELS: readonly ExploitLevel[] = ['attacked', 'proof_of_concept', 'unreported'];
const MATURITY: Readonly<Record<ExploitLevel, CvssExploitMaturity>> = { attacked: 'A', proof_of_concept: 'P', unreported: 'U' };

function isLevel(value: string | undefined): value is ExploitLevel {
    return LEVELS.some((level) => level === value);
}

/**
 * `exploit-contradicts-vector`: write the vector's level as the exploit, or the exploit's level
 * into the vector's `E:`. Neither is preferred: which of the two is out of date is the user's
 * call. The second is offered only when the exploit is one of the levels (a number such as 0.9
 * has no `E:` value).
 */
export function exploitVectorFixes(context: FixContext): CodeAction[] {
    const exploit = context.node && isExploitSetting(context.node) ? context.node : undefined;
    const vectorLevel = dataString(context, 'vectorLevel');
    const writtenLevel = dataString(context, 'writtenLevel');
    const token = exploit ? (propertyNode(exploit, 'level') ?? propertyNode(exploit, 'value')) : undefined;
    if (!exploit || !token || !isLevel(vectorLevel)) return [];
    const actions = [quickFix(`Change exploit to ${vectorLevel} (E:${MATURITY[vectorLevel]} in the CVSS vector)`, context, [replaceNode(token, vectorLevel)])];
    const setting = exploit.$container.cvss[0];
    const vector = setting?.vector;
    const parsed = vector === undefined ? undefined : parseCvssVector(vector);
    const metric = parsed?.ok ? parsed.value.metrics.find((m) => m.metric === 'E') : undefined;
    if (isLevel(writtenLevel) && setting && metric) {
        const maturity = MATURITY[writtenLevel];
        // Only the value after `E:` changes; the rest of the vector is left as written.
        const range = rangeInsideString(setting, 'vector', metric.offset + 2, metric.length - 2);
        if (range) actions.push(quickFix(`Change the vector's E:${metric.value} to E:${maturity} (exploit ${writtenLevel})`, context, [{ range, newText: maturity }]));
    }
    return actions;
}
