import { describe, expect, test } from 'vitest';
import { cardToTm, tmString } from '../../language/card/card-to-tm.js';
import { cardFixture, fixture, parseAgent, parseModel, parsedCard } from './card-fixtures.js';

describe('cardToTm writes the expected .tm', () => {
    test.each([
        ['wan-2.2-s2v'],
        ['odd-name-crlf-bom'],
        ['ledgerly-rich']
    ])('%s', (name) => {
        const tm = cardToTm(cardFixture(`${name}.card.txt`), { source: `${name}.card.txt` });
        expect(tm).toBe(fixture(`${name}.expected.tm`));
    });

    test('a line break in the source file name cannot inject model source', async () => {
        const tm = cardToTm(cardFixture('wan-2.2-s2v.card.txt'), { source: 'x.txt\nagent Injected {}\r\n// ' });
        expect(tm.split('\n')[1]).toBe('// Imported from the AgentReady threat-model card x.txt agent Injected {}  //  (plain rendering).');
        const { model } = await parseModel(tm, false);
        expect(model.agents.map((agent) => agent.name)).toEqual(['Wan22S2V']);
    });

    test('names no source when none is given', () => {
        const tm = cardToTm(cardFixture('wan-2.2-s2v.card.txt'));
        expect(tm.split('\n')[1]).toBe('// Imported from the AgentReady threat-model card (plain rendering).');
    });
});

describe('the imported models are valid .tm', () => {
    test.each([
        ['wan-2.2-s2v'],
        ['odd-name-crlf-bom'],
        ['ledgerly-rich']
    ])('%s parses and checks with no error or warning', async (name) => {
        const { model, diagnostics } = await parseModel(fixture(`${name}.expected.tm`), true);
        expect(diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.message)).toEqual([]);
        expect(model.agents[0]!.layers).toHaveLength(7);
    });

    test('the rich card keeps its score inputs and asks for half-even rounding', async () => {
        const { model } = await parseModel(fixture('ledgerly-rich.expected.tm'));
        const agent = model.agents[0]!;
        expect(model.header).toMatchObject({ version: '0.8', rounding: 'half_even' });
        expect(agent.cvss[0]!.base).toBe('5.0');
        expect(agent.exploits[0]!.value).toBe('1.0');
        expect(agent.mitigations[0]!.value).toBe('1.0');
        expect(agent.published[0]!.value).toBe('5.2');
    });

    test('the plain card gets no rounding clause and no score inputs', async () => {
        const { model } = await parseModel(fixture('wan-2.2-s2v.expected.tm'));
        expect(model.header?.rounding).toBeUndefined();
        expect(model.agents[0]!.cvss).toEqual([]);
    });
});

describe('strings survive the trip into the AST', () => {
    test('tmString escapes quotes, backslashes and line breaks', () => {
        expect(tmString('say "hi" \\ ok')).toBe('"say \\"hi\\" \\\\ ok"');
        expect(tmString('a\nb\tc')).toBe('"a\\nb\\tc"');
    });

    test('a card with quotes and backslashes reads back unchanged', async () => {
        const text = fixture('wan-2.2-s2v.card.txt')
            .replace('WAN 2.2-S2V is a specialized', 'The "WAN\\S2V" agent is a specialized')
            .replace('Uses a 27B', 'Uses a "27B" C:\\models\\');
        const card = parsedCard(text);
        const agent = await parseAgent(cardToTm(card));
        expect(agent.summaries[0]!.text).toBe(card.summary);
        expect(agent.summaries[0]!.text).toMatch(/^The "WAN\\S2V" agent/);
        expect(agent.layers[0]!.paragraphs[0]!.text).toBe(card.layers[0]!.paragraph);
    });
});
