import { describe, expect, test } from 'vitest';
import type { CvssVectorError, CvssVectorInfo } from '../../language/aivss/cvss-vector.js';
import { CVSS_CATALOGS, parseCvssVector } from '../../language/aivss/cvss-vector.js';

// Offsets: 'CVSS:4.0/' is 9 characters, then one 5-character METRIC:VALUE segment per metric.
// AV 9, AC 14, AT 19, PR 24, UI 29, VC 34, VI 39, VA 44, SC 49, SI 54, SA 59; length 63.
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

function ok(text: string): CvssVectorInfo {
    const parsed = parseCvssVector(text);
    if (!parsed.ok) {
        throw new Error(`expected ${text} to parse: ${parsed.errors.map(e => e.message).join('; ')}`);
    }
    return parsed.value;
}

function errors(text: string): readonly CvssVectorError[] {
    const parsed = parseCvssVector(text);
    if (parsed.ok) {
        throw new Error(`expected ${text} to fail`);
    }
    return parsed.errors;
}

describe('valid vectors', () => {
    test('a 4.0 base vector scores 9.3 with every metric decoded', () => {
        const info = ok(V40);
        expect(info.version).toBe('4.0');
        expect(info.vector).toBe(V40);
        expect(info.base10).toBe(93);
        expect(info.exploitMaturity).toBeUndefined();
        expect(info.ignoredMetrics).toEqual([]);
        expect(info.metrics).toHaveLength(11);
        expect(info.metrics[0]).toEqual({ metric: 'AV', value: 'N', metricName: 'Attack Vector', valueName: 'Network', group: 'base', offset: 9, length: 4 });
        expect(info.metrics[5]).toMatchObject({ metric: 'VC', valueName: 'High', offset: 34 });
        expect(info.metrics[10]).toMatchObject({ metric: 'SA', metricName: 'Subsequent System Availability Impact', offset: 59 });
    });

    test('E:U becomes the exploit maturity and the base stays base-only (9.3, not 8.1)', () => {
        const info = ok(`${V40}/E:U`);
        expect(info.base10).toBe(93);
        expect(info.exploitMaturity).toBe('U');
        expect(info.ignoredMetrics).toEqual([]);
    });

    test.each([['A', 'A'], ['P', 'P']] as const)('E:%s is exploit maturity %s', (value, maturity) => {
        expect(ok(`${V40}/E:${value}`).exploitMaturity).toBe(maturity);
    });

    test('E:X is no exploit maturity, and not an ignored metric', () => {
        const info = ok(`${V40}/E:X`);
        expect(info.exploitMaturity).toBeUndefined();
        expect(info.ignoredMetrics).toEqual([]);
    });

    test('environmental and supplemental metrics are listed as ignored and do not change the base', () => {
        const text = `${V40}/E:A/CR:H/MAV:L/MSI:S/S:P/AU:Y/U:Red`;
        const info = ok(text);
        expect(info.base10).toBe(93);
        expect(info.exploitMaturity).toBe('A');
        expect(info.ignoredMetrics).toEqual([
            { metric: 'CR', value: 'H', offset: 68, length: 4 },
            { metric: 'MAV', value: 'L', offset: 73, length: 5 },
            { metric: 'MSI', value: 'S', offset: 79, length: 5 },
            { metric: 'S', value: 'P', offset: 85, length: 3 },
            { metric: 'AU', value: 'Y', offset: 89, length: 4 },
            { metric: 'U', value: 'Red', offset: 94, length: 5 }
        ]);
        expect(text.slice(94, 99)).toBe('U:Red');
        expect(info.metrics.find(m => m.metric === 'U')?.valueName).toBe('Red');
    });

    test('environmental metrics that would change the full score leave CVSS-B alone', () => {
        expect(ok(`${V40}/MAV:P/MVC:N/MVI:N/MVA:N`).base10).toBe(93);
    });

    test('3.1 vectors parse and score; temporal and environmental metrics are ignored', () => {
        const info = ok(V31);
        expect([info.version, info.base10, info.exploitMaturity]).toEqual(['3.1', 98, undefined]);
        const full = ok(`${V31}/E:U/RL:O/RC:C/CR:L/MAV:P/MC:N`);
        expect(full.base10).toBe(98);
        expect(full.exploitMaturity).toBeUndefined();
        expect(full.ignoredMetrics.map(m => m.metric)).toEqual(['E', 'RL', 'RC', 'CR', 'MAV', 'MC']);
        expect(ok('CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N').base10).toBe(23); // 1.08 × (1.43632 + 0.61666) = 2.217 → round up 2.3
    });

    test('a zero-impact 4.0 vector scores 0.0', () => {
        expect(ok('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N').base10).toBe(0);
    });
});

