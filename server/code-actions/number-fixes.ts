import type { AstNode, CstNode } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { CVSS_MAX10, FACTOR_MAX100, MF_MAX100, THM_MAX100 } from '../../language/aivss/multipliers.js';
import { isCvssSetting, isExploitSetting, isFactorEntry, isMitigationSetting, isPublishedScore, isStrengthSetting } from '../../language/generated/ast.js';
import type { FixContext } from './code-action-support.js';
import { propertyNode, quickFix, replaceNode } from './code-action-support.js';

/** What a numeric input allows: its decimals and its range in units of 10^-decimals. */
interface NumberKind {
    readonly what: string;
    readonly decimals: number;
    readonly min: bigint;
    readonly max: bigint;
}

const FACTOR: NumberKind = { what: 'a factor', decimals: 2, min: 0n, max: BigInt(FACTOR_MAX100) };
// ThM and MF must be above 0: the nearest valid value to 0 is 0.01.
const THREAT_MULTIPLIER: NumberKind = { what: 'a threat multiplier', decimals: 2, min: 1n, max: BigInt(THM_MAX100) };
const MITIGATION_FACTOR: NumberKind = { what: 'a mitigation factor', decimals: 2, min: 1n, max: BigInt(MF_MAX100) };
const CVSS_BASE: NumberKind = { what: 'a CVSS base', decimals: 1, min: 0n, max: BigInt(CVSS_MAX10) };
const PUBLISHED_SCORE: NumberKind = { what: 'a published score', decimals: 1, min: 0n, max: 100n };

/** The number token a diagnostic points at, and the kind of input it is. */
function numberAt(context: FixContext): { token: CstNode; kind: NumberKind } | undefined {
    const node = context.node;
    if (!node) return undefined;
    const kind = kindOf(node);
    const property = isCvssSetting(node) ? 'base' : 'value';
    const token = kind ? propertyNode(node, property) : undefined;
    if (!kind || !token) return undefined;
    // A vector's `invalid-cvss` starts inside the string, not on a base number.
    const start = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    return start >= token.offset && start < token.end ? { token, kind } : undefined;
}

function kindOf(node: AstNode): NumberKind | undefined {
    if (isFactorEntry(node)) return FACTOR;
    if (isExploitSetting(node)) return THREAT_MULTIPLIER;
    if (isMitigationSetting(node) || isStrengthSetting(node)) return MITIGATION_FACTOR;
    if (isCvssSetting(node) && node.base !== undefined) return CVSS_BASE;
    if (isPublishedScore(node)) return PUBLISHED_SCORE;
    return undefined;
}

/**
 * Out-of-range values (`factor-out-of-range`, `threat-multiplier-out-of-range`,
 * `mitigation-out-of-range`, a CVSS base outside 0–10): the nearest valid value.
 */
export function clampFixes(context: FixContext): CodeAction[] {
    const target = numberAt(context);
    if (!target) return [];
    const { token, kind } = target;
    const scaled = toScaled(token.text, kind.decimals);
    if (scaled === undefined || (scaled >= kind.min && scaled <= kind.max)) return [];
    const bound = scaled < kind.min ? kind.min : kind.max;
    const text = formatScaled(bound, kind.decimals, decimalsOf(token.text));
    const which = bound === kind.max ? 'largest' : 'smallest';
    return [quickFix(`Clamp to ${text}, the ${which} valid value for ${kind.what}`, context, [replaceNode(token, text)], true)];
}

/**
 * `invalid-number` (too many decimals): rounded half up to the precision the input allows, and
 * into its range. Never preferred: rounding an input changes what the model says, so the user
 * chooses it.
 */
export function roundFixes(context: FixContext): CodeAction[] {
    const target = numberAt(context);
    if (!target) return [];
    const { token, kind } = target;
    const rounded = toScaled(token.text, kind.decimals);
    if (rounded === undefined) return [];
    const clamped = rounded < kind.min ? kind.min : rounded > kind.max ? kind.max : rounded;
    const text = formatScaled(clamped, kind.decimals, Math.min(decimalsOf(token.text), kind.decimals));
    if (text === token.text) return [];
    const places = kind.decimals === 1 ? '1 decimal' : `${kind.decimals} decimals`;
    return [quickFix(`Round to ${text} (${kind.what} has at most ${places})`, context, [replaceNode(token, text)])];
}

/** `text` × 10^decimals, rounded half up (away from zero) on the exact decimal digits. */
export function toScaled(text: string, decimals: number): bigint | undefined {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) return undefined;
    const [, sign, whole, fraction = ''] = match;
    const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
    let magnitude = BigInt(`${whole}${kept}`);
    if ((fraction.charAt(decimals) || '0') >= '5') magnitude += 1n;
    return sign === '-' ? -magnitude : magnitude;
}

/**
 * `scaled / 10^decimals` with at least `minDecimals` places (and at least one): trailing zeros
 * beyond those go, so 1.00 prints as written in the source (`1.0`, or `1.00` after a `1.50`).
 */
export function formatScaled(scaled: bigint, decimals: number, minDecimals: number): string {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    let fraction = digits.slice(digits.length - decimals);
    const keep = Math.max(1, Math.min(minDecimals, decimals));
    while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
    return `${negative ? '-' : ''}${whole}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

function decimalsOf(text: string): number {
    const point = text.indexOf('.');
    return point < 0 ? 0 : text.length - point - 1;
}
