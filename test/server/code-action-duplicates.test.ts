import { describe, expect, test } from 'vitest';
import { actionsFor, apply, codesIn, expectFix, expectFormattedIfWas, V08_FACTOR_ENTRIES } from './code-action-helpers.js';

const entries = V08_FACTOR_ENTRIES;

/** A formatted agent: a factors block of `factorLines`, cvss 5.0, then `layers` (and `tail`). */
const agent = (layers: string[], factorLines: readonly string[] = entries, tail: string[] = []): string =>
    [
        'aivss 0.8',
        '',
        'agent A "Agent" {',
        '    factors {',
        ...factorLines.map((line) => `        ${line}`),
        '    }',
        '    cvss 5.0',
        '',
        ...[...layers, ...tail].map((line) => (line === '' ? '' : `    ${line}`)),
        '}',
        ''
    ].join('\n');

const others = ['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }'];
/** All seven layers with `l4` as L4's lines and `extra` right after it. */
const stack = (l4: string[], extra: string[] = []): string[] => [...others.slice(0, 3), ...l4, ...extra, ...others.slice(3)];

describe('duplicate-layer', () => {
    const first = ['layer L4 {', '    "Hosting."', '    threat Upload "Upload parsing"', '}'];
    const repeat = ['layer L4 {', '    // found in review', '    "Sandboxing."', '    threat Escape "Container escape" { catalog M4.1 }', '}'];

    test('merge (preferred): the repeat\'s lines, comments included, go to the end of the first block', async () => {
        const before = agent(stack(first, repeat));
        const merged = ['layer L4 {', '    "Hosting."', '    threat Upload "Upload parsing"', '    // found in review', '    "Sandboxing."', '    threat Escape "Container escape" { catalog M4.1 }', '}'];
        const action = await expectFix(before, 'duplicate-layer', 'Merge into the first L4 block (line 21)', agent(stack(merged)));
        expect(action.isPreferred).toBe(true);
        expect(action.diagnostics?.map((d) => d.code)).toEqual(['duplicate-layer']);
        expect(await codesIn(agent(stack(merged)))).toEqual([]);
    });

    test('or the repeat goes, and the title says what goes with it', async () => {
        const before = agent(stack(first, repeat));
        const { actions } = await actionsFor(before, 'duplicate-layer');
        expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
            ['Merge into the first L4 block (line 21)', true],
            ['Remove this repeated L4 block (its 1 threat goes too)', false]
        ]);
        expect(apply(before, actions[1]!)).toBe(agent(stack(first)));
    });

    test('a repeat of one line merges into a first block without a body, which gets one', async () => {
        const before = agent(stack(['layer L4'], ['layer L4 { "Hosting." }']));
        const { actions } = await actionsFor(before, 'duplicate-layer');
        const after = apply(before, actions[0]!);
        expect(after).toBe(agent(stack(['layer L4 {', '    "Hosting."', '}'])));
        await expectFormattedIfWas(before, after);
    });

    test('a first block written on one line is opened onto lines', async () => {
        const before = agent(stack(['layer L4 { "Hosting." }'], repeat));
        const after = agent(stack(['layer L4 {', '    "Hosting."', '    // found in review', '    "Sandboxing."', '    threat Escape "Container escape" { catalog M4.1 }', '}']));
        await expectFix(before, 'duplicate-layer', 'Merge into the first L4 block (line 21)', after);
    });

    test('an uncertain repeat makes the merged layer uncertain; an alias names the same layer', async () => {
        const before = agent(stack(first, ['layer "Deployment and Infrastructure" uncertain {', '    "Not described."', '}']));
        const after = agent(stack(['layer L4 uncertain {', '    "Hosting."', '    threat Upload "Upload parsing"', '    "Not described."', '}']));
        await expectFix(before, 'duplicate-layer', 'Merge into the first L4 block (line 21)', after);
    });

    test('an empty repeat can only go, and that is preferred', async () => {
        const { actions } = await actionsFor(agent(stack(first, ['layer L4'])), 'duplicate-layer');
        expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([['Remove the repeated empty L4 block', true]]);
        expect(apply(agent(stack(first, ['layer L4'])), actions[0]!)).toBe(agent(stack(first)));
    });
});

describe('duplicate-factor', () => {
    const withRepeat = (line: string): string[] => [...entries, line];

    test('the repeat goes (preferred), and the score stays what it was', async () => {
        const before = agent(stack(['layer L4 { "i" }']), withRepeat('dynamic_identity               1.0'));
        const action = await expectFix(before, 'duplicate-factor', 'Remove the repeated \'dynamic_identity 1.0\' (the first one counts)', agent(stack(['layer L4 { "i" }'])));
        expect(action.isPreferred).toBe(true);
    });

    test('or the earlier one goes so that this value counts', async () => {
        const before = agent(stack(['layer L4 { "i" }']), withRepeat('dynamic_identity               1.0'));
        const after = agent(stack(['layer L4 { "i" }']), [...entries.filter((e) => !e.startsWith('dynamic_identity')), 'dynamic_identity               1.0']);
        const action = await expectFix(before, 'duplicate-factor', 'Remove the earlier \'dynamic_identity 0.0\' so that this one counts', after);
        expect(action.isPreferred).toBeUndefined();
    });

    test('removing the longest key moves the value column back; a key of the other version is the same factor', async () => {
        const before = agent(stack(['layer L4 { "i" }']), ['dynamic_tool_use               0.0', 'execution_autonomy             0.5', 'external_tool_control_surface  0.0']);
        const actions = (await actionsFor(before, 'duplicate-factor')).actions.filter((a) => a.kind === 'quickfix');
        expect(actions.map((a) => a.title)).toEqual([
            'Remove the repeated \'external_tool_control_surface 0.0\' (the first one counts)',
            'Remove the earlier \'dynamic_tool_use 0.0\' so that this one counts'
        ]);
        expect(apply(before, actions[0]!)).toBe(agent(stack(['layer L4 { "i" }']), ['dynamic_tool_use    0.0', 'execution_autonomy  0.5']));
        expect(apply(before, actions[1]!)).toBe(agent(stack(['layer L4 { "i" }']), ['execution_autonomy             0.5', 'external_tool_control_surface  0.0']));
        expect(await codesIn(apply(before, actions[0]!))).not.toContain('duplicate-factor');
    });
});

describe('big layers', () => {
    test('merging a one-line layer of 30 000 threats stays linear (was: 42 s, each threat rescanned its 1 MB line)', { timeout: 120_000 }, async () => {
        const threats = (prefix: string): string => Array.from({ length: 30_000 }, (_, i) => `threat ${prefix}${i}`).join(' ');
        const before = `agent A {\n    cvss 5.0\n    layer L1 { "p" ${threats('T')} }\n    layer L1 { "q" ${threats('U')} }\n}\n`;
        const started = performance.now();
        const { actions } = await actionsFor(before, 'duplicate-layer');
        const after = apply(before, actions[0]!);
        expect(after).toBe(`agent A {\n    cvss 5.0\n    layer L1 {\n        "p" ${threats('T')}\n        "q" ${threats('U')}\n    }\n}\n`);
        // Parsing and validating 60 000 threats is most of the 4 s this takes; the quadratic merge took 40 s more.
        expect(performance.now() - started).toBeLessThan(25_000);
    });
});
