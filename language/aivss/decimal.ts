/**
 * Exact decimal text ⇄ scaled integers. AIVSS inputs are short decimals (one or two places) and
 * every score is an exact ratio with a power-of-ten denominator, so plain integers carry them
 * without the drift of binary floating point (`(1.45).toFixed(1)` is "1.4").
 */

export type DecimalParse =
    | { readonly ok: true; readonly scaled: number }
    | { readonly ok: false; readonly message: string };

/** Optional minus, digits, optional fraction; no exponent, no '+', no bare '.5' or '5.'. */
const DECIMAL_SYNTAX = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses `text` as an exact decimal and returns its value × 10^maxDecimals as an integer.
 * More fraction digits than `maxDecimals` is an error even when they are zeros ("9.30" for a
 * one-decimal CVSS base): precision is part of the input and is never rounded away silently.
 */
export function parseDecimal(text: string, maxDecimals: number): DecimalParse {
    const match = DECIMAL_SYNTAX.exec(text);
    if (!match) {
        return { ok: false, message: `'${text}' is not a decimal number` };
    }
    const [, sign, whole, fraction = ''] = match;
    if (fraction.length > maxDecimals) {
        return {
            ok: false,
            message: `'${text}' has ${fraction.length} decimals; ${allowedDecimals(maxDecimals)}`
        };
    }
    const digits = `${whole}${fraction.padEnd(maxDecimals, '0')}`;
    const magnitude = Number(digits);
    if (!Number.isSafeInteger(magnitude)) {
        return { ok: false, message: `'${text}' is too large` };
    }
    // `0 * -1` would be -0, which prints and compares oddly downstream.
    const scaled = sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
    return { ok: true, scaled };
}

function allowedDecimals(maxDecimals: number): string {
    if (maxDecimals === 0) {
        return 'no decimals are allowed';
    }
    return maxDecimals === 1 ? 'at most 1 is allowed' : `at most ${maxDecimals} are allowed`;
}

/** `scaled / 10^decimals` as an exact decimal string with exactly `decimals` places. */
export function formatScaled(scaled: number, decimals: number): string {
    assertSafeInteger(scaled, 'scaled');
    const negative = scaled < 0;
    const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
    const cut = digits.length - decimals;
    const body = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    return negative ? `-${body}` : body;
}

/**
 * `scaled / 10^decimals` as an exact decimal string, trailing zeros trimmed but keeping at least
 * `minDecimals` places (7.75676500 → "7.756765", 9.30000000 → "9.30" with minDecimals 2).
 */
export function formatExactDecimal(scaled: number, decimals: number, minDecimals: number): string {
    if (decimals <= minDecimals) {
        return formatScaled(scaled * 10 ** (minDecimals - decimals), minDecimals);
    }
    const full = formatScaled(scaled, decimals);
    const point = full.indexOf('.');
    let end = full.length;
    while (end > point + 1 + minDecimals && full[end - 1] === '0') {
        end--;
    }
    // With minDecimals 0 a fully trimmed fraction leaves a dangling point.
    return full[end - 1] === '.' ? full.slice(0, end - 1) : full.slice(0, end);
}

function assertSafeInteger(value: number, name: string): void {
    if (!Number.isSafeInteger(value)) {
        throw new RangeError(`${name} must be a safe integer, got ${value}`);
    }
}
