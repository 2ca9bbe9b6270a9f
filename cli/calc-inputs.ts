/**
 * The calculator's arguments, validated with the language's own rules (precision: a CVSS base
 * has one decimal, the others two; the same ranges; a 3.1 vector under v0.8 is an error). Each
 * failure is a UsageError naming the argument.
 */
import type { AivssVersion, ExploitLevel, MitigationLevel, RoundingMode } from '../language/aivss/aivss-types.js';
import type { CvssVectorInfo } from '../language/aivss/cvss-vector.js';
import { parseCvssVector } from '../language/aivss/cvss-vector.js';
import { parseDecimal } from '../language/aivss/decimal.js';
import {
    CVSS_BASE_DECIMALS, exploitMaturityThm100, exploitThm100, FACTOR_DECIMALS, isElevatedThm100,
    isValidCvss10, isValidFactor100, isValidMf100, isValidThm100, MF_DECIMALS, mitigationMf100, THM_DECIMALS,
    DEFAULT_MF100, DEFAULT_THM100
} from '../language/aivss/multipliers.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './args.js';

export interface CalcInputs {
    readonly version: AivssVersion;
    readonly rounding: RoundingMode;
    readonly cvss10: number;
    readonly vector: CvssVectorInfo | undefined;
    readonly factors100: readonly number[] | undefined;
    readonly factorSum100: number;
    readonly thm100: number;
    /** Where ThM came from, for the text output: `--thm`, `--exploit unreported`, `vector E:U`, `default`. */
    readonly thmSource: string;
    /** Undefined under v0.5, which has no mitigation factor. */
    readonly mf100: number | undefined;
    readonly mfSource: string;
    /** Non-fatal remarks for stderr (an elevated ThM, an ignored --mf under v0.5). */
    readonly warnings: readonly string[];
}

export function readCalcInputs(args: ParsedArgs, defaults: { aivss: AivssVersion; rounding: RoundingMode }): CalcInputs {
    const version = (args.values.get('aivss') as AivssVersion | undefined) ?? defaults.aivss;
    const rounding = (args.values.get('rounding') as RoundingMode | undefined) ?? defaults.rounding;
    const warnings: string[] = [];
    const { cvss10, vector } = readCvss(args, version, warnings);
    const { factors100, factorSum100 } = readFactors(args);
    const thm = readThm(args, version, vector, warnings);
    const mf = readMf(args, version, warnings);
    return { version, rounding, cvss10, vector, factors100, factorSum100, ...thm, ...mf, warnings };
}

function required(args: ParsedArgs, name: string): string {
    const value = args.values.get(name);
    if (value === undefined) throw new UsageError(`--${name} is required`);
    return value;
}

function exclusive(args: ParsedArgs, a: string, b: string): void {
    if (args.values.has(a) && args.values.has(b)) throw new UsageError(`--${a} and --${b} exclude each other; give one`);
}

function decimal(name: string, text: string, decimals: number, isValid: (scaled: number) => boolean, range: string): number {
    const parsed = parseDecimal(text, decimals);
    if (!parsed.ok) throw new UsageError(`--${name}: ${parsed.message}`);
    if (!isValid(parsed.scaled)) throw new UsageError(`--${name}: ${text} is outside ${range}`);
    return parsed.scaled;
}

