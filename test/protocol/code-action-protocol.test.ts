import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CompletionList } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, CompletionRequest, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from './lsp-session.js';

const uri = 'file:///protocol-test/code-actions.tm';

/** A clean, formatted agent that lacks layer L3. */
const model = [
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
    '    layer L1 { "m" }',
    '    layer L2 { "d" }',
    '    layer L4 { "i" }',
    '    layer L5 { "o" }',
    '    layer L6 { "s" }',
    '    layer L7 { "e" }',
    '}',
    ''
].join('\n');

let session: LspSession;

beforeAll(async () => {
    session = await LspSession.start();
});

afterAll(async () => {
    await session?.dispose();
});

describe('code actions over stdio', () => {
    test('the server advertises code actions, and completion with the vector trigger characters', () => {
        const capabilities = session.initializeResult.capabilities;
        expect(capabilities.codeActionProvider).toBeTruthy();
        expect(capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['"', '/', ':']));
    });

    test('the missing-layer quick fix, applied as the client would, yields a model without that diagnostic', async () => {
        await session.open(uri, model);
        const published = await session.waitForDiagnostics(uri);
        const missing = published.diagnostics.find((d) => d.code === 'missing-layer');
        expect(missing?.data).toMatchObject({ code: 'missing-layer', missing: ['L3'] });

        const actions = (await session.request(CodeActionRequest.type, {
            textDocument: { uri },
            range: missing!.range,
            context: { diagnostics: [missing!] }
        })) as CodeAction[];
        const fix = actions.find((action) => action.title === 'Add missing layer L3 Agent Frameworks');
        expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });

        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 1, model), fix!.edit!.changes![uri]!);
        expect(fixed).toContain('    layer L2 { "d" }\n    layer L3 uncertain {\n        "TODO: describe the agent frameworks layer."\n    }\n    layer L4 { "i" }\n');

        const since = session.diagnosticCount(uri);
        await session.change(uri, fixed);
        const after = await session.waitForDiagnostics(uri, { since });
        expect(after.diagnostics.map((d) => d.code)).not.toContain('missing-layer');
        const serious = after.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
        expect(serious).toEqual([]);
    });

    test('completion answers inside a CVSS vector', async () => {
        const text = 'agent B {\n    cvss "CVSS:4.0/AV:"\n}\n';
        const vectorUri = 'file:///protocol-test/completion.tm';
        await session.open(vectorUri, text);
        await session.waitForDiagnostics(vectorUri);
        const list = (await session.request(CompletionRequest.type, {
            textDocument: { uri: vectorUri },
            position: { line: 1, character: 22 }
        })) as CompletionList;
        expect(list.items.map((item) => item.label)).toEqual(['N', 'A', 'L', 'P']);
        await session.close(vectorUri);
    });
});
