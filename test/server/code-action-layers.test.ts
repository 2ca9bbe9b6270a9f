import { describe, expect, test } from 'vitest';
import { formatModelText } from '../../server/format-text.js';
import { actionsFor, apply, checkFix, codesIn, expectFix, expectFormattedIfWas, services } from './code-action-helpers.js';

/** A complete, formatted agent whose layers and trailing members a test chooses. */
const agent = (layers: string[], tail: string[] = []): string =>
    [
        'aivss 0.8',
        '',
        'agent A "Agent" {',
        '    factors {',
        '        execution_autonomy             0.5',
        '        external_tool_control_surface  0.0',
        '        natural_language_interface     0.0',
        '        contextual_awareness           0.0',
        '        behavioral_non_determinism     0.0',
        '        opacity_and_reflexivity        0.0',
        '        persistent_state_retention     0.0',
        '        dynamic_identity               0.0',
        '        multi_agent_interactions       0.0',
        '        self_modification              0.0',
        '    }',
        '    cvss 5.0',
        '',
        ...layers.map((line) => `    ${line}`),
        ...tail.map((line) => (line === '' ? '' : `    ${line}`)),
        '}',
        ''
    ].join('\n');

const stub = (id: string, name: string): string[] => [`layer ${id} uncertain {`, `    "TODO: describe the ${name} layer."`, '}'];
const all = ['L1 { "m" }', 'L2 { "d" }', 'L3 { "f" }', 'L4 { "i" }', 'L5 { "o" }', 'L6 { "s" }', 'L7 { "e" }'].map((l) => `layer ${l}`);
const without = (...ids: string[]): string[] => all.filter((line) => !ids.some((id) => line.startsWith(`layer ${id} `)));

describe('missing-layer', () => {
    test('the models of these tests are formatted, so every fix is checked to keep them so', async () => {
        expect(await formatModelText(services, agent(all, ['', 'control C { strength partial }']))).toBe(agent(all, ['', 'control C { strength partial }']));
    });

    test('the stub of a missing middle layer goes right after the layer below it', async () => {
        const result = await checkFix(agent(without('L3')), 'missing-layer', agent([...without('L3', 'L4', 'L5', 'L6', 'L7'), ...stub('L3', 'agent frameworks'), ...all.slice(3)]));
        expect(result.action?.title).toBe('Add missing layer L3 Agent Frameworks');
        expect(result.action?.isPreferred).toBe(true);
    });

    test('a missing L1 goes before the lowest declared layer', async () => {
        await checkFix(agent(without('L1')), 'missing-layer', agent([...stub('L1', 'foundation models'), ...without('L1')]));
    });

    test('with no layer at all the stubs go before the first control, in stack order', async () => {
        const before = agent([], ['control C "Sandbox" { strength partial }']);
        const stubs = [
            ...stub('L1', 'foundation models'), ...stub('L2', 'data operations'), ...stub('L3', 'agent frameworks'),
            ...stub('L4', 'deployment and infrastructure'), ...stub('L5', 'evaluation and observability'),
            ...stub('L6', 'security and compliance'), ...stub('L7', 'agent ecosystem')
        ];
        await expectFix(before, 'missing-layer', 'Add all 7 missing layers', agent(stubs, ['control C "Sandbox" { strength partial }']));
    });

    test('with neither layers nor controls they go at the end of the agent', async () => {
        const before = agent(['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }']);
        const after = agent(['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', ...stub('L4', 'deployment and infrastructure'), 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }']);
        await checkFix(before, 'missing-layer', after);
        const empty = 'agent A {\n    cvss 5.0\n}\n';
        const { actions } = await actionsFor(empty, 'missing-layer');
        const text = apply(empty, actions.find((a) => a.title === 'Add missing layer L7 Agent Ecosystem')!);
        expect(text).toBe(`agent A {\n    cvss 5.0\n${stub('L7', 'agent ecosystem').map((l) => `    ${l}`).join('\n')}\n}\n`);
    });

    test('one action per missing layer and one for all; "all" fills gaps on both sides of a layer in order', async () => {
        const before = agent(['layer L2 { "d" }', 'layer L5 { "o" }']);
        const { actions } = await actionsFor(before, 'missing-layer');
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Add missing layer L1 Foundation Models', false],
            ['Add missing layer L3 Agent Frameworks', false],
            ['Add missing layer L4 Deployment and Infrastructure', false],
            ['Add missing layer L6 Security and Compliance', false],
            ['Add missing layer L7 Agent Ecosystem', false],
            ['Add all 5 missing layers', true]
        ]);
        const after = apply(before, actions[5]!);
        expect(after).toBe(
            agent([
                ...stub('L1', 'foundation models'), 'layer L2 { "d" }', ...stub('L3', 'agent frameworks'),
                ...stub('L4', 'deployment and infrastructure'), 'layer L5 { "o" }', ...stub('L6', 'security and compliance'),
                ...stub('L7', 'agent ecosystem')
            ])
        );
        await expectFormattedIfWas(before, after);
        // Stubs are uncertain, described layers: no new warning, not even an empty-layer hint.
        expect(await codesIn(after)).toEqual([]);
    });

    test('a trailing comment stays on the line of the layer it follows', async () => {
        const before = agent(['layer L1 { "m" } // reviewed', ...without('L1', 'L2')]);
        const after = agent(['layer L1 { "m" } // reviewed', ...stub('L2', 'data operations'), ...without('L1', 'L2')]);
        await checkFix(before, 'missing-layer', after);
    });

    test('comment lines right above the first control stay with the control', async () => {
        const tail = ['// the one control', 'control C { strength partial }'];
        const before = agent([], tail);
        const { actions } = await actionsFor(before, 'missing-layer');
        const after = apply(before, actions.find((a) => a.title === 'Add missing layer L1 Foundation Models')!);
        expect(after).toBe(agent(stub('L1', 'foundation models'), tail));
    });
});

