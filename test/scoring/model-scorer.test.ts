import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';

const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
const parse = parseHelper<Model>(services);
const seed = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

async function scoreOf(text: string) {
    const document = await parse(text);
    return services.scoring.ModelScorer.scoreDocument(document);
}

function agentWith(members: string, header = 'aivss 0.8'): string {
    return `${header}
agent A {
    factors { autonomy_of_action 0.10 goal_driven_planning 0.10 self_modification 0.00 dynamic_tool_use 0.00
              persistent_memory 0.00 contextual_awareness 0.20 dynamic_identity 0.00 multi_agent_interactions 0.00
              non_determinism 0.40 opacity_and_reflexivity 0.50 }
    ${members}
}`;
}

describe('scoring the seed card', () => {
    test('headline 7.8 High from UploadParsing: CVSS 9.3, sum 1.3, ThM 0.5 (exploit unreported), MF 0.83 (partial control)', async () => {
        const [agent] = (await scoreOf(seed)).agents;
        expect(agent!.factors.sum100).toBe(130);
        expect(agent!.own).toBeUndefined();
        expect(agent!.headline?.name).toBe('UploadParsing');
        const headline = agent!.headline!;
        expect(headline.result?.score10).toBe(78);
        expect(headline.result?.severity).toBe('High');
        expect(headline.cvss?.base10).toBe(93);
        expect(headline.cvss?.origin).toBe('written');
        expect(headline.thm).toMatchObject({ value100: 50, origin: 'written', label: 'exploit unreported' });
        expect(headline.mf).toMatchObject({ value100: 83, origin: 'control', label: 'control UploadSandbox (partial)' });
    });

    test('threats without any CVSS are incomplete and say to add one', async () => {
        const [agent] = (await scoreOf(seed)).agents;
        const stealing = agent!.threats.find((t) => t.name === 'ModelStealing')!;
        expect(stealing.result).toBeUndefined();
        expect(stealing.blockers).toEqual(['add cvss']);
        expect(stealing.layerId).toBe('L1');
        expect(stealing.catalog).toBe('M1.2');
    });

    test('an agent-level cvss 5.3 makes ModelStealing 5.9 Medium, inherited with default ThM and MF', async () => {
        const text = seed.replace('    layer L1 {', '    cvss 5.3\n    layer L1 {');
        const [agent] = (await scoreOf(text)).agents;
        const stealing = agent!.threats.find((t) => t.name === 'ModelStealing')!;
        expect(stealing.result?.score10).toBe(59);
        expect(stealing.result?.severity).toBe('Medium');
        expect(stealing.cvss?.origin).toBe('inherited');
        expect(stealing.thm?.origin).toBe('default');
        expect(stealing.mf?.origin).toBe('default');
        // The agent's own score now exists too; the headline stays the maximum (7.8).
        expect(agent!.own?.result?.score10).toBe(59);
        expect(agent!.headline?.result?.score10).toBe(78);
    });

    test('layer coverage: all seven covered, six uncertain', async () => {
        const [agent] = (await scoreOf(seed)).agents;
        expect(agent!.coverage.covered).toHaveLength(7);
        expect(agent!.coverage.uncertain).toEqual(['L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
        expect(agent!.coverage.missing).toEqual([]);
    });
});

describe('input resolution, level by level', () => {
    test('ThM comes from the agent vector E: when nothing closer is written', async () => {
        const model = await scoreOf(agentWith(`cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"
    layer L1 { threat T "t" }`));
        const [agent] = model.agents;
        expect(agent!.own?.thm).toMatchObject({ value100: 50, origin: 'vector' });
        expect(agent!.own?.cvss?.base10).toBe(93);
        const threat = agent!.threats[0]!;
        expect(threat.thm).toMatchObject({ value100: 50, origin: 'inherited-vector' });
        expect(threat.result?.score10).toBe(agent!.own?.result?.score10);
    });

    test('a threat exploit beats its own vector, which beats the agent exploit', async () => {
        const model = await scoreOf(agentWith(`exploit attacked
    layer L1 {
        threat A "own exploit" { cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P" exploit unreported }
        threat B "own vector" { cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P" }
        threat C "agent exploit" { cvss 9.3 }
    }`));
        const [a, b, c] = model.agents[0]!.threats;
        expect(a!.thm).toMatchObject({ value100: 50, origin: 'written' });
        expect(b!.thm).toMatchObject({ value100: 97, origin: 'vector' });
        expect(c!.thm).toMatchObject({ value100: 100, origin: 'inherited' });
    });

    test('MF: threat mitigation, else strongest control, else agent mitigation, else 1.0', async () => {
        const model = await scoreOf(agentWith(`mitigation partial
    cvss 8.0
    layer L1 {
        threat A "written" { mitigation 0.9 mitigated_by Strong }
        threat B "controls" { mitigated_by Partial, Strong }
        threat C "agent" { mitigated_by Weakless }
    }
    control Strong "s" { strength strong }
    control Partial "p" { strength partial }
    control Weakless "no strength"`));
        const [a, b, c] = model.agents[0]!.threats;
        expect(a!.mf).toMatchObject({ value100: 90, origin: 'written' });
        expect(b!.mf).toMatchObject({ value100: 67, origin: 'control', label: 'control Strong (strong)' });
        expect(c!.mf).toMatchObject({ value100: 83, origin: 'inherited' });
    });

    test('an invalid written value blocks the score instead of falling through', async () => {
        const model = await scoreOf(agentWith(`cvss 8.0
    layer L1 { threat A "bad exploit" { exploit 1.7 } }`));
        const threat = model.agents[0]!.threats[0]!;
        expect(threat.thm).toBeUndefined();
        expect(threat.result).toBeUndefined();
        expect(threat.blockers).toEqual(['fix the exploit value']);
    });

    test('a CVSS 3.1 vector is unusable under v0.8 and usable under v0.5', async () => {
        const vector = 'cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"';
        const v08 = await scoreOf(agentWith(vector));
        expect(v08.agents[0]!.own?.blockers).toEqual(['fix the cvss value']);
        const v05 = await scoreOf(agentWith(vector, 'aivss 0.5'));
        // v0.5: ((9.8 + 1.3) / 2) × 0.97 = 5.3835 → 5.4
        expect(v05.agents[0]!.own?.result?.score10).toBe(54);
        expect(v05.agents[0]!.own?.mf?.label).toContain('v0.5');
    });

    test('the headline is the maximum of complete scores, and the agent wins ties', async () => {
        const model = await scoreOf(agentWith(`cvss 7.0
    layer L1 { threat Same "same inputs" threat Higher "higher" { cvss 9.0 } }`));
        expect(model.agents[0]!.headline?.name).toBe('Higher');
        const tie = await scoreOf(agentWith(`cvss 7.0
    layer L1 { threat Same "same inputs" }`));
        expect(tie.agents[0]!.headline?.kind).toBe('agent');
    });

    test('the file header picks version and rounding', async () => {
        const model = await scoreOf(agentWith('cvss 5.0', 'aivss 0.5 rounding half_even'));
        expect(model.version).toBe('0.5');
        expect(model.rounding).toBe('half_even');
    });
});
