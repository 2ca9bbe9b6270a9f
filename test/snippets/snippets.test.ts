import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createThreatModelServices } from '../../language/threat-model-module.js';
import { formatModelText } from '../../server/format-text.js';

interface Snippet {
    prefix: string | string[];
    body: string[];
    description: string;
}

const snippets = JSON.parse(readFileSync(new URL('../../snippets/threat-model.json', import.meta.url), 'utf8')) as Record<string, Snippet>;
const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
const validate = validationHelper(services);

/** The text a snippet inserts when every placeholder keeps its default (the first choice). */
function expand(name: string): string {
    const snippet = snippets[name];
    if (!snippet) {
        throw new Error(`no snippet "${name}"`);
    }
    return snippet.body
        .join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\t/g, '    ')
        .replace(/^ +$/gm, '');
}

async function problems(text: string): Promise<string[]> {
    const { diagnostics } = await validate(text);
    return diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => `${d.code}: ${d.message}`);
}

describe('snippets', () => {
    test('the agent skeleton has the ten v0.5 factors of the seed card and the layers L1–L7', () => {
        const agent = expand('Agent (AIVSS v0.5 factors, MAESTRO L1–L7)');
        const seed = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');
        const factorKeys = (text: string): string[] => [...text.matchAll(/^ {8}([a-z_]+) +\d/gm)].map((m) => m[1]!);
        expect(factorKeys(agent)).toEqual(factorKeys(seed));
        expect(factorKeys(agent)).toHaveLength(10);
        expect([...agent.matchAll(/layer (L\d)/g)].map((m) => m[1])).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
    });

    test('the agent skeleton checks with no error or warning and is already formatted', async () => {
        const agent = expand('Agent (AIVSS v0.5 factors, MAESTRO L1–L7)') + '\n';
        expect(await problems(agent)).toEqual([]);
        expect(await formatModelText(services, agent)).toBe(agent);
    });

    test('threat, control and layer snippets fit into the agent skeleton and check cleanly', async () => {
        const indent = (text: string, by: string): string => text.replace(/^(?=.)/gm, by);
        const agent = expand('Agent (AIVSS v0.5 factors, MAESTRO L1–L7)');
        const threats = [expand('Threat (catalog)'), expand('Threat (scored)').replace('ThreatName', 'OtherThreat')];
        // The layer's `$0` line is where the user goes on typing; here it stays empty.
        const layer = expand('Layer').replace('\n\n', '\n');
        const model =
            agent
                // The catalog default M1.1 is an L1 threat: file the threats under L1.
                .replace(/( {4}layer L1 .*\n.*\n)/, `$1${indent(threats.join('\n'), '        ')}\n`)
                .replace(/\n}$/, `\n${indent(expand('Control'), '    ')}\n}`)
                // The layer snippet's default is L1 too; a second L1 would be a duplicate.
                .replace(/ {4}layer L7 .*\n.*\n {4}}\n/, indent(layer.replace('layer L1', 'layer L7'), '    ') + '\n') + '\n';
        expect(model).toContain('mitigated_by ControlName');
        expect(model).toContain('control ControlName');
        expect(await problems(model)).toEqual([]);
        expect(await formatModelText(services, model)).toBe(model);
    });

    test('every snippet has a prefix and a description', () => {
        for (const [name, snippet] of Object.entries(snippets)) {
            expect(snippet.prefix.length, name).toBeGreaterThan(0);
            expect(snippet.description.length, name).toBeGreaterThan(0);
        }
    });
});
