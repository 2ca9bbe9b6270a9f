import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { expectSymbols } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const example = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

const kindNames = new Map<number, string>(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));

/** One line per symbol, indented by depth: `name [Kind] detail`. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap((symbol) => [
        `${'  '.repeat(depth)}${symbol.name} [${kindNames.get(symbol.kind)}]${symbol.detail ? ` ${symbol.detail}` : ''}`,
        ...outline(symbol.children ?? [], depth + 1)
    ]);
}

function assertOutline(text: string, expected: string[]): Promise<unknown> {
    return expectSymbols(services)({
        text,
        disposeAfterCheck: true,
        assert: (symbols) => expect(outline(symbols)).toEqual(expected)
    });
}

describe('document symbols (outline)', () => {
    test('the seed card: agent → factors, layers → threats, controls', async () => {
        await assertOutline(example, [
            'Wan22S2V [Class] WAN 2.2-S2V',
            '  factors [Struct] 10 factors',
            '    autonomy_of_action [Property] 0.10',
            '    goal_driven_planning [Property] 0.10',
            '    self_modification [Property] 0.00',
            '    dynamic_tool_use [Property] 0.00',
            '    persistent_memory [Property] 0.00',
            '    contextual_awareness [Property] 0.20',
            '    dynamic_identity [Property] 0.00',
            '    multi_agent_interactions [Property] 0.00',
            '    non_determinism [Property] 0.40',
            '    opacity_and_reflexivity [Property] 0.50',
            '  L1 [Namespace]',
            '    ModelStealing [Event] Model stealing of this closed-source asset',
            '    AdversarialAudio [Event] Adversarial audio inputs designed to bypass safety filters',
            '    OutputManipulation [Event] Output manipulation leading to misaligned or offensive video generation',
            '  L2 [Namespace] uncertain',
            '    AudioExfiltration [Event] Data exfiltration of user-uploaded audio assets',
            '    TrainingDataRights [Event] Intellectual property and copyright issues in the training data of the 27B MoE model',
            '  L3 [Namespace] uncertain',
            '    PipelineIntegration [Event] Insecure integration between the speech synthesis and video rendering pipelines',
            '  L4 [Namespace] uncertain',
            '    RenderDoS [Event] High GPU rendering demands invite denial of service',
            '    UploadParsing [Event] Audio upload parsing open to remote code execution or SSRF',
            '  L5 [Namespace] uncertain',
            '    MisuseBlindSpot [Event] No observability to detect generation of unauthorized or malicious synthetic media',
            '  L6 [Namespace] uncertain',
            '    ConsentGap [Event] Consent and synthetic-identity compliance risk',
            '  L7 [Namespace] uncertain',
            '  UploadSandbox [Function] Audio files are decoded in an isolated, network-less sandbox'
        ]);
    });

    test('layer names: the id, the label when written, or the label alone', async () => {
        await assertOutline(
            'agent A { layer L4 "Deployment and Infrastructure" layer "Data Operations" uncertain layer L1 }',
            ['A [Class]', '  L4 Deployment and Infrastructure [Namespace]', '  Data Operations [Namespace] uncertain', '  L1 [Namespace]']
        );
    });

    test('children follow the text, whatever the member order', async () => {
        await assertOutline('agent A { control C layer L1 { threat T } factors { autonomy_of_action 1 } control D }', [
            'A [Class]',
            '  C [Function]',
            '  L1 [Namespace]',
            '    T [Event]',
            '  factors [Struct] 1 factor',
            '    autonomy_of_action [Property] 1',
            '  D [Function]'
        ]);
    });

    test('ranges cover the declaration; the selection is its name', async () => {
        await expectSymbols(services)({
            text: 'agent A {\n    layer L2 {\n        threat T "t"\n    }\n}\n',
            disposeAfterCheck: true,
            assert: (symbols) => {
                const agent = symbols[0]!;
                expect(agent.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 4, character: 1 } });
                expect(agent.selectionRange).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
                const layer = agent.children![0]!;
                expect(layer.selectionRange).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
                const threat = layer.children![0]!;
                expect(threat.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 20 } });
                expect(threat.selectionRange).toEqual({ start: { line: 2, character: 15 }, end: { line: 2, character: 16 } });
            }
        });
    });

    test('a half-written file still gives an outline with non-empty names', async () => {
        await expectSymbols(services)({
            text: 'agent A {\n    layer L1 {\n        threat \n',
            disposeAfterCheck: true,
            assert: (symbols) => {
                const names = outline(symbols);
                expect(names[0]).toBe('A [Class]');
                for (const line of names) {
                    expect(line.trim().split(' [')[0]).not.toBe('');
                }
            }
        });
    });
});
