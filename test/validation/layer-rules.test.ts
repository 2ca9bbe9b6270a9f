import { describe, expect, test } from 'vitest';
import { check } from './validation-helpers.js';

function agent(layers: string): string {
    return `aivss 0.8
agent A {
    factors { execution_autonomy 0 external_tool_control_surface 0 natural_language_interface 0 contextual_awareness 0
        behavioral_non_determinism 0 opacity_and_reflexivity 0 persistent_state_retention 0 dynamic_identity 0
        multi_agent_interactions 0 self_modification 0 }
    cvss 5.0
${layers}
}`;
}
const allButL3 = 'layer L1 {"a"} layer L2 {"b"} layer L4 {"c"} layer L5 {"d"} layer L6 {"e"} layer L7 {"f"}';

async function findings(layers: string, code: string) {
    return (await check(agent(layers))).filter((f) => f.code === code);
}

describe('layer rules', () => {
    test('missing-layer: one warning on the agent name listing what is missing', async () => {
        expect(await findings(allButL3, 'missing-layer')).toEqual([
            { code: 'missing-layer', severity: 2, at: '2:7-2:8', message: "Agent 'A' does not cover MAESTRO layer L3 Agent Frameworks" }
        ]);
        expect(await findings(`${allButL3} layer L3 {"g"}`, 'missing-layer')).toEqual([]);
    });

    test('a layer given by name or alias counts as covered, and gets a layer-alias hint', async () => {
        const all = await check(agent(`${allButL3} layer "Agent Frameworks" {"g"}`));
        expect(all.map((f) => f.code)).toEqual(['layer-alias']);
        expect(all[0]).toMatchObject({ severity: 4, at: '7:97-7:115' });
    });

    test('duplicate-layer on the second declaration', async () => {
        expect(await findings(`${allButL3} layer L3 {"g"} layer "Frameworks" {"h"}`, 'duplicate-layer')).toEqual([
            expect.objectContaining({ at: '7:112-7:124', message: "Layer L3 is declared twice in agent 'A'; merge the two blocks" })
        ]);
    });

    test('unknown-layer with a suggestion, without one for L8', async () => {
        expect((await findings(`${allButL3} layer l3 {"g"}`, 'unknown-layer'))[0]?.message).toBe("Unknown MAESTRO layer 'l3'; did you mean L3?");
        expect((await findings(`${allButL3} layer L8 {"g"}`, 'unknown-layer'))[0]?.message).toBe("Unknown MAESTRO layer 'L8' (MAESTRO has L1–L7 and XL)");
        expect((await findings(`${allButL3} layer "Orchestration" {"g"}`, 'unknown-layer'))).toHaveLength(1);
    });

    test('layer-name-mismatch when the id and the name disagree', async () => {
        expect(await findings(`${allButL3} layer L3 "Security & Compliance" {"g"}`, 'layer-name-mismatch')).toEqual([
            expect.objectContaining({
                severity: 2,
                message: "Layer L3 is Agent Frameworks, but 'Security & Compliance' names L6 Security and Compliance"
            })
        ]);
        expect(await findings(`${allButL3} layer L3 "Agent Frameworks" {"g"}`, 'layer-name-mismatch')).toEqual([]);
        expect(await findings(`${allButL3} layer "L5 Data Operations" {"g"}`, 'layer-name-mismatch')).toHaveLength(1);
    });

    test('empty-layer is a hint on a layer with no text and no threat', async () => {
        expect(await findings(`${allButL3} layer L3 {}`, 'empty-layer')).toEqual([
            expect.objectContaining({ severity: 4, message: 'This layer has neither a description nor threats' })
        ]);
        expect(await findings(`${allButL3} layer L3`, 'empty-layer')).toHaveLength(1);
        expect(await findings(`${allButL3} layer L3 { threat T }`, 'empty-layer')).toEqual([]);
    });
});

describe('catalog rules', () => {
    test('unknown-catalog-id suggests an id only when one is clearly meant', async () => {
        const [typo] = await findings(`${allButL3} layer L3 { threat T { catalog m3.3 } }`, 'unknown-catalog-id');
        expect(typo?.message).toBe("'m3.3' is not in the MAESTRO threat catalog; did you mean M3.3 (Input Validation Attacks)?");
        const [ambiguous] = await findings(`${allButL3} layer L3 { threat T { catalog M3.9 } }`, 'unknown-catalog-id');
        expect(ambiguous).toMatchObject({ severity: 1, message: "'M3.9' is not in the MAESTRO threat catalog" });
    });

    test('catalog-layer-mismatch when a catalog threat is filed under another layer', async () => {
        expect(await findings(`${allButL3} layer L3 { threat T { catalog M4.4 } }`, 'catalog-layer-mismatch')).toEqual([
            expect.objectContaining({
                severity: 2,
                message: 'M4.4 Denial of Service (DoS) Attacks is a L4 Deployment and Infrastructure threat, filed here under L3'
            })
        ]);
        expect(await findings(`${allButL3} layer L3 { threat T { catalog M3.3 } }`, 'catalog-layer-mismatch')).toEqual([]);
    });
});
