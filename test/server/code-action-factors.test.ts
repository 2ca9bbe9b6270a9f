import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { actionsFor, apply, checkFix, codesIn, expectFix, factorBlockLines, services } from './code-action-helpers.js';

const layers = ['layer L1 { "m" }', 'layer L2 { "d" }', 'layer L3 { "f" }', 'layer L4 { "i" }', 'layer L5 { "o" }', 'layer L6 { "s" }', 'layer L7 { "e" }'];

/** A formatted agent with the given members before its cvss line and all seven layers. */
const agent = (members: string[], header = 'aivss 0.8'): string =>
    [header, '', 'agent A "Agent" {', ...members.map((line) => `    ${line}`), '    cvss 5.0', '', ...layers.map((l) => `    ${l}`), '}', ''].join('\n');

describe('missing-factor', () => {
    test('missing keys are added at 0.0 below the last entry, and the column moves for a longer key', async () => {
        const before = agent(factorBlockLines(['execution_autonomy  0.5', 'dynamic_identity    0.0', 'rationale "why"']));
        const entries = [
            'execution_autonomy             0.5',
            'dynamic_identity               0.0',
            'external_tool_control_surface  0.0',
            'natural_language_interface     0.0',
            'contextual_awareness           0.0',
            'behavioral_non_determinism     0.0',
            'opacity_and_reflexivity        0.0',
            'persistent_state_retention     0.0',
            'multi_agent_interactions       0.0',
            'self_modification              0.0',
            'rationale "why"'
        ];
        const result = await checkFix(before, 'missing-factor', agent(factorBlockLines(entries)));
        expect(result.action).toMatchObject({ title: 'Add 8 missing v0.8 factors at 0.0', isPreferred: true, kind: 'quickfix' });
    });

    test('one missing key in a v0.5 block keeps the v0.5 alignment', async () => {
        const full = [
            'autonomy_of_action        0.10',
            'goal_driven_planning      0.10',
            'self_modification         0.00',
            'dynamic_tool_use          0.00',
            'persistent_memory         0.00',
            'contextual_awareness      0.20',
            'dynamic_identity          0.00',
            'multi_agent_interactions  0.00',
            'non_determinism           0.40'
        ];
        const result = await checkFix(agent(factorBlockLines(full)), 'missing-factor', agent(factorBlockLines([...full, 'opacity_and_reflexivity   0.0'])));
        expect(result.action?.title).toBe('Add factor opacity_and_reflexivity at 0.0');
    });

    test('an unaligned block gets single spaces, like its entries', async () => {
        const packed = 'autonomy_of_action 0.5 goal_driven_planning 0 self_modification 0 dynamic_tool_use 0 persistent_memory 0 contextual_awareness 0';
        const before = agent(['factors {', `    ${packed}`, '}']);
        const after = agent(['factors {', `    ${packed}`, '    dynamic_identity 0.0', '    multi_agent_interactions 0.0', '    non_determinism 0.0', '    opacity_and_reflexivity 0.0', '}']);
        await checkFix(before, 'missing-factor', after);
    });

    test('an empty block, on one line or with only a rationale, is filled', async () => {
        const keys = ['execution_autonomy', 'external_tool_control_surface', 'natural_language_interface', 'contextual_awareness', 'behavioral_non_determinism', 'opacity_and_reflexivity', 'persistent_state_retention', 'dynamic_identity', 'multi_agent_interactions', 'self_modification'];
        const entries = keys.map((key) => `${key.padEnd(31)}0.0`);
        await checkFix(agent(['factors {}']), 'missing-factor', agent(factorBlockLines(entries)));
        await checkFix(agent(factorBlockLines(['rationale "why"'])), 'missing-factor', agent(factorBlockLines([...entries, 'rationale "why"'])));
    });

    test('an agent without a block gets one after its summary, with the model version\'s keys', async () => {
        const keys = ['autonomy_of_action', 'goal_driven_planning', 'self_modification', 'dynamic_tool_use', 'persistent_memory', 'contextual_awareness', 'dynamic_identity', 'multi_agent_interactions', 'non_determinism', 'opacity_and_reflexivity'];
        const result = await checkFix(
            agent(['summary "An agent."'], 'aivss 0.5'),
            'missing-factor',
            agent(['summary "An agent."', ...factorBlockLines(keys.map((key) => `${key.padEnd(26)}0.0`))], 'aivss 0.5')
        );
        expect(result.action?.title).toBe('Add a factors block with the 10 factors at 0.0');
    });

    test('an agent without a summary gets the block first', async () => {
        const before = 'agent A {\n    cvss 5.0\n}\n';
        const { actions } = await actionsFor(before, 'missing-factor');
        expect(apply(before, actions[0]!)).toMatch(/^agent A \{\n {4}factors \{\n {8}execution_autonomy {13}0\.0\n[\s\S]*\n {4}\}\n {4}cvss 5\.0\n\}\n$/);
    });
});

