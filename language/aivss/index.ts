/**
 * The AIVSS engine's public API: pure functions and data, no Langium, no VS Code. Hovers,
 * lenses, validation, the CLI and reports import from here.
 */
export type {
    AivssInputs, AivssResult, AivssVersion, ExploitLevel, MitigationLevel, RoundingMode, Severity
} from './aivss-types.js';
export { computeAivss, roundDiv, severityOf } from './aivss-score.js';
export type { DecimalParse } from './decimal.js';
export { formatExactDecimal, formatScaled, parseDecimal } from './decimal.js';
export type { CvssExploitMaturity } from './multipliers.js';
export {
    CVSS_BASE_DECIMALS, CVSS_MAX10, DEFAULT_MF100, DEFAULT_THM100, FACTOR_DECIMALS, FACTOR_MAX100,
    MF_DECIMALS, MF_MAX100, THM_DECIMALS, THM_MAX100,
    exploitLevelOfMaturity, exploitMaturityThm100, exploitThm100, isCanonicalFactor100,
    isCanonicalMf100, isCanonicalThm100, isElevatedThm100, isValidCvss10, isValidFactor100,
    isValidMf100, isValidThm100, mitigationMf100
} from './multipliers.js';
export type {
    FactorConcept, FactorConceptId, FactorKeyInfo, FactorKeyMembership, FactorKeySet, FactorRubric,
    MaestroLayerHint
} from './factor-keys.js';
export {
    FACTOR_CONCEPTS, FACTOR_KEYS, V05_FACTOR_KEYS, V08_FACTOR_KEYS, factorConceptOf, factorKeysOf,
    renameToV05, renameToV08, resolveKeySet, suggestFactorKey
} from './factor-keys.js';
export type {
    CvssCatalog, CvssMetricDef, CvssMetricGroup, CvssMetricValue, CvssVersion
} from './cvss-catalog.js';
export { describeAllowedValues, findMetric, findMetricValue } from './cvss-catalog.js';
export type {
    CvssDecodedMetric, CvssMetricSpan, CvssVectorError, CvssVectorInfo, CvssVectorParse
} from './cvss-vector.js';
export { CVSS_CATALOGS, parseCvssVector } from './cvss-vector.js';
