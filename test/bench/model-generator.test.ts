import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/model-generator.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';

// The benchmark's input generator: its figures mean something only if the models are the same
// on every run and are realistic, valid models.
describe('benchmark model generator', () => {
    it('is deterministic: the same seed gives the same text, another seed another', () => {
        const a = generateModel({ lines: 800, seed: 42 });
        expect(generateModel({ lines: 800, seed: 42 }).text).toBe(a.text);
        expect(generateModel({ lines: 800, seed: 43 }).text).not.toBe(a.text);
    });

    it('reaches the requested size, at most one agent over', () => {
        for (const lines of [1, 500, 3000]) {
            const model = generateModel({ lines, seed: lines });
            expect(model.lines).toBeGreaterThanOrEqual(lines);
            expect(model.lines).toBeLessThan(lines + 120);
            expect(model.text.split('\n').length - 1).toBe(model.lines);
        }
    });

    it('uses every construct: ten factors, seven layers, threats with CVSS 4.0, controls and references', () => {
        const { text } = generateModel({ lines: 2000, seed: 1 });
        for (const construct of ['aivss 0.8', 'factors {', 'rationale "', 'summary "', 'cvss "CVSS:4.0/', 'exploit ', 'mitigation ', 'layer L7', 'layer XL', 'uncertain', 'catalog M', 'mitigated_by ', 'control ', 'strength ', '// ']) {
            expect(text, construct).toContain(construct);
        }
        expect(text.match(/execution_autonomy/g)?.length).toBe(text.match(/\nagent /g)?.length);
    });

    it('checks without errors: every reference resolves, every value is valid', async () => {
        const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(generateModel({ lines: 3000, seed: 9 }).text, URI.parse('memory:///gen.tm'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.diagnostics?.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
        const score = services.scoring.ModelScorer.scoreDocument(document);
        expect(score.agents.filter((agent) => agent.headline?.result).length).toBeGreaterThan(score.agents.length / 2);
    });
});
