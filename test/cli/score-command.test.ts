import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, runAtm, runInProcess } from './cli-harness.js';

beforeAll(ensureBundle, 120_000);

const incomplete = (name: string, title: string, layer: string, catalog: string | null) =>
    ({ name, title, layer, catalog, aivss: null, severity: null, complete: false });

const SEED_AGENT = {
    name: 'Wan22S2V',
    title: 'WAN 2.2-S2V',
    aivssVersion: '0.8',
    rounding: 'half_up',
    factors: {
        autonomy_of_action: 0.1, goal_driven_planning: 0.1, self_modification: 0, dynamic_tool_use: 0, persistent_memory: 0,
        contextual_awareness: 0.2, dynamic_identity: 0, multi_agent_interactions: 0, non_determinism: 0.4, opacity_and_reflexivity: 0.5
    },
    factorSum: 1.3,
    cvss: null,
    threatMultiplier: 0.97,
    mitigationFactor: 1,
    aars: null,
    aivss: 7.8,
    severity: 'High',
    complete: true,
    headlineFrom: 'UploadParsing',
    layers: { covered: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'], uncertain: ['L2', 'L3', 'L4', 'L5', 'L6', 'L7'], missing: [] },
    threats: [
        incomplete('ModelStealing', 'Model stealing of this closed-source asset', 'L1', 'M1.2'),
        incomplete('AdversarialAudio', 'Adversarial audio inputs designed to bypass safety filters', 'L1', 'M1.1'),
        incomplete('OutputManipulation', 'Output manipulation leading to misaligned or offensive video generation', 'L1', null),
        incomplete('AudioExfiltration', 'Data exfiltration of user-uploaded audio assets', 'L2', 'M2.2'),
        incomplete('TrainingDataRights', 'Intellectual property and copyright issues in the training data of the 27B MoE model', 'L2', null),
        incomplete('PipelineIntegration', 'Insecure integration between the speech synthesis and video rendering pipelines', 'L3', null),
        incomplete('RenderDoS', 'High GPU rendering demands invite denial of service', 'L4', 'M4.4'),
        {
            name: 'UploadParsing', title: 'Audio upload parsing open to remote code execution or SSRF', layer: 'L4', catalog: null,
            aivss: 7.8, severity: 'High', complete: true
        },
        incomplete('MisuseBlindSpot', 'No observability to detect generation of unauthorized or malicious synthetic media', 'L5', null),
        incomplete('ConsentGap', 'Consent and synthetic-identity compliance risk', 'L6', null)
    ]
};

describe('atm score', () => {
    test('seed model, JSON (bundle): headline 7.8 High from UploadParsing, sum 1.3, 7 covered, 6 uncertain', () => {
        const result = runAtm(['score', '--json', 'example.tm']);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const document = JSON.parse(result.stdout);
        expect(document.files).toHaveLength(1);
        expect(document.files[0].path).toBe('example.tm');
        expect(document.files[0].agents).toEqual([SEED_AGENT]);
        expect(document.files[0].diagnostics.map((d: { code: string }) => d.code))
            .toEqual(['missing-cvss', 'non-canonical-factor', 'non-canonical-factor', 'non-canonical-factor', 'non-canonical-factor']);
    });

    test('seed model, text table', async () => {
        const result = await runInProcess(['score', 'example.tm']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(`example.tm
  agent Wan22S2V "WAN 2.2-S2V" (AIVSS v0.8, half_up)
    headline    7.8 High (from UploadParsing)
    factor sum  1.30
    coverage    7/7 layers covered, 6 uncertain (L2 L3 L4 L5 L6 L7)
    threat               layer  catalog  AIVSS
    ModelStealing        L1     M1.2     incomplete — add cvss
    AdversarialAudio     L1     M1.1     incomplete — add cvss
    OutputManipulation   L1     -        incomplete — add cvss
    AudioExfiltration    L2     M2.2     incomplete — add cvss
    TrainingDataRights   L2     -        incomplete — add cvss
    PipelineIntegration  L3     -        incomplete — add cvss
    RenderDoS            L4     M4.4     incomplete — add cvss
    UploadParsing        L4     -        7.8 High
    MisuseBlindSpot      L5     -        incomplete — add cvss
    ConsentGap           L6     -        incomplete — add cvss
`);
    });

    test('agent-level inputs: cvss vector or number, ThM, MF, AARS of the own score; headline from the agent', async () => {
        const result = await runInProcess(['score', '--format', 'json', 'partial.tm']);
        expect(result.code).toBe(0);
        const [planner, summarizer] = JSON.parse(result.stdout).files[0].agents;
        expect(planner).toMatchObject({
            cvss: { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', version: '4.0', base: 9.4 },
            threatMultiplier: 0.97, mitigationFactor: 0.67, aars: 0.2037, factorSum: 3.5,
            aivss: 9.6, severity: 'Critical', complete: true, headlineFrom: 'Jailbreak',
            layers: { covered: ['L1', 'L3', 'L7'], uncertain: [], missing: ['L2', 'L4', 'L5', 'L6'] }
        });
        expect(planner.threats.map((t: { name: string; aivss: number }) => [t.name, t.aivss]))
            .toEqual([['Jailbreak', 9.6], ['ToolInjection', 4.1], ['Marketplace', 6.4]]);
        expect(summarizer).toMatchObject({
            title: null, cvss: { vector: null, version: null, base: 2.1 }, aars: 0.7663, aivss: 2.9, severity: 'Low', headlineFrom: 'agent'
        });
    });

    test('a file with errors still prints its scores, lists the errors on stderr, and exits 1', async () => {
        const text = await runInProcess(['score', 'broken.tm']);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain('  agent Broken "A model with a syntax error"');
        expect(text.stderr).toContain('broken.tm:11:18: error syntax-error: Expecting token of type \'ID\' but found `"missing name"`.\n');
        const json = await runInProcess(['score', '--json', 'broken.tm']);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout).files[0].agents[0].name).toBe('Broken');
    });
});
