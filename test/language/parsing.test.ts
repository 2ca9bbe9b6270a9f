import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';

const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
const parse = parseHelper<Model>(services);

describe('parsing the normative seed card', () => {
    test('example.tm parses without lexer or parser errors', async () => {
        const text = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');
        const document = await parse(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const model = document.parseResult.value;
        expect(model.header?.version).toBe('0.8');
        expect(model.agents.map((a) => a.name)).toEqual(['Wan22S2V']);
        const agent = model.agents[0]!;
        expect(agent.layers.map((l) => l.layerId)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
        expect(agent.factorBlocks[0]!.entries).toHaveLength(10);
        expect(agent.controls.map((c) => c.name)).toEqual(['UploadSandbox']);
    });
});
