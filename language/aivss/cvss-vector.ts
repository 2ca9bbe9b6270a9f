/**
 * Strict CVSS 4.0 / 3.1 vector parsing, then base scoring through `ae-cvss-calculator`. The
 * library accepts metrics in any order and scores partial vectors as 0, so every syntax rule is
 * checked here first and reported with the exact span of the offending `METRIC:VALUE`.
 */
import cvssCalculator from 'ae-cvss-calculator';
import type { CvssCatalog, CvssMetricDef, CvssMetricGroup, CvssVersion } from './cvss-catalog.js';
import { describeAllowedValues, findMetric, findMetricValue } from './cvss-catalog.js';
import { CVSS31_CATALOG } from './cvss31-metrics.js';
import { cvss40BaseScore10 } from './cvss40-base-index.js';
import { CVSS40_CATALOG } from './cvss40-metrics.js';
import { CVSS_BASE_DECIMALS } from './multipliers.js';
import type { CvssExploitMaturity } from './multipliers.js';
import { parseDecimal } from './decimal.js';
import { boundedMemo } from '../bounded-memo.js';

// The package is CommonJS without a default export; a default import is module.exports under
// Node ESM, vitest and esbuild (package "type": "module" puts esbuild in Node interop mode).
// Its classes are read where they are used, not here: the bundles load the library only then
// (esbuild.mjs, lazy-cvss-calculator.cjs), as most models have no vector that needs it.

export const CVSS_CATALOGS: Readonly<Record<CvssVersion, CvssCatalog>> = {
    '4.0': CVSS40_CATALOG,
    '3.1': CVSS31_CATALOG
};

/** A problem in the vector text; offset and length are relative to the vector (no quotes). */
export interface CvssVectorError {
    readonly message: string;
    readonly offset: number;
    /** 0 for a missing metric: the offset is where it belongs. */
    readonly length: number;
}

export interface CvssMetricSpan {
    readonly metric: string;
    readonly value: string;
    readonly offset: number;
    readonly length: number;
}

export interface CvssDecodedMetric extends CvssMetricSpan {
    readonly metricName: string;
    readonly valueName: string;
    readonly group: CvssMetricGroup;
}

export interface CvssVectorInfo {
    readonly version: CvssVersion;
    readonly vector: string;
    /** Base score × 10; for 4.0 the base-only CVSS-B score, whatever threat metrics say. */
    readonly base10: number;
    /** The 4.0 `E` metric when it is A, P or U; it becomes ThM instead of entering the base. */
    readonly exploitMaturity?: CvssExploitMaturity;
    /** Metrics that do not change the base score (all but base metrics and 4.0's `E`). */
    readonly ignoredMetrics: readonly CvssMetricSpan[];
    /** Every metric in text order, decoded for hovers. */
    readonly metrics: readonly CvssDecodedMetric[];
}

export type CvssVectorParse =
    | { readonly ok: true; readonly value: CvssVectorInfo }
    | { readonly ok: false; readonly errors: readonly CvssVectorError[] };

interface Segment {
    readonly text: string;
    readonly offset: number;
}

interface SyntaxCheck {
    readonly errors: CvssVectorError[];
    readonly metrics: CvssDecodedMetric[];
}

/**
 * Parses are memoised by vector text: one vector is read by scoring, by validation, by hovers
 * and by every threat that inherits it, on every rebuild after every keystroke, while the
 * vectors themselves rarely change. Results are immutable. Bounded (oldest out first) so a long
 * editing session cannot grow it without limit; it holds every vector of a 100k-line model.
 */
const MEMO_LIMIT = 10_000;
const memoisedParse = boundedMemo(MEMO_LIMIT, parseUncached);

/** Parses, validates and scores a CVSS 4.0 or 3.1 vector. */
export function parseCvssVector(text: string): CvssVectorParse {
    return memoisedParse(text);
}

function parseUncached(text: string): CvssVectorParse {
    const lexical = checkCharacters(text);
    if (lexical.length > 0) {
        return { ok: false, errors: lexical };
    }
    const segments = splitSegments(text);
    const prefix = segments[0];
    const catalog = catalogForPrefix(prefix);
    if (!('version' in catalog)) {
        return { ok: false, errors: [catalog] };
    }
    const { errors, metrics } = checkMetrics(catalog, segments.slice(1), text.length);
    if (errors.length > 0) {
        return { ok: false, errors };
    }
    // 4.0 base scores come from a table the library itself computed (cvss40-base-index.ts).
    const base10 = (catalog.version === '4.0' ? cvss40BaseScore10(metrics) : undefined) ?? scoreBase(catalog.version, text);
    if (typeof base10 !== 'number') {
        return { ok: false, errors: [base10] };
    }
    const maturity = catalog.version === '4.0' ? metrics.find(m => m.metric === 'E')?.value : undefined;
    const ignoredMetrics = metrics
        .filter(m => m.group !== 'base' && !(catalog.version === '4.0' && m.metric === 'E'))
        .map(({ metric, value, offset, length }) => ({ metric, value, offset, length }));
    const value: CvssVectorInfo = {
        version: catalog.version,
        vector: text,
        base10,
        ignoredMetrics,
        metrics,
        ...(isExploitMaturity(maturity) ? { exploitMaturity: maturity } : {})
    };
    return { ok: true, value };
}

function isExploitMaturity(value: string | undefined): value is CvssExploitMaturity {
    return value === 'A' || value === 'P' || value === 'U';
}