describe('errors point at the exact offending text', () => {
    test('unknown value', () => {
        expect(errors(V40.replace('VC:H', 'VC:X'))).toEqual([
            { message: "CVSS 4.0 metric 'VC' has unknown value 'X' (expected N, L or H)", offset: 34, length: 4 }
        ]);
    });

    test('Safety is not a base value for SC', () => {
        expect(errors(V40.replace('SC:N', 'SC:S'))).toEqual([
            { message: "CVSS 4.0 metric 'SC' has unknown value 'S' (expected N, L or H)", offset: 49, length: 4 }
        ]);
    });

    test('missing mandatory metric: a zero-length span where it belongs', () => {
        expect(errors(V40.replace('AT:N/', ''))).toEqual([
            { message: "CVSS 4.0 vector is missing the mandatory base metric 'AT'", offset: 19, length: 0 }
        ]);
        const noSa = V40.replace('/SA:N', '');
        expect(errors(noSa)).toEqual([
            { message: "CVSS 4.0 vector is missing the mandatory base metric 'SA'", offset: noSa.length, length: 0 }
        ]);
    });

    test('every base metric missing from a bare prefix', () => {
        const all = errors('CVSS:4.0');
        expect(all.map(e => e.message.slice(-4))).toEqual(
            ["'AV'", "'AC'", "'AT'", "'PR'", "'UI'", "'VC'", "'VI'", "'VA'", "'SC'", "'SI'", "'SA'"]);
        expect(all.every(e => e.offset === 8 && e.length === 0)).toBe(true);
    });

    test('duplicate metric', () => {
        expect(errors(`${V40}/AV:L`)).toEqual([
            { message: "CVSS 4.0 metric 'AV' appears more than once", offset: 64, length: 4 }
        ]);
    });

    test('out of order within the base group', () => {
        expect(errors('CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual([
            { message: "CVSS 4.0 metric 'AV' is out of order: it must come before 'AC'", offset: 14, length: 4 }
        ]);
    });

    test('out of order across groups: threat before supplemental', () => {
        expect(errors(`${V40}/S:P/E:A`)).toEqual([
            { message: "CVSS 4.0 metric 'E' is out of order: it must come before 'S'", offset: 68, length: 3 }
        ]);
    });

    test('unknown metric, and a metric name in the wrong case', () => {
        expect(errors(`${V40}/XX:N`)).toEqual([
            { message: "CVSS 4.0 has no metric 'XX'", offset: 64, length: 4 }
        ]);
        expect(errors(V40.replace('AV:N', 'av:N'))).toEqual([
            { message: "CVSS 4.0 metric names are upper case: 'av' should be 'AV'", offset: 9, length: 4 },
            { message: "CVSS 4.0 vector is missing the mandatory base metric 'AV'", offset: 14, length: 0 }
        ]);
    });

    test('lowercase values are unknown values', () => {
        expect(errors(V40.replace('AV:N', 'AV:n'))).toEqual([
            { message: "CVSS 4.0 metric 'AV' has unknown value 'n' (expected N, A, L or P)", offset: 9, length: 4 }
        ]);
    });

    test('a base metric cannot be X (not defined)', () => {
        expect(errors(V40.replace('AV:N', 'AV:X'))[0]?.message).toBe("CVSS 4.0 metric 'AV' has unknown value 'X' (expected N, A, L or P)");
    });

    test('a 3.1-only metric in a 4.0 vector', () => {
        expect(errors(`${V40}/RL:O`)).toEqual([{ message: "CVSS 4.0 has no metric 'RL'", offset: 64, length: 4 }]);
    });

    test('3.1 errors are labelled 3.1', () => {
        expect(errors(V31.replace('S:U', 'S:X'))).toEqual([
            { message: "CVSS 3.1 metric 'S' has unknown value 'X' (expected U or C)", offset: 29, length: 3 }
        ]);
        expect(errors(V31.replace('/S:U', ''))).toEqual([
            { message: "CVSS 3.1 vector is missing the mandatory base metric 'S'", offset: 29, length: 0 }
        ]);
    });

    test('malformed components', () => {
        expect(errors(V40.replace('AV:N', 'AVN'))[0]).toEqual(
            { message: "CVSS 4.0 component 'AVN' is not of the form METRIC:VALUE", offset: 9, length: 3 });
        expect(errors(V40.replace('AV:N', 'AV:N:N'))[0]).toEqual(
            { message: "CVSS 4.0 component 'AV:N:N' is not of the form METRIC:VALUE", offset: 9, length: 6 });
        expect(errors(V40.replace('AV:N', 'AV:'))[0]).toEqual(
            { message: "CVSS 4.0 component 'AV:' is not of the form METRIC:VALUE", offset: 9, length: 3 });
    });

    test('empty components: a doubled or trailing slash', () => {
        expect(errors(V40.replace('AV:N/', 'AV:N//'))).toEqual([
            // The slash that opens the empty component.
            { message: "CVSS vector has an empty component ('//' or a trailing '/')", offset: 13, length: 1 }
        ]);
        expect(errors(`${V40}/`)).toEqual([
            { message: "CVSS vector has an empty component ('//' or a trailing '/')", offset: 63, length: 1 }
        ]);
    });

    test('whitespace anywhere is rejected at the whitespace', () => {
        expect(errors(` ${V40}`)).toEqual([{ message: 'CVSS vector must not contain whitespace', offset: 0, length: 1 }]);
        expect(errors(`${V40}\n`)).toEqual([{ message: 'CVSS vector must not contain whitespace', offset: 63, length: 1 }]);
        expect(errors(V40.replace('AV:N/', 'AV:N  /'))).toEqual([
            { message: 'CVSS vector must not contain whitespace', offset: 13, length: 2 }
        ]);
        expect(errors(V40.replace('AV:N', 'AV: N'))).toEqual([
            { message: 'CVSS vector must not contain whitespace', offset: 12, length: 1 }
        ]);
    });

    test('other stray characters', () => {
        expect(errors(V40.replace('AV:N', 'AV=N'))).toEqual([
            { message: "CVSS vector contains unexpected character '='", offset: 11, length: 1 }
        ]);
        expect(errors(`(${V40})`).map(e => e.offset)).toEqual([0, 64]);
    });

    test('empty text', () => {
        expect(errors('')).toEqual([{ message: 'CVSS vector is empty', offset: 0, length: 0 }]);
    });
});

