import { describe, expect, test } from 'vitest';
import { check } from './validation-helpers.js';

const layers = 'layer L1 {"a"} layer L2 {"b"} layer L3 {"c"} layer L4 {"d"} layer L5 {"e"} layer L6 {"f"} layer L7 {"g"}';

function agentWithFactors(factors: string, header = 'aivss 0.8'): string {
    return `${header}
agent A {
    cvss 5.0
    factors {
${factors}
    }
    ${layers}
}`;
}

const V05 = [
    'autonomy_of_action', 'goal_driven_planning', 'self_modification', 'dynamic_tool_use', 'persistent_memory',
    'contextual_awareness', 'dynamic_identity', 'multi_agent_interactions', 'non_determinism', 'opacity_and_reflexivity'
];
const lines = (keys: readonly string[], value = '0') => keys.map((k) => `        ${k} ${value}`).join('\n');

async function only(text: string, code: string) {
    return (await check(text)).filter((f) => f.code === code);
}

describe('factor rules', () => {
    test('a full v0.5 block under the v0.8 formula is valid (the seed card does this)', async () => {
        expect(await check(agentWithFactors(lines(V05)))).toEqual([]);
    });

    test('unknown-factor with a did-you-mean, on the key', async () => {
        const text = agentWithFactors(lines([...V05.slice(0, 9), 'opacity_and_reflexivty']));
        expect(await only(text, 'unknown-factor')).toEqual([
            {
                code: 'unknown-factor',
                severity: 1,
                at: '14:9-14:31',
                message: "Unknown AIVSS factor 'opacity_and_reflexivty'; did you mean 'opacity_and_reflexivity'?"
            }
        ]);
    });

    test('duplicate-factor for the same concept under either name', async () => {
        const text = agentWithFactors(lines([...V05, 'execution_autonomy']));
        const [finding] = await only(text, 'duplicate-factor');
        expect(finding).toMatchObject({
            severity: 1,
            at: '15:9-15:27',
            message: "Factor Execution Autonomy is given twice (already given as 'autonomy_of_action'); only the first counts"
        });
        // and the concept counts once: mixed-factor-versions is reported too, on the block keyword
        expect(await only(text, 'mixed-factor-versions')).toEqual([expect.objectContaining({ severity: 2, at: '4:5-4:12' })]);
    });

    test('missing-factor lists the absent keys of the block set, on the factors keyword', async () => {
        const text = agentWithFactors(lines(V05.slice(0, 8)));
        expect(await only(text, 'missing-factor')).toEqual([
            {
                code: 'missing-factor',
                severity: 2,
                at: '4:5-4:12',
                message: 'Missing v0.5 factors non_determinism, opacity_and_reflexivity; the score uses the 8 present'
            }
        ]);
    });

    test('an agent without a factors block gets missing-factor on its name', async () => {
        const findings = await only(`agent A { cvss 5.0 ${layers} }`, 'missing-factor');
        expect(findings).toEqual([expect.objectContaining({ at: '1:7-1:8', message: "Agent 'A' has no factors block; its factor sum counts as 0" })]);
    });

    test('factor-out-of-range and invalid-number are errors on the value; non-canonical a hint', async () => {
        const text = agentWithFactors(lines(V05.slice(0, 7), '0') + '\n        multi_agent_interactions 1.5\n        non_determinism 0.125\n        opacity_and_reflexivity 0.3');
        const findings = (await check(text)).map((f) => `${f.code}@${f.at} ${f.message}`);
        expect(findings).toEqual([
            'factor-out-of-range@12:34-12:37 Factor value 1.5 is outside 0.0–1.0',
            "invalid-number@13:25-13:30 '0.125' has 3 decimals; at most 2 are allowed",
            "non-canonical-factor@14:33-14:36 Factor value 0.3 is not one of the spec's levels 0, 0.5 and 1"
        ]);
        expect(await only(agentWithFactors(lines(V05.slice(0, 9)) + '\n        opacity_and_reflexivity -0.1'), 'factor-out-of-range')).toHaveLength(1);
    });
});