/** Whitespace and stray characters, one error per run; nothing else is checked after them. */
function checkCharacters(text: string): CvssVectorError[] {
    if (text.length === 0) {
        return [{ message: 'CVSS vector is empty', offset: 0, length: 0 }];
    }
    const errors: CvssVectorError[] = [];
    for (const match of text.matchAll(/[^A-Za-z0-9.:/]+/g)) {
        const run = match[0];
        const message = /^\s+$/.test(run)
            ? 'CVSS vector must not contain whitespace'
            : `CVSS vector contains unexpected character '${[...run][0]}'`;
        errors.push({ message, offset: match.index, length: run.length });
    }
    return errors;
}

function splitSegments(text: string): Segment[] {
    const segments: Segment[] = [];
    let offset = 0;
    for (const part of text.split('/')) {
        segments.push({ text: part, offset });
        offset += part.length + 1;
    }
    return segments;
}

function catalogForPrefix(prefix: Segment): CvssCatalog | CvssVectorError {
    const span = { offset: prefix.offset, length: prefix.text.length };
    if (prefix.text.startsWith('CVSS:')) {
        const version = prefix.text.slice('CVSS:'.length);
        if (version === '4.0' || version === '3.1') {
            return CVSS_CATALOGS[version];
        }
        return { message: `CVSS version '${version}' is not supported; write a CVSS:4.0 (or, under AIVSS 0.5, CVSS:3.1) vector`, ...span };
    }
    if (/^cvss:/i.test(prefix.text)) {
        return { message: `CVSS vector prefix '${prefix.text}' must be upper case: 'CVSS:${prefix.text.slice(5)}'`, ...span };
    }
    return { message: 'CVSS vector must start with \'CVSS:4.0/\' or \'CVSS:3.1/\'', ...span };
}

/** Checks every `METRIC:VALUE`, then the order, then the mandatory base metrics. */
function checkMetrics(catalog: CvssCatalog, segments: readonly Segment[], end: number): SyntaxCheck {
    const label = `CVSS ${catalog.version}`;
    const errors: CvssVectorError[] = [];
    const metrics: CvssDecodedMetric[] = [];
    const present = new Map<string, number>();
    let latest: { index: number; metric: string } | undefined;
    for (const segment of segments) {
        const span = { offset: segment.offset, length: segment.text.length };
        if (segment.text.length === 0) {
            // Point at the slash that opens the empty component.
            errors.push({ message: 'CVSS vector has an empty component (\'//\' or a trailing \'/\')', offset: segment.offset - 1, length: 1 });
            continue;
        }
        const parts = segment.text.split(':');
        if (parts.length !== 2 || parts[0].length === 0 || parts[1].length === 0) {
            errors.push({ message: `${label} component '${segment.text}' is not of the form METRIC:VALUE`, ...span });
            continue;
        }
        const [metric, value] = parts;
        const def = findMetric(catalog, metric);
        if (def === undefined) {
            errors.push({ message: unknownMetricMessage(catalog, metric), ...span });
            continue;
        }
        if (present.has(metric)) {
            errors.push({ message: `${label} metric '${metric}' appears more than once`, ...span });
            continue;
        }
        const index = catalog.metrics.indexOf(def);
        present.set(metric, segment.offset);
        if (latest !== undefined && index < latest.index) {
            errors.push({ message: `${label} metric '${metric}' is out of order: it must come before '${latest.metric}'`, ...span });
        } else {
            latest = { index, metric };
        }
        const decoded = findMetricValue(def, value);
        if (decoded === undefined) {
            errors.push({ message: `${label} metric '${metric}' has unknown value '${value}' (expected ${describeAllowedValues(def)})`, ...span });
            continue;
        }
        metrics.push({ metric, value, metricName: def.name, valueName: decoded.name, group: def.group, ...span });
    }
    for (const def of catalog.metrics) {
        if (def.mandatory && !present.has(def.metric)) {
            const offset = insertionOffset(catalog, def, present, end);
            errors.push({ message: `${label} vector is missing the mandatory base metric '${def.metric}'`, offset, length: 0 });
        }
    }
    return { errors, metrics };
}

function unknownMetricMessage(catalog: CvssCatalog, metric: string): string {
    const label = `CVSS ${catalog.version}`;
    const upper = metric.toUpperCase();
    if (upper !== metric && findMetric(catalog, upper) !== undefined) {
        return `${label} metric names are upper case: '${metric}' should be '${upper}'`;
    }
    return `${label} has no metric '${metric}'`;
}

/** Where a missing metric belongs: before the first later metric in the text, else at the end. */
function insertionOffset(
    catalog: CvssCatalog,
    missing: CvssMetricDef,
    present: ReadonlyMap<string, number>,
    end: number
): number {
    const missingIndex = catalog.metrics.indexOf(missing);
    let offset = end;
    for (const [metric, at] of present) {
        const def = findMetric(catalog, metric);
        if (def !== undefined && catalog.metrics.indexOf(def) > missingIndex && at < offset) {
            offset = at;
        }
    }
    return offset;
}

/** The library's base score × 10, read from its one-decimal string form (no float rounding). */
function scoreBase(version: CvssVersion, vector: string): number | CvssVectorError {
    const failure = { offset: 0, length: vector.length };
    let score: number | undefined;
    try {
        score = version === '4.0'
            ? new cvssCalculator.Cvss4P0(vector).calculateScores().baseMetricsOnly
            : new cvssCalculator.Cvss3P1(vector).calculateScores().base;
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { message: `CVSS ${version} vector could not be scored: ${reason}`, ...failure };
    }
    if (score === undefined) {
        return { message: `CVSS ${version} vector has no base score`, ...failure };
    }
    const parsed = parseDecimal(String(score), CVSS_BASE_DECIMALS);
    if (!parsed.ok) {
        return { message: `CVSS ${version} calculator returned an unexpected score ${score}`, ...failure };
    }
    return parsed.scaled;
}
