/**
 * `atm calc --cvss VECTOR|NUMBER (--factors f1,…,f10 | --factor-sum X) [--thm X | --exploit LEVEL]
 *  [--mf X | --mitigation LEVEL] [--aivss 0.8|0.5] [--rounding half_up|half_even] [--json]`
 *
 * The calculator: the same engine as the editor, with the formula printed with the values
 * substituted. Every argument is validated like the language validates a model.
 */
import type { AivssResult } from '../../language/aivss/aivss-types.js';
import { computeAivss } from '../../language/aivss/aivss-score.js';
import { formatScaled } from '../../language/aivss/decimal.js';
import { DEFAULT_MF100 } from '../../language/aivss/multipliers.js';
import { parseArgs, UsageError } from '../args.js';
import type { CalcInputs } from '../calc-inputs.js';
import { readCalcInputs } from '../calc-inputs.js';
import { loadConfig } from '../cli-services.js';
import type { CliIo } from '../output.js';
import { GLOBAL_OPTIONS, JSON_OPTIONS, wantsJson } from './common-options.js';

export const CALC_OPTIONS = [
    ...GLOBAL_OPTIONS,
    ...JSON_OPTIONS,
    { name: 'cvss', kind: 'value' },
    { name: 'factors', kind: 'value' },
    { name: 'factor-sum', kind: 'value' },
    { name: 'thm', kind: 'value' },
    { name: 'exploit', kind: 'value', choices: ['attacked', 'proof_of_concept', 'unreported'] },
    { name: 'mf', kind: 'value' },
    { name: 'mitigation', kind: 'value', choices: ['none', 'partial', 'strong'] },
    { name: 'aivss', kind: 'value', choices: ['0.8', '0.5'] },
    { name: 'rounding', kind: 'value', choices: ['half_up', 'half_even'] }
] as const;

export async function calcCommand(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, CALC_OPTIONS);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'; calc takes only options`);
    const json = wantsJson(args);
    const config = loadConfig(io, args.values.get('config'));
    const inputs = readCalcInputs(args, config);
    for (const warning of inputs.warnings) io.err(`atm calc: warning: ${warning}\n`);
    const result = computeAivss({
        version: inputs.version,
        rounding: inputs.rounding,
        cvss10: inputs.cvss10,
        factorSum100: inputs.factorSum100,
        thm100: inputs.thm100,
        mf100: inputs.mf100 ?? DEFAULT_MF100
    });
    io.out(json ? `${JSON.stringify(calcJson(inputs, result), null, 2)}\n` : renderFormula(inputs, result));
    return 0;
}

export function calcJson(inputs: CalcInputs, result: AivssResult): Record<string, unknown> {
    return {
        aivssVersion: inputs.version,
        rounding: inputs.rounding,
        cvss: inputs.cvss10 / 10,
        factorSum: inputs.factorSum100 / 100,
        threatMultiplier: inputs.thm100 / 100,
        mitigationFactor: inputs.mf100 === undefined ? null : inputs.mf100 / 100,
        aars: Number(result.aars),
        aivss: result.score10 / 10,
        severity: result.severity
    };
}

/** The formula of the version in force, with this calculation's values substituted. */
export function renderFormula(inputs: CalcInputs, result: AivssResult): string {
    const c = formatScaled(inputs.cvss10, 1);
    const f = formatScaled(inputs.factorSum100, 2);
    const t = formatScaled(inputs.thm100, 2);
    const round = inputs.rounding === 'half_up' ? 'RoundHalfUp' : 'RoundHalfEven';
    const score = `${formatScaled(result.score10, 1)} ${result.severity}`;
    const lines = [`AIVSS v${inputs.version} (rounding ${inputs.rounding})`];
    lines.push(`  CVSS_Base  = ${c}${inputs.vector ? `  (${inputs.vector.vector}, CVSS ${inputs.vector.version} base)` : ''}`);
    const factors = inputs.factors100 ? `  (${inputs.factors100.map((value) => formatScaled(value, 2)).join(' + ')})` : '';
    lines.push(`  Factor_Sum = ${f}${factors}`);
    lines.push(`  ThM        = ${t}  (${inputs.thmSource})`);
    if (inputs.version === '0.8') {
        const m = formatScaled(inputs.mf100 ?? DEFAULT_MF100, 2);
        const gap = formatScaled(100 - inputs.cvss10, 1);
        lines.push(`  MF         = ${m}  (${inputs.mfSource})`);
        lines.push(`  Risk_Gap   = 10 − ${c} = ${gap}`);
        lines.push(`  AARS       = Risk_Gap × (Factor_Sum / 10) × ThM = ${gap} × (${f} / 10) × ${t} = ${result.aars}`);
        lines.push(`  AIVSS_raw  = (CVSS_Base + AARS) × MF = (${c} + ${result.aars}) × ${m} = ${result.raw}`);
    } else {
        lines.push(`  MF         = none (AIVSS v0.5 has no mitigation factor)`);
        lines.push(`  AARS       = Factor_Sum = ${result.aars}  (in v0.5, AARS is the factor sum)`);
        lines.push(`  AIVSS_raw  = ((CVSS_Base + AARS) / 2) × ThM = ((${c} + ${result.aars}) / 2) × ${t} = ${result.raw}`);
    }
    const clamp = result.clamped ? ', clamped to 10' : '';
    lines.push(`  AIVSS      = ${round}(${result.raw}, 1)${clamp} = ${score}`);
    return `${lines.join('\n')}\n`;
}
