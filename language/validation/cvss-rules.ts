import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import { parseCvssVector } from '../aivss/cvss-vector.js';
import type { Agent, CvssSetting } from '../generated/ast.js';
import { isAgent } from '../generated/ast.js';
import type { ModelScorer } from '../scoring/model-scorer.js';
import { readCvssBase } from '../scoring/number-inputs.js';
import { report } from './report.js';
import { rangeInsideString } from './source-range.js';

/**
 * A `cvss` line: a well-formed 4.0 or 3.1 vector (each problem pointed at its metric), a
 * version the formula accepts, or a base number in 0–10 with one decimal.
 */
export function cvssMustBeValid(scorer: ModelScorer) {
    return (setting: CvssSetting, accept: ValidationAcceptor): void => {
        if (setting.base !== undefined) {
            const reading = readCvssBase(setting.base);
            if (!reading.ok) report(accept, reading.code, reading.message, { node: setting, property: 'base' });
            return;
        }
        if (setting.vector === undefined) return;
        const parsed = parseCvssVector(setting.vector);
        if (!parsed.ok) {
            for (const error of parsed.errors) {
                const range = rangeInsideString(setting, 'vector', error.offset, error.length);
                report(accept, 'invalid-cvss', error.message, range ? { node: setting, range } : { node: setting, property: 'vector' });
            }
            return;
        }
        const { version: cvssVersion, ignoredMetrics } = parsed.value;
        const agent = AstUtils.getContainerOfType(setting, isAgent);
        const aivssVersion = agent ? scorer.versionOf(agent) : '0.8';
        if (cvssVersion === '3.1') {
            const prefix = rangeInsideString(setting, 'vector', 0, 'CVSS:3.1'.length);
            const target = prefix ? { node: setting, range: prefix } : { node: setting, property: 'vector' as const };
            if (aivssVersion === '0.8') {
                report(
                    accept,
                    'cvss-version-mismatch',
                    'AIVSS v0.8 takes CVSS v4.0 base scores only (§3.1.1): rewrite this CVSS 3.1 vector in 4.0, or score the model with `aivss 0.5`',
                    target
                );
            } else {
                report(accept, 'legacy-cvss-version', 'CVSS 3.1 vector under the legacy AIVSS v0.5 formula; v0.8 needs CVSS 4.0', target);
            }
        }
        if (ignoredMetrics.length > 0) {
            const first = ignoredMetrics[0]!;
            const last = ignoredMetrics[ignoredMetrics.length - 1]!;
            const range = rangeInsideString(setting, 'vector', first.offset, last.offset + last.length - first.offset);
            const names = ignoredMetrics.map((m) => `${m.metric}:${m.value}`).join(', ');
            report(
                accept,
                'cvss-metrics-ignored',
                `${names} do${ignoredMetrics.length === 1 ? 'es' : ''} not change the base score AIVSS uses`,
                range ? { node: setting, range } : { node: setting, property: 'vector' }
            );
        }
    };
}

/** Without a CVSS base somewhere, scores are incomplete: say so once per agent, on its name. */
export function agentShouldHaveCvss(agent: Agent, accept: ValidationAcceptor): void {
    if (agent.cvss.length > 0) return;
    const threats = agent.layers.flatMap((layer) => layer.threats);
    const without = threats.filter((threat) => threat.cvss.length === 0);
    if (threats.length > 0 && without.length === 0) return;
    const which =
        threats.length === 0
            ? 'its score is incomplete'
            : `its own score and ${without.length} of ${threats.length} threat${threats.length === 1 ? '' : 's'} are incomplete`;
    report(accept, 'missing-cvss', `Agent '${agent.name}' has no CVSS base, so ${which}; add a cvss vector`, { node: agent, property: 'name' });
}