function readCvss(args: ParsedArgs, version: AivssVersion, warnings: string[]): { cvss10: number; vector: CvssVectorInfo | undefined } {
    const text = required(args, 'cvss');
    if (!text.startsWith('CVSS:') && !/^cvss:/i.test(text) && /^-?[0-9.]+$/.test(text)) {
        return { cvss10: decimal('cvss', text, CVSS_BASE_DECIMALS, isValidCvss10, '0.0–10.0'), vector: undefined };
    }
    const parsed = parseCvssVector(text);
    if (!parsed.ok) {
        const error = parsed.errors[0]!;
        throw new UsageError(`--cvss: ${error.message} (at character ${error.offset + 1})`);
    }
    const vector = parsed.value;
    if (vector.version === '3.1') {
        if (version === '0.8') {
            throw new UsageError('--cvss: AIVSS v0.8 requires a CVSS v4.0 base score (§3.1.1) and this is a CVSS:3.1 vector; '
                + 'give a CVSS:4.0 vector, or --aivss 0.5 for the legacy formula');
        }
        warnings.push('--cvss: a CVSS v3.1 vector is accepted under the legacy AIVSS v0.5 formula only');
    }
    if (vector.ignoredMetrics.length > 0) {
        warnings.push(`--cvss: ${vector.ignoredMetrics.map((m) => `${m.metric}:${m.value}`).join(', ')} do not change the base score AIVSS uses`);
    }
    return { cvss10: vector.base10, vector };
}

function readFactors(args: ParsedArgs): { factors100: number[] | undefined; factorSum100: number } {
    exclusive(args, 'factors', 'factor-sum');
    const list = args.values.get('factors');
    if (list !== undefined) {
        const parts = list.split(',').map((part) => part.trim());
        if (parts.length !== 10) throw new UsageError(`--factors: expected 10 comma-separated values, got ${parts.length}`);
        const factors100 = parts.map((part, index) =>
            decimal('factors', part, FACTOR_DECIMALS, isValidFactor100, `0.0–1.0 (factor ${index + 1})`));
        return { factors100, factorSum100: factors100.reduce((sum, value) => sum + value, 0) };
    }
    const sum = args.values.get('factor-sum');
    if (sum === undefined) throw new UsageError('give the factors: --factors f1,…,f10 or --factor-sum X');
    return { factors100: undefined, factorSum100: decimal('factor-sum', sum, FACTOR_DECIMALS, (s) => s >= 0 && s <= 1000, '0.0–10.0') };
}

function readThm(
    args: ParsedArgs,
    version: AivssVersion,
    vector: CvssVectorInfo | undefined,
    warnings: string[]
): { thm100: number; thmSource: string } {
    exclusive(args, 'thm', 'exploit');
    const written = args.values.get('thm');
    const exploit = args.values.get('exploit') as ExploitLevel | undefined;
    if (written !== undefined) {
        const thm100 = decimal('thm', written, THM_DECIMALS, isValidThm100, 'the range above 0 and at most 1.5');
        if (isElevatedThm100(thm100)) warnings.push(`--thm: ${written} is above 1.0, an "elevated threat" estimate outside the spec`);
        return { thm100, thmSource: '--thm' };
    }
    if (exploit !== undefined) return { thm100: exploitThm100(exploit, version), thmSource: `--exploit ${exploit}` };
    if (vector?.exploitMaturity) {
        return { thm100: exploitMaturityThm100(vector.exploitMaturity, version), thmSource: `vector E:${vector.exploitMaturity}` };
    }
    return { thm100: DEFAULT_THM100, thmSource: 'default' };
}

function readMf(args: ParsedArgs, version: AivssVersion, warnings: string[]): { mf100: number | undefined; mfSource: string } {
    exclusive(args, 'mf', 'mitigation');
    const written = args.values.get('mf');
    const level = args.values.get('mitigation') as MitigationLevel | undefined;
    let mf100: number = DEFAULT_MF100;
    let mfSource = 'default';
    if (written !== undefined) {
        mf100 = decimal('mf', written, MF_DECIMALS, isValidMf100, 'the range above 0 and at most 1.0');
        mfSource = '--mf';
    } else if (level !== undefined) {
        mf100 = mitigationMf100(level);
        mfSource = `--mitigation ${level}`;
    }
    if (version === '0.5') {
        if (mfSource !== 'default') warnings.push(`${mfSource === '--mf' ? '--mf' : '--mitigation'} is ignored: AIVSS v0.5 has no mitigation factor`);
        return { mf100: undefined, mfSource: 'none (v0.5 has no mitigation factor)' };
    }
    return { mf100, mfSource };
}