describe('prefixes', () => {
    test.each([
        ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', "CVSS version '3.0' is not supported; write a CVSS:4.0 (or, under AIVSS 0.5, CVSS:3.1) vector", 8],
        ['CVSS:2/AV:N/AC:L/Au:N/C:P/I:P/A:P', "CVSS version '2' is not supported; write a CVSS:4.0 (or, under AIVSS 0.5, CVSS:3.1) vector", 6],
        ['CVSS:4/AV:N', "CVSS version '4' is not supported; write a CVSS:4.0 (or, under AIVSS 0.5, CVSS:3.1) vector", 6],
        ['AV:N/AC:L/Au:N/C:P/I:P/A:P', "CVSS vector must start with 'CVSS:4.0/' or 'CVSS:3.1/'", 4],
        [V40.slice('CVSS:4.0/'.length), "CVSS vector must start with 'CVSS:4.0/' or 'CVSS:3.1/'", 4],
        [V40.replace('CVSS', 'cvss'), "CVSS vector prefix 'cvss:4.0' must be upper case: 'CVSS:4.0'", 8],
        [`/${V40}`, "CVSS vector must start with 'CVSS:4.0/' or 'CVSS:3.1/'", 0]
    ])('%s', (text, message, length) => {
        expect(errors(text)).toEqual([{ message, offset: 0, length }]);
    });
});

describe('metric catalogue', () => {
    test('4.0 lists the eleven mandatory base metrics first, in spec order, then E', () => {
        const metrics = CVSS_CATALOGS['4.0'].metrics;
        expect(metrics.filter(m => m.mandatory).map(m => m.metric)).toEqual(
            ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']);
        expect(metrics.map(m => m.metric).slice(11)).toEqual([
            'E', 'CR', 'IR', 'AR', 'MAV', 'MAC', 'MAT', 'MPR', 'MUI', 'MVC', 'MVI', 'MVA', 'MSC', 'MSI', 'MSA',
            'S', 'AU', 'R', 'V', 'RE', 'U'
        ]);
        expect(metrics.filter(m => !m.mandatory).every(m => m.values[0]?.code === 'X')).toBe(true);
        expect(metrics.filter(m => m.mandatory).every(m => m.values.every(v => v.code !== 'X'))).toBe(true);
    });

    test('3.1 lists base, temporal, environmental in spec order', () => {
        expect(CVSS_CATALOGS['3.1'].metrics.map(m => `${m.metric}:${m.group}`)).toEqual([
            'AV:base', 'AC:base', 'PR:base', 'UI:base', 'S:base', 'C:base', 'I:base', 'A:base',
            'E:temporal', 'RL:temporal', 'RC:temporal',
            'CR:environmental', 'IR:environmental', 'AR:environmental', 'MAV:environmental',
            'MAC:environmental', 'MPR:environmental', 'MUI:environmental', 'MS:environmental',
            'MC:environmental', 'MI:environmental', 'MA:environmental'
        ]);
    });

    test('every value carries a name and a meaning', () => {
        for (const catalog of Object.values(CVSS_CATALOGS)) {
            for (const def of catalog.metrics) {
                expect(def.name.length).toBeGreaterThan(0);
                expect(new Set(def.values.map(v => v.code)).size).toBe(def.values.length);
                for (const value of def.values) {
                    expect(value.name.length * value.meaning.length).toBeGreaterThan(0);
                }
            }
        }
    });

    test('a vector with every 4.0 metric at its first value parses', () => {
        const catalog = CVSS_CATALOGS['4.0'];
        const text = `CVSS:4.0/${catalog.metrics.map(m => `${m.metric}:${m.values[0]?.code ?? ''}`).join('/')}`;
        expect(ok(text).ignoredMetrics).toHaveLength(catalog.metrics.length - 12);
    });
});
