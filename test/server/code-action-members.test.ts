import { describe, expect, test } from 'vitest';
import { actionsFor, apply, checkFix, codesIn } from './code-action-helpers.js';

const layers = ['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }'];
const factors = [
    'factors {',
    '    autonomy_of_action        0.10',
    '    goal_driven_planning      0.10',
    '    self_modification         0.00',
    '    dynamic_tool_use          0.00',
    '    persistent_memory         0.00',
    '    contextual_awareness      0.20',
    '    dynamic_identity          0.00',
    '    multi_agent_interactions  0.00',
    '    non_determinism           0.40',
    '    opacity_and_reflexivity   0.50',
    '}'
];

/** A formatted, otherwise clean agent: its members in order, then the layers, then `tail`. */
const agent = (members: string[], l4: string[], tail: string[] = []): string =>
    ['aivss 0.8', '', 'agent A "Agent" {', ...[...members, '', ...layers.slice(0, 3), ...l4, ...layers.slice(3), ...tail].map((l) => (l ? `    ${l}` : l)), '}', ''].join('\n');

describe('unresolved-reference', () => {
    const l4 = ['layer L4 {', '    threat Upload { mitigated_by Sandbox }', '}'];

    test('creates the control at the end of the agent, below the layers after a blank line', async () => {
        const result = await checkFix(
            agent([...factors, 'cvss 5.0'], l4),
            'unresolved-reference',
            agent([...factors, 'cvss 5.0'], l4, ['', 'control Sandbox "TODO" { strength partial }'])
        );
        expect(result.action).toMatchObject({ title: "Create control 'Sandbox'", isPreferred: true });
    });

    test('after existing controls it joins their group', async () => {
        const tail = ['', 'control Review { strength strong }'];
        await checkFix(agent([...factors, 'cvss 5.0'], l4, tail), 'unresolved-reference', agent([...factors, 'cvss 5.0'], l4, [...tail, 'control Sandbox "TODO" { strength partial }']));
    });
});

describe('missing-cvss', () => {
    const l4 = ['layer L4 { "i" }'];
    const skeleton = 'cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N" // TODO: assess each metric';

    test('a vector skeleton goes after the factors block; the title says it needs assessing', async () => {
        const result = await checkFix(agent(['summary "An agent."', ...factors], l4), 'missing-cvss', agent(['summary "An agent."', ...factors, skeleton], l4));
        expect(result.action?.title).toBe('Add a CVSS 4.0 vector skeleton (its metrics need assessing; as written it scores 0.0)');
    });

    test('without factors it goes after the summary, without either at the top of the agent', async () => {
        const plain = 'agent A {\n    summary "x"\n}\n';
        const { actions } = await actionsFor(plain, 'missing-cvss');
        expect(apply(plain, actions[0]!)).toBe(`agent A {\n    summary "x"\n    ${skeleton}\n}\n`);
        const bare = 'agent A {\n    layer L1 { "m" }\n}\n';
        const second = await actionsFor(bare, 'missing-cvss');
        expect(apply(bare, second.actions[0]!)).toBe(`agent A {\n    ${skeleton}\n    layer L1 { "m" }\n}\n`);
    });

    test('the skeleton is a valid vector: the fixed model loses missing-cvss and gains nothing', async () => {
        const before = agent(factors, l4);
        const { actions } = await actionsFor(before, 'missing-cvss');
        const remaining = (await codesIn(before)).filter((code) => code !== 'missing-cvss');
        expect(await codesIn(apply(before, actions[0]!))).toEqual(remaining);
    });
});

describe('duplicate-member', () => {
    test('the repeated line goes, with its trailing comment', async () => {
        const before = agent([...factors, 'cvss 5.0', 'cvss 7.0 // older estimate'], ['layer L4 { "i" }']);
        const result = await checkFix(before, 'duplicate-member', agent([...factors, 'cvss 5.0'], ['layer L4 { "i" }']));
        expect(result.action?.title).toBe("Remove the repeated 'cvss'");
    });

    test('a repeat on the line of the first goes with the space before it', async () => {
        const one = (inner: string): string[] => [`layer L4 { threat T { ${inner} } }`];
        await checkFix(agent([...factors, 'cvss 5.0'], one('catalog M4.1 catalog M4.2')), 'duplicate-member', agent([...factors, 'cvss 5.0'], one('catalog M4.1')));
    });

    test('a second factors block goes whole', async () => {
        const before = agent([...factors, ...factors, 'cvss 5.0'], ['layer L4 { "i" }']);
        await checkFix(before, 'duplicate-member', agent([...factors, 'cvss 5.0'], ['layer L4 { "i" }']));
    });
});

describe('unknown-catalog-id', () => {
    test('the suggested id replaces the unknown one', async () => {
        const l4 = (id: string): string[] => [`layer L4 { threat T { catalog ${id} } }`];
        const result = await checkFix(agent([...factors, 'cvss 5.0'], l4('m4.1')), 'unknown-catalog-id', agent([...factors, 'cvss 5.0'], l4('M4.1')));
        expect(result.action?.title).toBe('Change to M4.1 Compromised Container Images');
    });
});

describe('hidden characters', () => {
    const l4 = (text: string): string[] => [`layer L4 { "${text}" }`];
    const clean = agent([...factors, 'cvss 5.0'], l4('infrastructure'));

    test('a bidi control character is removed', async () => {
        const result = await checkFix(agent([...factors, 'cvss 5.0'], l4('infra\u202Estructure')), 'bidi-control', clean);
        expect(result.action).toMatchObject({ title: 'Remove the bidirectional control character U+202E', isPreferred: true });
    });

    test('with several in the file, all can go at once', async () => {
        const before = agent([...factors, 'cvss 5.0 // a\u200Bnote'], l4('infra\u200Bstruc\u00ADture'));
        const { actions } = await actionsFor(before, 'invisible-character', { nth: 1, count: 3 });
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Remove the invisible character U+200B', true],
            ['Remove all 3 invisible characters in this file', false]
        ]);
        expect(apply(before, actions[0]!)).toBe(agent([...factors, 'cvss 5.0 // a\u200Bnote'], l4('infrastruc\u00ADture')));
        expect(apply(before, actions[1]!)).toBe(agent([...factors, 'cvss 5.0 // anote'], l4('infrastructure')));
    });
});
