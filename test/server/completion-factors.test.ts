import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { services } from './completion-helpers.js';

const complete = expectCompletion(services.ThreatModel);

async function itemsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await complete({
        text,
        index: 0,
        assert: (list) => {
            items = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        },
        disposeAfterCheck: true
    });
    return items;
}

/** The text after accepting `item` at the `<|>` mark, with snippet tab stops replaced by their defaults. */
function accept(marked: string, item: CompletionItem): string {
    const document = TextDocument.create('file:///x.tm', 'threat-model', 1, marked.replace('<|>', ''));
    const main = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    const edits = [...(main ? [main] : []), ...(item.additionalTextEdits ?? [])];
    const text = TextDocument.applyEdits(document, edits);
    return text.replace(/\$\{\d+:([^}]*)\}/g, '$1');
}

describe('factor keys inside a factors block', () => {
    test('an empty block under v0.8 offers the v0.8 set in order, then the v0.5-only names, then all at once', async () => {
        const items = await itemsAt('agent A {\n    factors {\n        <|>\n    }\n}');
        expect(items.map((item) => item.label)).toEqual([
            'all missing factors',
            'execution_autonomy', 'external_tool_control_surface', 'natural_language_interface', 'contextual_awareness',
            'behavioral_non_determinism', 'opacity_and_reflexivity', 'persistent_state_retention', 'dynamic_identity',
            'multi_agent_interactions', 'self_modification',
            'autonomy_of_action', 'goal_driven_planning', 'dynamic_tool_use', 'persistent_memory', 'non_determinism',
            'rationale'
        ]);
        const autonomy = items.find((item) => item.label === 'execution_autonomy')!;
        expect(autonomy.detail).toBe('Execution Autonomy');
        expect(autonomy.documentation).toMatchObject({ kind: 'markdown' });
        expect((autonomy.documentation as { value: string }).value).toContain('| 1.0 | Commits actions autonomously in production or critical systems. |');
    });

    test('a v0.5-only key pins the v0.5 set: only its missing keys, never a present concept, no v0.8 names', async () => {
        const text = 'agent A {\n    factors {\n        autonomy_of_action    0.1\n        dynamic_tool_use      0.0\n        <|>\n    }\n}';
        const items = await itemsAt(text);
        expect(items.filter((item) => item.kind !== 15 && item.label !== 'rationale').map((item) => item.label)).toEqual([
            'goal_driven_planning', 'self_modification', 'persistent_memory', 'contextual_awareness',
            'dynamic_identity', 'multi_agent_interactions', 'non_determinism', 'opacity_and_reflexivity'
        ]);
    });

    test('a v0.8-only key pins the v0.8 set even in a v0.5 model', async () => {
        const items = await itemsAt('aivss 0.5\nagent A {\n    factors {\n        natural_language_interface  0.5\n        <|>\n    }\n}');
        expect(items.map((item) => item.label)).not.toContain('goal_driven_planning');
        expect(items.map((item) => item.label)).toContain('execution_autonomy');
        expect(items.map((item) => item.label)).not.toContain('natural_language_interface');
    });

    test('the inserted entry lines up with an aligned block, and a longer key moves the column of the others', async () => {
        const marked = 'agent A {\n    factors {\n        self_modification  0.5\n        <|>\n    }\n}';
        const items = await itemsAt(marked);
        const shortKey = items.find((item) => item.label === 'dynamic_identity')!;
        expect(accept(marked, shortKey)).toBe('agent A {\n    factors {\n        self_modification  0.5\n        dynamic_identity   0.0\n    }\n}');
        const longKey = items.find((item) => item.label === 'external_tool_control_surface')!;
        expect(accept(marked, longKey)).toBe(
            'agent A {\n    factors {\n        self_modification              0.5\n        external_tool_control_surface  0.0\n    }\n}'
        );
    });

    test('"all missing factors" inserts every missing key, formatted', async () => {
        const marked = 'agent A {\n    factors {\n        execution_autonomy  0.5\n        dynamic_identity    0.0\n        <|>\n    }\n}';
        const all = (await itemsAt(marked)).find((item) => item.label === 'all missing factors')!;
        expect(all.detail).toBe('8 v0.8 factors at 0.0');
        expect(accept(marked, all)).toBe(
            [
                'agent A {',
                '    factors {',
                '        execution_autonomy             0.5',
                '        dynamic_identity               0.0',
                '        external_tool_control_surface  0.0',
                '        natural_language_interface     0.0',
                '        contextual_awareness           0.0',
                '        behavioral_non_determinism     0.0',
                '        opacity_and_reflexivity        0.0',
                '        persistent_state_retention     0.0',
                '        multi_agent_interactions       0.0',
                '        self_modification              0.0',
                '    }',
                '}'
            ].join('\n')
        );
    });

    test('when a value already follows, only the key is replaced', async () => {
        const marked = 'agent A {\n    factors {\n        self_modification  0.5\n        dyn<|> 0.5\n    }\n}';
        const items = await itemsAt(marked);
        const identity = items.find((item) => item.label === 'dynamic_identity')!;
        expect(accept(marked, identity)).toContain('        dynamic_identity 0.5\n');
    });
});

describe('a whole factors block', () => {
    test('an agent without a block gets a factors snippet with the model version\'s ten keys', async () => {
        const marked = 'aivss 0.5\nagent A {\n    <|>\n}';
        const block = (await itemsAt(marked)).find((item) => item.label === 'factors { … }')!;
        expect(block.detail).toBe('factors block with the ten AIVSS v0.5 factors');
        const text = accept(marked, block);
        expect(text).toBe(
            [
                'aivss 0.5',
                'agent A {',
                '    factors {',
                '        autonomy_of_action        0.0',
                '        goal_driven_planning      0.0',
                '        self_modification         0.0',
                '        dynamic_tool_use          0.0',
                '        persistent_memory         0.0',
                '        contextual_awareness      0.0',
                '        dynamic_identity          0.0',
                '        multi_agent_interactions  0.0',
                '        non_determinism           0.0',
                '        opacity_and_reflexivity   0.0',
                '        rationale "Why these values"',
                '    }',
                '}'
            ].join('\n')
        );
    });

    test('an agent that has a block is offered neither the keyword nor the snippet', async () => {
        const items = await itemsAt('agent A {\n    factors { }\n    <|>\n}');
        expect(items.map((item) => item.label)).not.toContain('factors');
        expect(items.map((item) => item.label)).not.toContain('factors { … }');
    });
});
