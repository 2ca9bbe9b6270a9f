/**
 * The shape of the CVSS metric catalogues (4.0 and 3.1). The vector parser validates against
 * them and completion and hover read the same data, so a value the editor offers is always one
 * the parser accepts. Metrics are listed in the order the CVSS specifications require in a
 * vector string.
 */

export type CvssVersion = '4.0' | '3.1';

/** 4.0 groups: base, threat, environmental, supplemental; 3.1: base, temporal, environmental. */
export type CvssMetricGroup = 'base' | 'threat' | 'environmental' | 'supplemental' | 'temporal';

export interface CvssMetricValue {
    /** The code in the vector (`N`, `H`, `Clear`). */
    readonly code: string;
    readonly name: string;
    /** What choosing this value asserts, in a short sentence. */
    readonly meaning: string;
}

export interface CvssMetricDef {
    /** The abbreviation in the vector (`AV`). */
    readonly metric: string;
    readonly name: string;
    readonly group: CvssMetricGroup;
    /** Base metrics must all be present; the other groups are optional. */
    readonly mandatory: boolean;
    readonly values: readonly CvssMetricValue[];
}

export interface CvssCatalog {
    readonly version: CvssVersion;
    /** `CVSS:4.0/`. */
    readonly prefix: string;
    /** In canonical vector order. */
    readonly metrics: readonly CvssMetricDef[];
}

/** Builds a value entry; keeps the catalogue tables one line per value. */
export function metricValue(code: string, name: string, meaning: string): CvssMetricValue {
    return { code, name, meaning };
}

/** The `X` every optional metric accepts. */
export const NOT_DEFINED: CvssMetricValue = metricValue(
    'X', 'Not Defined', 'Not assessed; the metric does not change the score.'
);

export function findMetric(catalog: CvssCatalog, metric: string): CvssMetricDef | undefined {
    return catalog.metrics.find(def => def.metric === metric);
}

export function findMetricValue(def: CvssMetricDef, code: string): CvssMetricValue | undefined {
    return def.values.find(value => value.code === code);
}

/** "N, L or H": the allowed codes of a metric as prose, for diagnostics. */
export function describeAllowedValues(def: CvssMetricDef): string {
    const codes = def.values.map(value => value.code);
    return codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
}
