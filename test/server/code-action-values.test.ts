import { describe, expect, test } from 'vitest';
import { formatScaled, toScaled } from '../../server/code-actions/number-fixes.js';
import { actionsFor, checkFix } from './code-action-helpers.js';

const layers = 'layer L1 { "m" } layer L2 { "d" } layer L3 { "f" } layer L4 { "i" } layer L5 { "o" } layer L6 { "s" } layer L7 { "e" }';
const factors = [
    'factors {',
    '        autonomy_of_action        0.10',
    '        goal_driven_planning      0.10',
    '        self_modification         0.00',
    '        dynamic_tool_use          0.00',
    '        persistent_memory         0.00',
    '        contextual_awareness      0.20',
    '        dynamic_identity          0.00',
    '        multi_agent_interactions  0.00',
    '        non_determinism           0.40',
    '        opacity_and_reflexivity   0.50',
    '    }'
].join('\n');

/** An otherwise clean agent with `members` spliced in; `factorBlock` may replace the block. */
const agent = (members: string, factorBlock = factors): string =>
    `aivss 0.8\nagent A {\n    ${factorBlock}\n    cvss 5.0\n${members}\n    ${layers}\n    control C { strength partial }\n}\n`;

describe('out-of-range values are clamped to the nearest valid value', () => {
    test('a factor above 1 becomes 1.0, keeping the decimals written', async () => {
        const result = await checkFix(agent('', factors.replace('0.50', '1.50')), 'factor-out-of-range', agent('', factors.replace('0.50', '1.00')));
        expect(result.action).toMatchObject({ title: 'Clamp to 1.00, the largest valid value for a factor', isPreferred: true });
        await checkFix(agent('', factors.replace('0.50', '2')), 'factor-out-of-range', agent('', factors.replace('0.50', '1.0')));
    });

    test('a negative factor becomes 0.0', async () => {
        await checkFix(agent('', factors.replace('0.50', '-0.5')), 'factor-out-of-range', agent('', factors.replace('0.50', '0.0')));
    });

    test('a threat multiplier of 0 becomes 0.01, one above 1.5 becomes 1.5', async () => {
        await checkFix(agent('    exploit 0'), 'threat-multiplier-out-of-range', agent('    exploit 0.01'));
        await checkFix(agent('    exploit 2.0'), 'threat-multiplier-out-of-range', agent('    exploit 1.5'));
    });

    test('a mitigation or control strength above 1 becomes 1.0', async () => {
        await checkFix(agent('    mitigation 1.2'), 'mitigation-out-of-range', agent('    mitigation 1.0'));
        const strong = agent('').replace('control C { strength partial }', 'control C { strength 3 }');
        await checkFix(strong, 'mitigation-out-of-range', agent('').replace('control C { strength partial }', 'control C { strength 1.0 }'));
    });

    test('a CVSS base above 10 becomes 10.0; a malformed vector gets no clamp', async () => {
        await checkFix(agent('').replace('cvss 5.0', 'cvss 12.5'), 'invalid-cvss', agent('').replace('cvss 5.0', 'cvss 10.0'));
        const vector = 'cvss "CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"';
        const { actions } = await actionsFor(agent('').replace('cvss 5.0', vector), 'invalid-cvss');
        expect(actions).toEqual([]);
    });
});

describe('invalid-number: rounding is offered, never preferred', () => {
    test('a factor with three decimals rounds half up to two', async () => {
        const result = await checkFix(agent('', factors.replace('0.50', '0.125')), 'invalid-number', agent('', factors.replace('0.50', '0.13')));
        expect(result.action?.title).toBe('Round to 0.13 (a factor has at most 2 decimals)');
        expect(result.action?.isPreferred).toBeUndefined();
    });

    test('a CVSS base with two decimals rounds to one (9.25 → 9.3, exactly, not through a float)', async () => {
        await checkFix(agent('').replace('cvss 5.0', 'cvss 9.25'), 'invalid-number', agent('').replace('cvss 5.0', 'cvss 9.3'));
        await checkFix(agent('').replace('cvss 5.0', 'cvss 1.45'), 'invalid-number', agent('').replace('cvss 5.0', 'cvss 1.5'));
    });

    test('a value that rounds out of range is also brought into it', async () => {
        await checkFix(agent('', factors.replace('0.50', '1.005')), 'invalid-number', agent('', factors.replace('0.50', '1.00')));
    });

    test('a published score with two decimals rounds to one', async () => {
        const { actions } = await actionsFor(agent('    published 7.85'), 'invalid-number');
        expect(actions.map((a) => a.title)).toEqual(['Round to 7.9 (a published score has at most 1 decimal)']);
    });
});

describe('exact decimal helpers', () => {
    test('toScaled rounds half up on the digits, formatScaled keeps the written precision', () => {
        expect(toScaled('0.125', 2)).toBe(13n);
        expect(toScaled('0.124999', 2)).toBe(12n);
        expect(toScaled('12', 1)).toBe(120n);
        expect(toScaled('-0.5', 2)).toBe(-50n);
        expect(formatScaled(100n, 2, 1)).toBe('1.0');
        expect(formatScaled(100n, 2, 2)).toBe('1.00');
        expect(formatScaled(1n, 2, 0)).toBe('0.01');
        expect(formatScaled(100n, 1, 0)).toBe('10.0');
    });
});
