import { describe, expect, test } from 'vitest';
import { formatExactDecimal, formatScaled, parseDecimal } from '../../language/aivss/decimal.js';

describe('parseDecimal', () => {
    test.each([
        ['7.8', 1, 78],
        ['0.97', 2, 97],
        ['1', 2, 100],
        ['0.5', 2, 50],
        ['10.0', 1, 100],
        ['-0.1', 1, -1],
        ['-3', 1, -30],
        ['007.5', 1, 75],
        ['0', 0, 0]
    ])('%s with %i decimals is %i', (text, decimals, scaled) => {
        expect(parseDecimal(text, decimals)).toEqual({ ok: true, scaled });
    });

    test('never returns negative zero', () => {
        const parsed = parseDecimal('-0.00', 2);
        expect(parsed.ok && Object.is(parsed.scaled, 0)).toBe(true);
    });

    test('more decimals than allowed is an error, never rounded', () => {
        expect(parseDecimal('0.125', 2)).toEqual({ ok: false, message: "'0.125' has 3 decimals; at most 2 are allowed" });
        expect(parseDecimal('9.35', 1)).toEqual({ ok: false, message: "'9.35' has 2 decimals; at most 1 is allowed" });
        // Trailing zeros are still precision the input claims.
        expect(parseDecimal('9.30', 1)).toEqual({ ok: false, message: "'9.30' has 2 decimals; at most 1 is allowed" });
        expect(parseDecimal('1.5', 0)).toEqual({ ok: false, message: "'1.5' has 1 decimals; no decimals are allowed" });
    });

    test.each(['', ' 1', '1 ', '+1', '.5', '5.', '1e3', '1,5', '0x10', '--1', '1.2.3', 'abc', '١'])(
        'rejects malformed %j',
        text => {
            expect(parseDecimal(text, 2)).toEqual({ ok: false, message: `'${text}' is not a decimal number` });
        }
    );

    test('rejects values beyond safe integers', () => {
        expect(parseDecimal('90071992547409.93', 2)).toEqual({ ok: false, message: "'90071992547409.93' is too large" });
    });
});

describe('formatScaled', () => {
    test.each([
        [78, 1, '7.8'],
        [97, 2, '0.97'],
        [-1, 1, '-0.1'],
        [100, 1, '10.0'],
        [0, 1, '0.0'],
        [5, 3, '0.005'],
        [-205, 2, '-2.05'],
        [42, 0, '42']
    ])('%i at %i decimals is %s', (scaled, decimals, text) => {
        expect(formatScaled(scaled, decimals)).toBe(text);
    });

    test('round-trips with parseDecimal', () => {
        for (const text of ['0.00', '1.25', '-9.99', '10.00', '123.45']) {
            const parsed = parseDecimal(text, 2);
            expect(parsed.ok && formatScaled(parsed.scaled, 2)).toBe(text);
        }
    });

    test('refuses non-integers', () => {
        expect(() => formatScaled(1.5, 1)).toThrow(RangeError);
    });
});

describe('formatExactDecimal', () => {
    test.each([
        [775_676_500, 8, 2, '7.756765'],
        [930_000_000, 8, 2, '9.30'],
        [930_000_000, 8, 1, '9.3'],
        [900_000_000, 8, 0, '9'],
        [45_500, 6, 2, '0.0455'],
        [0, 6, 2, '0.00'],
        [130, 2, 2, '1.30'],
        [-150, 3, 1, '-0.15'],
        [7, 0, 2, '7.00'],
        [78, 1, 2, '7.80']
    ])('%i at %i decimals, at least %i shown, is %s', (scaled, decimals, min, text) => {
        expect(formatExactDecimal(scaled, decimals, min)).toBe(text);
    });
});