describe('unknown-factor', () => {
    test('the suggested key replaces the typo; the block stays aligned', async () => {
        const entries = ['autonomy_of_action        0.10', 'goal_driven_planning      0.10', 'self_modification         0.00', 'dynamic_tool_use          0.00', 'persistent_memory         0.00', 'contextual_awareness      0.20', 'dynamic_identity          0.00', 'multi_agent_interactions  0.00', 'non_determinism           0.40'];
        const before = agent(factorBlockLines([...entries, 'opacity_reflexivity       0.50']));
        const result = await checkFix(before, 'unknown-factor', agent(factorBlockLines([...entries, 'opacity_and_reflexivity   0.50'])));
        expect(result.action?.title).toBe("Change to 'opacity_and_reflexivity' (Opacity & Reflexivity)");
    });
});

describe('renaming between v0.5 and v0.8 names', () => {
    const v05 = [
        'autonomy_of_action        0.10',
        'self_modification         0.00',
        'dynamic_tool_use          0.00',
        'persistent_memory         0.00',
        'contextual_awareness      0.20',
        'dynamic_identity          0.00',
        'multi_agent_interactions  0.00',
        'non_determinism           0.40',
        'opacity_and_reflexivity   0.50'
    ];

    test('mixed-factor-versions: either direction is offered, neither preferred; a direction with nothing to rename is not', async () => {
        const both = agent(factorBlockLines(['execution_autonomy  0.10', 'persistent_memory   0.00', 'contextual_awareness  0.20']));
        const { actions } = await actionsFor(both, 'mixed-factor-versions');
        expect(actions.map((a: CodeAction) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
            ['Rename factors to AIVSS v0.8 names', 'quickfix', false],
            ['Rename factors to AIVSS v0.5 names', 'quickfix', false]
        ]);
        const onlyLanguage = agent(factorBlockLines(['natural_language_interface  0.5', 'persistent_memory           0.0']));
        const single = await actionsFor(onlyLanguage, 'mixed-factor-versions');
        expect(single.actions.map((a) => a.title)).toEqual(['Rename factors to AIVSS v0.8 names']);
    });

    test('renaming a mixed block to v0.8 resolves it and realigns the values', async () => {
        const mixed = agent(factorBlockLines(['autonomy_of_action          0.10', 'natural_language_interface  0.50', 'non_determinism             0.40']));
        const after = agent(factorBlockLines(['execution_autonomy          0.10', 'natural_language_interface  0.50', 'behavioral_non_determinism  0.40']));
        await expectFix(mixed, 'mixed-factor-versions', 'Rename factors to AIVSS v0.8 names', after);
        expect(await codesIn(after)).not.toContain('mixed-factor-versions');
    });

    test('goal_driven_planning with natural_language_interface stays mixed after either rename: they are different concepts', async () => {
        const mixed = agent(factorBlockLines(['goal_driven_planning        0.10', 'natural_language_interface  0.50', 'persistent_memory           0.40']));
        const { actions } = await actionsFor(mixed, 'mixed-factor-versions');
        const toV08 = apply(mixed, actions.find((a) => a.title === 'Rename factors to AIVSS v0.8 names')!);
        expect(toV08).toContain('goal_driven_planning        0.10');
        expect(toV08).toContain('natural_language_interface  0.50');
        expect(toV08).toContain('persistent_state_retention  0.40');
        expect(await codesIn(toV08)).toContain('mixed-factor-versions');
    });

    test('on a key of a consistent block the rename is a refactoring, not a quick fix', async () => {
        const text = agent(factorBlockLines(v05.concat(['goal_driven_planning      0.10'])));
        const document = await import('langium/test').then(({ parseHelper }) => parseHelper(services)(text));
        const offset = text.indexOf('dynamic_tool_use');
        const position = document.textDocument.positionAt(offset);
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: position, end: position },
            context: { diagnostics: [] }
        })) as CodeAction[];
        expect(actions.map((a) => [a.title, a.kind])).toEqual([['Rename factors to AIVSS v0.8 names', 'refactor.rewrite']]);
        const renamed = apply(text, actions[0]!);
        expect(renamed).toContain('        execution_autonomy             0.10\n');
        expect(renamed).toContain('        goal_driven_planning           0.10\n');
        const onlyQuickFixes = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: position, end: position },
            context: { diagnostics: [], only: ['quickfix'] }
        });
        expect(onlyQuickFixes).toBeUndefined();
    });
});
