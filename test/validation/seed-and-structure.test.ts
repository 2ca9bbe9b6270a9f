import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { check, codes, model } from './validation-helpers.js';

const seed = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

describe('the normative seed card', () => {
    test('checks with no error and no warning; the info and hints are exactly these', async () => {
        const findings = await check(seed);
        expect(findings.filter((f) => f.severity <= 2)).toEqual([]);
        expect(findings.map((f) => `${f.code}@${f.at}`)).toEqual([
            'missing-cvss@8:7-8:15',
            'non-canonical-factor@12:35-12:39',
            'non-canonical-factor@13:35-13:39',
            'non-canonical-factor@17:35-17:39',
            'non-canonical-factor@20:35-20:39'
        ]);
    });
});

describe('syntax, encoding and header', () => {
    test('a syntax error gets the stable code syntax-error at the offending token', async () => {
        const [first] = await check('aivss 0.8\nagent A {\n    factors { autonomy_of_action }\n}');
        expect(first).toMatchObject({ code: 'syntax-error', severity: 1, at: '3:34-3:35' });
    });

    test('NUL bytes and undecodable bytes are one invalid-encoding error at 1:1', async () => {
        for (const text of ['agent A {\u0000}', 'agent \uFFFD {}']) {
            expect(await check(text)).toEqual([expect.objectContaining({ code: 'invalid-encoding', severity: 1, at: '1:1-1:1' })]);
        }
    });

    test('unknown aivss version', async () => {
        expect(await check('aivss 0.7')).toEqual([
            expect.objectContaining({ code: 'unknown-aivss-version', at: '1:7-1:10', message: 'Unknown AIVSS version 0.7: use 0.8 (current) or 0.5 (legacy)' })
        ]);
    });

    test('duplicate names: agents and controls per file, threats per agent', async () => {
        const findings = await check(`${model('    control C "c"\n    control C "again"')}agent A "again" {}\n`);
        const duplicates = findings.filter((f) => f.code === 'duplicate-name');
        expect(duplicates.map((f) => f.message)).toEqual([
            "Duplicate agent name 'A' in this file (first declared on line 2)",
            "Duplicate control name 'C' in this file (first declared on line 8)"
        ]);
        const threats = await codes(model('    layer XL { threat T "a" threat T "b" }'));
        expect(threats).toContain('duplicate-name');
    });

    test('a setting given twice is duplicate-member on the repeat', async () => {
        const findings = await check(model('    cvss 6.0'));
        expect(findings).toEqual([expect.objectContaining({ code: 'duplicate-member', at: '8:5-8:9' })]);
    });

    test('an unresolved mitigated_by reference is unresolved-reference on the name', async () => {
        const findings = await check(model('    layer XL { threat T "t" { mitigated_by Nope } }'));
        expect(findings).toEqual([
            expect.objectContaining({ code: 'unresolved-reference', at: '8:44-8:48', message: "No control named 'Nope' in this file" })
        ]);
    });

    test('references resolve across agents of the same file', async () => {
        const text = `${model('    layer XL { threat T "t" { mitigated_by Shared } }')}agent B {\n    control Shared "s" { strength strong }\n}\n`;
        expect(await codes(text)).not.toContain('unresolved-reference');
    });
});