describe('layer names and ids', () => {
    const withLayer = (line: string): string => agent([...without('L2', 'L3').slice(0, 1), line, 'layer L3 { "f" }', ...all.slice(3)]);

    test('layer-alias: a name alone becomes the canonical id', async () => {
        const result = await checkFix(withLayer('layer "Data Operations" { "d" }'), 'layer-alias', withLayer('layer L2 { "d" }'));
        expect(result.action?.title).toBe('Write the layer id L2 (Data Operations)');
    });

    test('unknown-layer: a mistyped id or name becomes the suggested id', async () => {
        await checkFix(withLayer('layer l2 { "d" }'), 'unknown-layer', withLayer('layer L2 { "d" }'));
        await checkFix(withLayer('layer "Data Operatoins" { "d" }'), 'unknown-layer', withLayer('layer L2 { "d" }'));
    });

    test('unknown-layer: an unknown name beside a valid id becomes its canonical name', async () => {
        await checkFix(withLayer('layer L2 "Whatever" { "d" }'), 'unknown-layer', withLayer('layer L2 "Data Operations" { "d" }'));
    });

    test('unknown-layer without a suggestion offers nothing', async () => {
        const { actions } = await actionsFor(withLayer('layer L2 { "d" }\n    layer L9 { "x" }'), 'unknown-layer');
        expect(actions).toEqual([]);
    });

    test('layer-name-mismatch: the name becomes the id\'s canonical name (preferred), or the id the named layer', async () => {
        const before = withLayer('layer L2 "Agent Frameworks" { "d" }');
        const fixed = await expectFix(before, 'layer-name-mismatch', 'Change the name to "Data Operations" (the name of L2)', withLayer('layer L2 "Data Operations" { "d" }'));
        expect(fixed.isPreferred).toBe(true);
        // L3 is declared already, so turning this layer into L3 would only duplicate it.
        expect((await actionsFor(before, 'layer-name-mismatch')).actions.map((a) => a.title)).toEqual([
            'Change the name to "Data Operations" (the name of L2)'
        ]);
        const free = agent(['layer L1 { "m" }', 'layer L2 "Agent Frameworks" { "d" }', ...all.slice(3)]);
        const { actions } = await actionsFor(free, 'layer-name-mismatch');
        expect(actions.map((a) => a.title)).toEqual([
            'Change the name to "Data Operations" (the name of L2)',
            'Change the id to L3 (the layer the name denotes)'
        ]);
        expect(apply(free, actions[1]!)).toBe(agent(['layer L1 { "m" }', 'layer L3 "Agent Frameworks" { "d" }', ...all.slice(3)]));
    });

    test('layer-name-mismatch on a name alone: either id the agent does not declare yet', async () => {
        const before = agent(['layer L1 { "m" }', 'layer "L5 Data Operations" { "d" }', 'layer L3 { "f" }', 'layer L4 { "i" }', 'layer L6 { "s" }', 'layer L7 { "e" }']);
        const { actions } = await actionsFor(before, 'layer-name-mismatch');
        expect(actions.map((a) => a.title)).toEqual(['Write the layer id L5 (Evaluation and Observability)', 'Write the layer id L2 (Data Operations)']);
        expect(apply(before, actions[1]!)).toBe(before.replace('layer "L5 Data Operations"', 'layer L2'));
        const withL5 = await actionsFor(withLayer('layer "L5 Data Operations" { "d" }'), 'layer-name-mismatch');
        expect(withL5.actions.map((a) => a.title)).toEqual(['Write the layer id L2 (Data Operations)']);
    });
});
