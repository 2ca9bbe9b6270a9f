import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, parseAtmConfig, severityFor } from '../../language/config/atm-config.js';
import { DIAGNOSTIC_CODES } from '../../language/validation/diagnostic-codes.js';
import { check, services } from '../validation/validation-helpers.js';

describe('atm.config.json', () => {
    test('a full configuration is read', () => {
        const { config, problems } = parseAtmConfig(
            JSON.stringify({ aivss: '0.5', rounding: 'half_even', rules: { 'missing-layer': 'error', 'empty-layer': 'off' }, export: { format: 'sarif', minSeverity: 'High' } })
        );
        expect(problems).toEqual([]);
        expect(config).toEqual({ aivss: '0.5', rounding: 'half_even', rules: { 'missing-layer': 'error', 'empty-layer': 'off' }, export: { format: 'sarif', minSeverity: 'High' } });
        expect(severityFor(config, 'missing-layer')).toBe('error');
        expect(severityFor(config, 'duplicate-layer')).toBe('error');
        expect(severityFor(config, 'non-canonical-factor')).toBe('hint');
    });

    test('mistakes are reported by path and ignored, never fatal', () => {
        const { config, problems } = parseAtmConfig(
            JSON.stringify({ aivss: '0.7', rules: { 'missing-layr': 'off', 'empty-layer': 'loud' }, export: { format: 'pdf' }, colour: 1 })
        );
        expect(config).toEqual(DEFAULT_CONFIG);
        expect(problems).toEqual([
            { path: 'aivss', message: 'expected "0.8" or "0.5", found "0.7"' },
            { path: 'rules.missing-layr', message: "unknown diagnostic code 'missing-layr'" },
            { path: 'rules.empty-layer', message: 'expected one of error, warning, info, hint, off' },
            { path: 'export.format', message: "unknown key or value for 'format'" },
            { path: 'colour', message: "unknown key 'colour'" }
        ]);
        expect(parseAtmConfig('{').problems[0]?.message).toMatch(/^not valid JSON/);
        expect(parseAtmConfig('[]').problems).toEqual([{ path: '', message: 'the configuration must be a JSON object' }]);
    });

    test('severities from the configuration apply to diagnostics, and off removes them', async () => {
        const text = 'agent A { cvss 5.0 }';
        const defaults = await check(text);
        expect(defaults.find((f) => f.code === 'missing-layer')?.severity).toBe(2);
        services.config.AtmConfig.set(parseAtmConfig('{"rules":{"missing-layer":"error","missing-factor":"off"}}').config);
        try {
            const configured = await check(text);
            expect(configured.find((f) => f.code === 'missing-layer')?.severity).toBe(1);
            expect(configured.some((f) => f.code === 'missing-factor')).toBe(false);
        } finally {
            services.config.AtmConfig.set(DEFAULT_CONFIG);
        }
    });

    test('the default version comes from the configuration when a file has no header', async () => {
        services.config.AtmConfig.set(parseAtmConfig('{"aivss":"0.5"}').config);
        try {
            const codes = (await check('agent A { cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }')).map((f) => f.code);
            expect(codes).toContain('legacy-cvss-version');
            expect(codes).not.toContain('cvss-version-mismatch');
        } finally {
            services.config.AtmConfig.set(DEFAULT_CONFIG);
        }
    });

    test('the JSON schema shipped for editors lists exactly the diagnostic codes', () => {
        const schema = JSON.parse(readFileSync(new URL('../../schemas/atm-config.schema.json', import.meta.url), 'utf8'));
        expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
    });
});
