import type { AivssVersion, RoundingMode, Severity } from '../aivss/aivss-types.js';
import { DIAGNOSTIC_CODES, isDiagnosticCode } from '../validation/diagnostic-codes.js';

/**
 * `atm.config.json` at the workspace root: one file that the CLI and the language server read
 * the same way, so the editor and CI never disagree.
 */
export const ATM_CONFIG_FILE = 'atm.config.json';

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';

export type ExportFormat = 'card' | 'markdown' | 'html' | 'json' | 'sarif';

export interface AtmConfig {
    /** Formula version for files without an `aivss` header. */
    readonly aivss: AivssVersion;
    /** Rounding for files whose header does not say. */
    readonly rounding: RoundingMode;
    /** Per-code severity overrides. */
    readonly rules: Readonly<Partial<Record<string, RuleSeverity>>>;
    readonly export: {
        readonly format?: ExportFormat;
        /** The lowest band the SARIF export reports as a scored-threat result. */
        readonly minSeverity?: Severity;
    };
}

export const DEFAULT_CONFIG: AtmConfig = { aivss: '0.8', rounding: 'half_up', rules: {}, export: {} };

export interface ConfigProblem {
    /** A JSON-pointer-like path of the offending key, e.g. `rules.missing-layer`. */
    readonly path: string;
    readonly message: string;
}

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint', 'off'];
const FORMATS: readonly ExportFormat[] = ['card', 'markdown', 'html', 'json', 'sarif'];
const BANDS: readonly Severity[] = ['None', 'Low', 'Medium', 'High', 'Critical'];

/**
 * Parses the config text. Unknown or ill-typed keys are reported and ignored, never fatal:
 * a typo in the config must not switch off every check.
 */
export function parseAtmConfig(text: string): { config: AtmConfig; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        problems.push({ path: '', message: `not valid JSON: ${(error as Error).message}` });
        return { config: DEFAULT_CONFIG, problems };
    }
    if (!isObject(json)) {
        problems.push({ path: '', message: 'the configuration must be a JSON object' });
        return { config: DEFAULT_CONFIG, problems };
    }
    let { aivss, rounding } = DEFAULT_CONFIG;
    const rules: Record<string, RuleSeverity> = {};
    const exportOptions: { format?: ExportFormat; minSeverity?: Severity } = {};
    for (const [key, value] of Object.entries(json)) {
        switch (key) {
            case '$schema':
                break;
            case 'aivss':
                if (value === '0.8' || value === '0.5') aivss = value;
                else problems.push({ path: key, message: `expected "0.8" or "0.5", found ${JSON.stringify(value)}` });
                break;
            case 'rounding':
                if (value === 'half_up' || value === 'half_even') rounding = value;
                else problems.push({ path: key, message: `expected "half_up" or "half_even", found ${JSON.stringify(value)}` });
                break;
            case 'rules':
                parseRules(value, rules, problems);
                break;
            case 'export':
                parseExport(value, exportOptions, problems);
                break;
            default:
                problems.push({ path: key, message: `unknown key '${key}'` });
        }
    }
    return { config: { aivss, rounding, rules, export: exportOptions }, problems };
}

function parseRules(value: unknown, rules: Record<string, RuleSeverity>, problems: ConfigProblem[]): void {
    if (!isObject(value)) {
        problems.push({ path: 'rules', message: 'expected an object mapping diagnostic codes to severities' });
        return;
    }
    for (const [code, severity] of Object.entries(value)) {
        if (!isDiagnosticCode(code)) {
            problems.push({ path: `rules.${code}`, message: `unknown diagnostic code '${code}'` });
        } else if (!SEVERITIES.includes(severity as RuleSeverity)) {
            problems.push({ path: `rules.${code}`, message: `expected one of ${SEVERITIES.join(', ')}` });
        } else {
            rules[code] = severity as RuleSeverity;
        }
    }
}

function parseExport(
    value: unknown,
    options: { format?: ExportFormat; minSeverity?: Severity },
    problems: ConfigProblem[]
): void {
    if (!isObject(value)) {
        problems.push({ path: 'export', message: 'expected an object' });
        return;
    }
    for (const [key, option] of Object.entries(value)) {
        if (key === 'format' && FORMATS.includes(option as ExportFormat)) options.format = option as ExportFormat;
        else if (key === 'minSeverity' && BANDS.includes(option as Severity)) options.minSeverity = option as Severity;
        else problems.push({ path: `export.${key}`, message: `unknown key or value for '${key}'` });
    }
}

/** The severity a diagnostic code has under this configuration. */
export function severityFor(config: AtmConfig, code: string): RuleSeverity | undefined {
    const override = config.rules[code];
    if (override) return override;
    return isDiagnosticCode(code) ? DIAGNOSTIC_CODES[code].severity : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
