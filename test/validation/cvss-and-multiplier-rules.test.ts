import { describe, expect, test } from 'vitest';
import { check, model } from './validation-helpers.js';

const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

async function only(text: string, code: string) {
    return (await check(text)).filter((f) => f.code === code);
}

/** Line 8 of `model()` holds the spliced member; this builds a threat there. */
function threat(members: string, header?: string): string {
    return model(`    layer XL { threat T "t" { ${members} } }`, header);
}

describe('cvss rules', () => {
    test('invalid-cvss points at the offending metric inside the string', async () => {
        const text = threat(`cvss "${V40.replace('VC:H', 'VC:X')}"`);
        // `    layer XL { threat T "t" { cvss "` is 36 characters; VC:X starts at offset 34 of the vector.
        expect(await only(text, 'invalid-cvss')).toEqual([
            expect.objectContaining({ severity: 1, at: '8:71-8:75', message: expect.stringContaining("'VC'") })
        ]);
    });

    test('a CVSS base number outside 0–10 or with two decimals', async () => {
        expect((await only(threat('cvss 10.5'), 'invalid-cvss'))[0]?.message).toBe('CVSS base 10.5 is outside 0.0–10.0');
        expect((await only(threat('cvss 9.35'), 'invalid-number'))[0]?.message).toBe("'9.35' has 2 decimals; at most 1 is allowed");
    });

    test('a 3.1 vector is an error under v0.8 and a warning under v0.5, on its prefix', async () => {
        const vector = 'cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"';
        const [mismatch] = await only(threat(vector), 'cvss-version-mismatch');
        expect(mismatch).toMatchObject({ severity: 1, at: '8:37-8:45' });
        expect(mismatch?.message).toContain('§3.1.1');
        expect(await only(threat(vector, 'aivss 0.5'), 'legacy-cvss-version')).toEqual([expect.objectContaining({ severity: 2, at: '8:37-8:45' })]);
        expect(await only(threat(vector, 'aivss 0.5'), 'cvss-version-mismatch')).toEqual([]);
    });

    test('environmental and supplemental metrics are cvss-metrics-ignored (info) over their span', async () => {
        const text = threat(`cvss "${V40}/CR:H/S:P"`);
        expect(await only(text, 'cvss-metrics-ignored')).toEqual([
            expect.objectContaining({ severity: 3, at: '8:101-8:109', message: 'CR:H, S:P do not change the base score AIVSS uses' })
        ]);
        expect(await only(threat(`cvss "${V40}/E:U"`), 'cvss-metrics-ignored')).toEqual([]);
    });

    test('missing-cvss is info on an agent without CVSS whose threats lack one', async () => {
        const text = model('').replace('    cvss 5.0\n', '') + 'agent B {\n    cvss 3.0\n}\n';
        const findings = await only(text, 'missing-cvss');
        expect(findings).toEqual([
            expect.objectContaining({ severity: 3, at: '2:7-2:8', message: "Agent 'A' has no CVSS base, so its score is incomplete; add a cvss vector" })
        ]);
    });
});

describe('multiplier rules', () => {
    test('threat multiplier range, elevation and canonical values', async () => {
        expect((await only(threat('exploit 0'), 'threat-multiplier-out-of-range'))[0]?.message).toBe('Threat multiplier 0 must be above 0 and at most 1.5');
        expect(await only(threat('exploit 1.6'), 'threat-multiplier-out-of-range')).toHaveLength(1);
        expect(await only(threat('exploit 1.1'), 'elevated-threat-multiplier')).toEqual([expect.objectContaining({ severity: 2, at: '8:39-8:42' })]);
        expect(await only(threat('exploit 0.9'), 'non-canonical-multiplier')).toEqual([expect.objectContaining({ severity: 4 })]);
        expect(await check(threat('exploit 0.97'))).toEqual([]);
        // 0.91 is the canonical "unreported" of v0.5 but not of v0.8
        expect(await only(threat('exploit 0.91', 'aivss 0.5'), 'non-canonical-multiplier')).toEqual([]);
        expect(await only(threat('exploit 0.91'), 'non-canonical-multiplier')).toHaveLength(1);
    });

    test('mitigation and strength range and canonical values', async () => {
        expect((await only(threat('mitigation 1.2'), 'mitigation-out-of-range'))[0]?.message).toBe('Mitigation factor 1.2 must be above 0 and at most 1.0');
        expect(await only(threat('mitigation 0.85'), 'non-canonical-multiplier')).toHaveLength(1);
        expect(await check(threat('mitigation 0.83'))).toEqual([]);
        const control = model('    control C "c" { strength 0 }');
        expect(await only(control, 'mitigation-out-of-range')).toHaveLength(1);
    });

    test('mitigation-ignored under v0.5 for mitigations and control strengths', async () => {
        const text = model('    mitigation partial\n    control C "c" { strength strong }', 'aivss 0.5');
        expect((await only(text, 'mitigation-ignored')).map((f) => f.at)).toEqual(['8:5-8:15', '9:21-9:29']);
    });

    test('exploit-contradicts-vector at the same level only', async () => {
        const contradiction = await only(threat(`cvss "${V40}/E:U" exploit attacked`), 'exploit-contradicts-vector');
        expect(contradiction).toEqual([
            expect.objectContaining({
                severity: 2,
                message: 'exploit attacked (ThM 1.00) contradicts E:U in the CVSS vector (ThM 0.50); the explicit exploit counts'
            })
        ]);
        expect(await only(threat(`cvss "${V40}/E:U" exploit unreported`), 'exploit-contradicts-vector')).toEqual([]);
        expect(await only(threat(`cvss "${V40}/E:U" exploit 0.5`), 'exploit-contradicts-vector')).toEqual([]);
        // the agent's exploit does not contradict the threat's own vector: different levels
        const levels = model(`    exploit attacked\n    layer XL { threat T "t" { cvss "${V40}/E:U" } }`);
        expect(await only(levels, 'exploit-contradicts-vector')).toEqual([]);
    });
});

describe('published score', () => {
    test('published-score-mismatch when the recomputed headline differs', async () => {
        // cvss 5.0, factor sum 0.5, ThM 0.97, MF 1.0: 5.0 + 5.0 × 0.05 × 0.97 = 5.2425 → 5.2
        expect(await only(model('    published 5.2'), 'published-score-mismatch')).toEqual([]);
        expect(await only(model('    published 5.3'), 'published-score-mismatch')).toEqual([
            expect.objectContaining({ severity: 2, at: '8:15-8:18', message: 'Published AIVSS 5.3 differs from the recomputed 5.2 (raw 5.2425, half_up)' })
        ]);
        expect(await only(model('    published 5.25'), 'invalid-number')).toHaveLength(1);
    });
});

describe('hidden characters', () => {
    test('bidi controls and invisible characters anywhere, at their exact position', async () => {
        const text = model('    // note \u202E txt\n    summary "zero\u200Bwidth"');
        const findings = (await check(text)).map((f) => `${f.code}@${f.at}`);
        expect(findings).toEqual(['bidi-control@8:13-8:14', 'invisible-character@9:18-9:19']);
    });

    test('a BOM at the start is fine, a mixed-script word is flagged', async () => {
        expect(await check(`\uFEFF${model('')}`)).toEqual([]);
        const [finding] = await check(model('    summary "Pаypal"'));
        expect(finding).toMatchObject({ code: 'mixed-script-text', message: "'Pаypal' mixes Latin and Cyrillic letters (a look-alike?)" });
    });
});
