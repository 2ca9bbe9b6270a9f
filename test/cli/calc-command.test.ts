import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, runAtm, runInProcess } from './cli-harness.js';

beforeAll(ensureBundle, 120_000);

/** AIVSS v0.8 §3.6 Table 5 (ThM 0.97, MF 1.0), factor order as in the spec's v0.8 table. */
const TABLE_5: ReadonlyArray<[string, string, number, string, number, string]> = [
    ['Tool Misuse', 'AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 9.4, '1,1,1,1,1,1,.5,1,1,.5', 9.9, 'Critical'],
    ['Access Control Violation', 'AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.7, '1,1,1,1,.5,1,1,1,.5,0', 9.7, 'Critical'],
    ['Cascading Failures', 'AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H', 7.1, '1,.5,1,1,1,1,.5,.5,1,.5', 9.4, 'Critical'],
    ['Orchestration & Multi-Agent', 'AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 9.4, '1,1,1,1,1,1,1,1,1,.5', 10, 'Critical'],
    ['Identity Impersonation', 'AV:N/AC:H/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N', 7.4, '1,1,1,1,1,1,0,1,.5,0', 9.3, 'Critical'],
    ['Memory & Context Manipulation', 'AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N', 5.8, '1,.5,1,1,.5,1,1,0,.5,1', 8.9, 'High'],
    ['Critical Systems Interaction', 'AV:A/AC:L/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N', 6.9, '1,1,.5,1,.5,1,.5,0,1,1', 9.2, 'Critical'],
    ['Supply Chain & Dependency Risk', 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, '1,1,0,0,1,1,.5,1,1,0', 9.7, 'Critical'],
    ['Untraceability', 'AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', 5.3, '1,1,0,0,1,1,.5,.5,1,.5', 8.3, 'High'],
    ['Goal & Instruction Manipulation', 'AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N', 2.1, '.5,0,1,1,1,1,1,0,0,1', 7.1, 'High']
];

/** AIVSS v0.5 §4.2: (CVSS, AARS) → AIVSS with ThM 0.97. */
const V05_EXAMPLES: ReadonlyArray<[string, string, number]> = [
    ['9.4', '8.5', 8.7], ['8.7', '7.0', 7.6], ['7.1', '7.5', 7.1], ['8.3', '6.5', 7.2], ['7.4', '5.5', 6.3],
    ['5.8', '6.0', 5.7], ['6.9', '5.0', 5.8], ['9.3', '1.0', 5.0], ['5.3', '4.5', 4.8], ['2.1', '4.0', 3.0]
];

/** The decimal text of `.5` is not valid input (the language wants `0.5`); write it out. */
function factorList(compact: string): string {
    return compact.split(',').map((value) => (value.startsWith('.') ? `0${value}` : value)).join(',');
}

function band(score: number): string {
    return score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : score > 0 ? 'Low' : 'None';
}

describe('atm calc', () => {
    test.each(TABLE_5)('v0.8 Table 5: %s', async (_risk, metrics, cvss, factors, aivss, severity) => {
        const result = await runInProcess(['calc', '--cvss', `CVSS:4.0/${metrics}`, '--factors', factorList(factors), '--json']);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const json = JSON.parse(result.stdout);
        expect(json).toMatchObject({ aivssVersion: '0.8', rounding: 'half_up', cvss, threatMultiplier: 0.97, mitigationFactor: 1, aivss, severity });
    });

    test.each(V05_EXAMPLES)('v0.5 §4.2: CVSS %s, AARS %s → %s', async (cvss, aars, aivss) => {
        const result = await runInProcess(['calc', '--aivss', '0.5', '--cvss', cvss, '--factor-sum', aars, '--format', 'json']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual({
            aivssVersion: '0.5', rounding: 'half_up', cvss: Number(cvss), factorSum: Number(aars),
            threatMultiplier: 0.97, mitigationFactor: null, aars: Number(aars), aivss, severity: band(aivss)
        });
    });

    test('the seed headline, exact JSON (bundle)', () => {
        const result = runAtm(['calc', '--cvss', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
            '--factor-sum', '1.3', '--exploit', 'unreported', '--mitigation', 'partial', '--json']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(`${JSON.stringify({
            aivssVersion: '0.8', rounding: 'half_up', cvss: 9.3, factorSum: 1.3, threatMultiplier: 0.5,
            mitigationFactor: 0.83, aars: 0.0455, aivss: 7.8, severity: 'High'
        }, null, 2)}\n`);
    });

    test('text mode prints the formula with the values substituted', async () => {
        const result = await runInProcess(['calc', '--cvss', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U',
            '--factor-sum', '1.30', '--mf', '0.83']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(`AIVSS v0.8 (rounding half_up)
  CVSS_Base  = 9.3  (CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U, CVSS 4.0 base)
  Factor_Sum = 1.30
  ThM        = 0.50  (vector E:U)
  MF         = 0.83  (--mf)
  Risk_Gap   = 10 − 9.3 = 0.7
  AARS       = Risk_Gap × (Factor_Sum / 10) × ThM = 0.7 × (1.30 / 10) × 0.50 = 0.0455
  AIVSS_raw  = (CVSS_Base + AARS) × MF = (9.3 + 0.0455) × 0.83 = 7.756765
  AIVSS      = RoundHalfUp(7.756765, 1) = 7.8 High
`);
    });

    test('rounding half_even changes exact ties only', async () => {
        // v0.5: (9.4 + 9.1) / 2 × 1.0 = 9.25 exactly.
        const up = JSON.parse((await runInProcess(['calc', '--aivss', '0.5', '--cvss', '9.4', '--factor-sum', '9.1', '--exploit', 'attacked', '--json'])).stdout);
        const even = JSON.parse((await runInProcess(['calc', '--aivss', '0.5', '--cvss', '9.4', '--factor-sum', '9.1', '--exploit', 'attacked', '--rounding', 'half_even', '--json'])).stdout);
        expect([up.aivss, even.aivss]).toEqual([9.3, 9.2]);
    });

    test.each([
        [['--cvss', '9.35', '--factor-sum', '1'], 'atm calc: --cvss: \'9.35\' has 2 decimals; at most 1 is allowed'],
        [['--cvss', '10.5', '--factor-sum', '1'], 'atm calc: --cvss: 10.5 is outside 0.0–10.0'],
        [['--cvss', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '--factor-sum', '1'],
            'atm calc: --cvss: AIVSS v0.8 requires a CVSS v4.0 base score (§3.1.1) and this is a CVSS:3.1 vector; give a CVSS:4.0 vector, or --aivss 0.5 for the legacy formula'],
        [['--cvss', 'CVSS:4.0/AV:N/AC:L', '--factor-sum', '1'], 'atm calc: --cvss: '],
        [['--cvss', '5', '--factors', '1,1,1'], 'atm calc: --factors: expected 10 comma-separated values, got 3'],
        [['--cvss', '5', '--factors', '1,1,1,1,1,1,1,1,1,1.5'], 'atm calc: --factors: 1.5 is outside 0.0–1.0 (factor 10)'],
        [['--cvss', '5', '--factors', '1,1,1,1,1,1,1,1,1,0.125'], 'atm calc: --factors: \'0.125\' has 3 decimals; at most 2 are allowed'],
        [['--cvss', '5', '--factor-sum', '10.5'], 'atm calc: --factor-sum: 10.5 is outside 0.0–10.0'],
        [['--cvss', '5', '--factor-sum', '1', '--thm', '1.6'], 'atm calc: --thm: 1.6 is outside the range above 0 and at most 1.5'],
        [['--cvss', '5', '--factor-sum', '1', '--thm', '0'], 'atm calc: --thm: 0 is outside the range above 0 and at most 1.5'],
        [['--cvss', '5', '--factor-sum', '1', '--mf', '1.01'], 'atm calc: --mf: 1.01 is outside the range above 0 and at most 1.0'],
        [['--cvss', '5', '--factor-sum', '1', '--thm', '1', '--exploit', 'attacked'], 'atm calc: --thm and --exploit exclude each other; give one'],
        [['--cvss', '5', '--factor-sum', '1', '--exploit', 'rumoured'], 'atm calc: --exploit must be one of attacked, proof_of_concept, unreported, not \'rumoured\''],
        [['--cvss', '5'], 'atm calc: give the factors: --factors f1,…,f10 or --factor-sum X'],
        [['--factor-sum', '1'], 'atm calc: --cvss is required'],
        [['--cvss', '5', '--factor-sum', '1', '--aivss', '0.7'], 'atm calc: --aivss must be one of 0.8, 0.5, not \'0.7\'']
    ])('invalid arguments exit 2 with one line naming the argument: %j', async (args, message) => {
        const result = await runInProcess(['calc', ...args]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toHaveLength(2);
        expect(result.stderr.startsWith(message)).toBe(true);
    });

    test('non-fatal remarks go to stderr: elevated ThM, an MF under v0.5', async () => {
        const elevated = await runInProcess(['calc', '--cvss', '5', '--factor-sum', '1', '--thm', '1.1', '--json']);
        expect(elevated.code).toBe(0);
        expect(elevated.stderr).toBe('atm calc: warning: --thm: 1.1 is above 1.0, an "elevated threat" estimate outside the spec\n');
        const ignored = await runInProcess(['calc', '--aivss', '0.5', '--cvss', '5', '--factor-sum', '1', '--mitigation', 'strong', '--json']);
        expect(ignored.stderr).toBe('atm calc: warning: --mitigation is ignored: AIVSS v0.5 has no mitigation factor\n');
        expect(JSON.parse(ignored.stdout).mitigationFactor).toBeNull();
    });
});
