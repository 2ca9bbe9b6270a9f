import { describe, expect, test } from 'vitest';
import { actionsFor, apply, codesIn, expectFix, factorBlockLines } from './code-action-helpers.js';

const layers = ['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', 'layer L4 { "i" }', 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }'];
const factors = factorBlockLines();

/** A formatted, complete agent (factor sum 0.5) with `members` after its factors block. */
const agent = (members: string[], header = 'aivss 0.8'): string =>
    [...(header ? [header, ''] : []), 'agent A "Agent" {', ...[...factors, ...members, '', ...layers].map((l) => (l ? `    ${l}` : l)), '}', ''].join('\n');

const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

describe('published-score-mismatch', () => {
    test('the recomputed score replaces the published one (cvss 5.0, factors 0.5, ThM 0.97: raw 5.2425 → 5.2)', async () => {
        const action = await expectFix(
            agent(['cvss 5.0', 'published 7.0']),
            'published-score-mismatch',
            'Replace the published score 7.0 with the recomputed 5.2',
            agent(['cvss 5.0', 'published 5.2'])
        );
        expect(action.isPreferred).toBe(true);
        expect(await codesIn(agent(['cvss 5.0', 'published 5.2']))).toEqual([]);
    });

    test('exact half-up on the integers: cvss 1.0, factors 0.5, exploit attacked is raw 1.45 → 1.5 ((1.45).toFixed(1) is 1.4)', async () => {
        // N = (10·100000 + 90·50·100)·100 = 145 000 000; (N + 5 000 000) / 10 000 000 floors to 15.
        await expectFix(
            agent(['cvss 1.0', 'exploit attacked', 'published 1.4']),
            'published-score-mismatch',
            'Replace the published score 1.4 with the recomputed 1.5',
            agent(['cvss 1.0', 'exploit attacked', 'published 1.5'])
        );
    });

    test('half_even rounding: the recomputed score follows the model\'s rounding (raw 5.25 → 5.2)', async () => {
        // cvss 5.0, factor sum 0.5, ThM 1.0: N = (50·100000 + 50·50·100)·100 = 525 000 000, an exact tie.
        await expectFix(
            agent(['cvss 5.0', 'exploit attacked', 'published 5.3'], 'aivss 0.8 rounding half_even'),
            'published-score-mismatch',
            'Replace the published score 5.3 with the recomputed 5.2',
            agent(['cvss 5.0', 'exploit attacked', 'published 5.2'], 'aivss 0.8 rounding half_even')
        );
    });
});

describe('exploit-contradicts-vector', () => {
    const withExploit = (vector: string, exploit: string): string => agent([`cvss "${vector}"`, `exploit ${exploit}`]);

    test('either side can be aligned with the other; neither is preferred', async () => {
        const before = withExploit(`${V40}/E:U`, 'attacked');
        const { actions } = await actionsFor(before, 'exploit-contradicts-vector');
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Change exploit to unreported (E:U in the CVSS vector)', false],
            ['Change the vector\'s E:U to E:A (exploit attacked)', false]
        ]);
        await expectFix(before, 'exploit-contradicts-vector', 'Change exploit to unreported (E:U in the CVSS vector)', withExploit(`${V40}/E:U`, 'unreported'));
        await expectFix(before, 'exploit-contradicts-vector', 'Change the vector\'s E:U to E:A (exploit attacked)', withExploit(`${V40}/E:A`, 'attacked'));
    });

    test('a numeric exploit at a level\'s value maps to that level; one at no level can only take the vector\'s', async () => {
        await expectFix(withExploit(`${V40}/E:U`, '0.97'), 'exploit-contradicts-vector', 'Change the vector\'s E:U to E:P (exploit proof_of_concept)', withExploit(`${V40}/E:P`, '0.97'));
        const loose = withExploit(`${V40}/E:A`, '0.9');
        const { actions } = await actionsFor(loose, 'exploit-contradicts-vector');
        expect(actions.map((a) => a.title)).toEqual(['Change exploit to attacked (E:A in the CVSS vector)']);
        expect(apply(loose, actions[0]!)).toBe(withExploit(`${V40}/E:A`, 'attacked'));
    });

    test('under v0.5 the levels are that version\'s: 0.91 is unreported', async () => {
        const v05 = ['factors {', '    autonomy_of_action  0.5', '}'];
        const model = (exploit: string, e: string): string =>
            ['aivss 0.5', '', 'agent A {', ...v05.map((l) => `    ${l}`), `    cvss "${V40}/E:${e}"`, `    exploit ${exploit}`, '}', ''].join('\n');
        const { actions } = await actionsFor(model('0.91', 'A'), 'exploit-contradicts-vector');
        expect(actions.map((a) => a.title)).toContain('Change the vector\'s E:A to E:U (exploit unreported)');
        expect(apply(model('0.91', 'A'), actions[1]!)).toBe(model('0.91', 'U'));
    });

    test('on a threat, the threat\'s own vector changes', async () => {
        const threat = (e: string): string[] => [`threat T { cvss "${V40}/E:${e}" exploit proof_of_concept }`];
        const before = agent(['cvss 5.0']).replace('layer L4 { "i" }', `layer L4 { ${threat('A')[0]} }`);
        const after = agent(['cvss 5.0']).replace('layer L4 { "i" }', `layer L4 { ${threat('P')[0]} }`);
        await expectFix(before, 'exploit-contradicts-vector', 'Change the vector\'s E:A to E:P (exploit proof_of_concept)', after);
    });
});

describe('cvss-version-mismatch', () => {
    const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

    test('the one exact fix: score the file with AIVSS 0.5, which takes CVSS 3.1; never preferred', async () => {
        const title = 'Score this file with the legacy AIVSS 0.5 formula, which takes CVSS 3.1 (rescores every agent)';
        const action = await expectFix(agent([`cvss "${V31}"`]), 'cvss-version-mismatch', title, agent([`cvss "${V31}"`], 'aivss 0.5'));
        expect(action.isPreferred).toBeUndefined();
        expect(await codesIn(agent([`cvss "${V31}"`], 'aivss 0.5'))).toContain('legacy-cvss-version');
    });

    test('without a header, one is written above the first agent and its comments', async () => {
        const before = `// the model\nagent A {\n    cvss "${V31}"\n}\n`;
        const { actions } = await actionsFor(before, 'cvss-version-mismatch');
        const after = apply(before, actions[0]!);
        expect(after).toBe(`aivss 0.5\n\n// the model\nagent A {\n    cvss "${V31}"\n}\n`);
        expect(await codesIn(after)).not.toContain('cvss-version-mismatch');
    });
});

describe('unknown-aivss-version', () => {
    test('0.80 is 0.8 (preferred); 0.6 gets both versions, neither preferred', async () => {
        const action = await expectFix(agent(['cvss 5.0'], 'aivss 0.80'), 'unknown-aivss-version', 'Change to aivss 0.8 (current)', agent(['cvss 5.0']));
        expect(action.isPreferred).toBe(true);
        const { actions } = await actionsFor(agent(['cvss 5.0'], 'aivss 0.6'), 'unknown-aivss-version');
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Change to aivss 0.8 (current)', false],
            ['Change to aivss 0.5 (legacy)', false]
        ]);
    });
});
