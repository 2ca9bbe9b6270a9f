import { describe, expect, test } from 'vitest';
import { actionsFor, apply, codesIn, expectFix, expectFormattedIfWas, factorBlockLines } from './code-action-helpers.js';

const factors = [
    ...factorBlockLines(),
    'cvss 5.0',
    ''
];

/** A formatted agent with these layer lines (and `tail`). */
const agent = (layers: string[], tail: string[] = []): string =>
    ['aivss 0.8', '', 'agent A "Agent" {', ...[...factors, ...layers, ...tail].map((l) => (l ? `    ${l}` : l)), '}', ''].join('\n');

const L1 = ['layer L1 {', '    "Model."', '}'];
const rest = ['layer L2 { "d" }', 'layer L3 { "f" }'];
const upper = ['layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }'];
const l4 = (...threats: string[]): string[] => ['layer L4 {', '    "Hosting."', ...threats.map((t) => `    ${t}`), '}'];

describe('catalog-layer-mismatch', () => {
    test('an L1 threat filed under L4 moves to the L1 block (preferred), with its nested lines', async () => {
        const threat = ['threat Steal "Model stealing through the API" {', '    catalog M1.2', '    exploit attacked', '}'];
        const before = agent([...L1, ...rest, ...l4(...threat), ...upper]);
        const after = agent(['layer L1 {', '    "Model."', ...threat.map((t) => `    ${t}`), '}', ...rest, ...l4(), ...upper]);
        const action = await expectFix(before, 'catalog-layer-mismatch', 'Move threat Steal to L1 Foundation Models', after);
        expect(action.isPreferred).toBe(true);
        expect(await codesIn(after)).toEqual([]);
    });

    test('the entries of the enclosing layer are offered after the move, none preferred', async () => {
        const before = agent([...L1, ...rest, ...l4('threat Steal { catalog M1.2 }'), ...upper]);
        const { actions } = await actionsFor(before, 'catalog-layer-mismatch');
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Move threat Steal to L1 Foundation Models', true],
            ['Change to M4.1 Compromised Container Images', false],
            ['Change to M4.2 Orchestration Attacks', false],
            ['Change to M4.3 Infrastructure-as-Code (IaC) Manipulation', false],
            ['Change to M4.4 Denial of Service (DoS) Attacks', false],
            ['Change to M4.5 Resource Hijacking', false],
            ['Change to M4.6 Lateral Movement', false]
        ]);
        expect(apply(before, actions[5]!)).toBe(agent([...L1, ...rest, ...l4('threat Steal { catalog M4.5 }'), ...upper]));
    });

    test('the same threat has an entry of its own in this layer: that id is preferred (DoS is M1.7 in L1, M4.4 in L4)', async () => {
        const before = agent([...L1, ...rest, ...l4('threat Flood { catalog M1.7 }'), ...upper]);
        const action = await expectFix(before, 'catalog-layer-mismatch', 'Change to M4.4 Denial of Service (DoS) Attacks (the L4 entry)', agent([...L1, ...rest, ...l4('threat Flood { catalog M4.4 }'), ...upper]));
        expect(action.isPreferred).toBe(true);
        const { actions } = await actionsFor(before, 'catalog-layer-mismatch');
        expect(actions.filter((a) => a.isPreferred)).toHaveLength(1);
        expect(actions[1]?.title).toBe('Move threat Flood to L1 Foundation Models');
    });

    test('the threat\'s title can name this layer\'s entry', async () => {
        const before = agent([...L1, ...rest, ...l4('threat Images "Compromised container images" { catalog M1.3 }'), ...upper]);
        const { actions } = await actionsFor(before, 'catalog-layer-mismatch');
        expect(actions[0]).toMatchObject({ title: 'Change to M4.1 Compromised Container Images (the L4 entry)', isPreferred: true });
    });

    test('a target layer written on one line is opened onto lines, its text first', async () => {
        const before = agent(['layer L1 { "Model." }', ...rest, ...l4('threat Steal { catalog M1.2 }'), ...upper]);
        const after = agent(['layer L1 {', '    "Model."', '    threat Steal { catalog M1.2 }', '}', ...rest, ...l4(), ...upper]);
        await expectFix(before, 'catalog-layer-mismatch', 'Move threat Steal to L1 Foundation Models', after);
    });

    test('without a block for the catalog\'s layer, the move creates it in stack order', async () => {
        const before = agent([...rest, ...l4('threat Steal { catalog M1.2 }'), ...upper]);
        const after = agent(['layer L1 {', '    threat Steal { catalog M1.2 }', '}', ...rest, ...l4(), ...upper]);
        await expectFix(before, 'catalog-layer-mismatch', 'Move threat Steal to L1 Foundation Models', after);
        await expectFormattedIfWas(before, after);
    });

    test('a cross-layer threat moves to a new XL block after the last layer', async () => {
        const before = agent([...L1, ...rest, ...l4('threat Chain { catalog MX.1 }'), ...upper], ['', 'control C { strength partial }']);
        const after = agent([...L1, ...rest, ...l4(), ...upper, 'layer XL {', '    threat Chain { catalog MX.1 }', '}'], ['', 'control C { strength partial }']);
        await expectFix(before, 'catalog-layer-mismatch', 'Move threat Chain to XL Cross-Layer', after);
    });
});
