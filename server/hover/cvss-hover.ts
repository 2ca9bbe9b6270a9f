/**
 * Hover on a `cvss` setting: every metric of the vector decoded in words, the base score and
 * its version, what becomes ThM, what is ignored, and who uses the value; or the vector's
 * errors when it is invalid.
 */
import type { AivssVersion } from '../../language/aivss/aivss-types.js';
import { findMetric, findMetricValue } from '../../language/aivss/cvss-catalog.js';
import type { CvssVectorInfo } from '../../language/aivss/cvss-vector.js';
import { CVSS_CATALOGS, parseCvssVector } from '../../language/aivss/cvss-vector.js';
import { exploitMaturityThm100 } from '../../language/aivss/multipliers.js';
import type { CvssSetting } from '../../language/generated/ast.js';
import { isAgent } from '../../language/generated/ast.js';
import { readCvssBase } from '../../language/scoring/number-inputs.js';
import { blocks, bullets, code, table, text } from './markdown.js';
import { cvssText, multiplierText } from './score-text.js';

export function cvssHover(setting: CvssSetting, version: AivssVersion): string {
    const usage = usageLine(setting);
    if (setting.vector === undefined) {
        const reading = setting.base === undefined ? undefined : readCvssBase(setting.base);
        if (!reading?.ok) {
            return blocks(`**CVSS base** ${text(setting.base ?? '')} — invalid: ${text(reading && !reading.ok ? reading.message : 'no value')}.`, usage);
        }
        return blocks(`**CVSS base ${cvssText(reading.scaled)}**, written as a number (no vector, so no metrics and no \`E:\`).`, usage);
    }
    const parsed = parseCvssVector(setting.vector);
    if (!parsed.ok) {
        const errors = parsed.errors.map((error) => `at character ${error.offset + 1}: ${text(error.message)}`);
        return blocks('**Invalid CVSS vector** — it does not score until fixed:', bullets(errors), usage);
    }
    return blocks(vectorSummary(parsed.value, version), metricTable(parsed.value), vectorNotes(parsed.value, version), usage);
}

function vectorSummary(info: CvssVectorInfo, version: AivssVersion): string {
    const kind = info.version === '4.0' ? 'base-only score (CVSS-B)' : 'base score';
    const refused = info.version === '3.1' && version === '0.8'
        ? ' AIVSS v0.8 (§3.1.1) accepts only CVSS 4.0: this vector is not used for scoring.'
        : '';
    return `**CVSS ${info.version}** — ${kind} **${cvssText(info.base10)}**.${refused}`;
}

function metricTable(info: CvssVectorInfo): string {
    const catalog = CVSS_CATALOGS[info.version];
    const rows = info.metrics.map((metric) => {
        const def = findMetric(catalog, metric.metric);
        const value = def ? findMetricValue(def, metric.value) : undefined;
        return [
            `${code(metric.metric)} ${text(metric.metricName)}`,
            `${code(metric.value)} ${text(metric.valueName)}`,
            text(value?.meaning ?? ''),
            metric.group
        ];
    });
    return table(['Metric', 'Value', 'Meaning', 'Group'], rows);
}

function vectorNotes(info: CvssVectorInfo, version: AivssVersion): string {
    const notes: string[] = [];
    if (info.exploitMaturity) {
        const thm = exploitMaturityThm100(info.exploitMaturity, version);
        notes.push(`\`E:${info.exploitMaturity}\` becomes ThM ${multiplierText(thm)} (AIVSS v${version}) unless an \`exploit\` is written at the same level; the base stays the base-only score, so exploit maturity is not counted twice.`);
    }
    if (info.ignoredMetrics.length > 0) {
        notes.push(`${info.ignoredMetrics.map((m) => code(`${m.metric}:${m.value}`)).join(', ')} do not change the base score.`);
    }
    return bullets(notes);
}

function usageLine(setting: CvssSetting): string {
    const owner = setting.$container;
    if (isAgent(owner)) {
        const inheriting = owner.layers.flatMap((layer) => layer.threats).filter((threat) => threat.cvss.length === 0);
        return `Agent-level: scores the agent's own finding and is inherited by ${inheriting.length} threat${inheriting.length === 1 ? '' : 's'} without a \`cvss\` of their own.`;
    }
    return 'Threat-level: used by this threat only (it overrides the agent\'s `cvss`).';
}
