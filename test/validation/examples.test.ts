import { readdirSync, readFileSync } from 'node:fs';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Model } from '../../language/generated/ast.js';
import { check, services } from './validation-helpers.js';

const examples = new URL('../../examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');

describe('the bundled examples', () => {
    test('examples/wan-2.2-s2v.tm is the normative seed, unchanged', () => {
        expect(read('wan-2.2-s2v.tm')).toBe(readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8'));
    });

    test.each(readdirSync(examples).filter((f) => f.endsWith('.tm')))('%s checks with no error or warning', async (file) => {
        const findings = await check(read(file));
        expect(findings.filter((f) => f.severity <= 2)).toEqual([]);
    });

    test('the v0.8 worked examples reproduce Table 5 to the digit', async () => {
        const document = await parseHelper<Model>(services)(read('aivss-v08-worked-examples.tm'));
        const scores = services.scoring.ModelScorer.scoreDocument(document).agents.map(
            (agent) => `${agent.agent.name} ${agent.headline?.result?.score.toFixed(1)} ${agent.headline?.result?.severity}`
        );
        expect(scores).toEqual([
            'ToolMisuse 9.9 Critical',
            'AccessControlViolation 9.7 Critical',
            'CascadingFailures 9.4 Critical',
            'OrchestrationMultiAgent 10.0 Critical',
            'IdentityImpersonation 9.3 Critical',
            'MemoryContextManipulation 8.9 High',
            'CriticalSystemsInteraction 9.2 Critical',
            'SupplyChainDependency 9.7 Critical',
            'Untraceability 8.3 High',
            'GoalInstructionManipulation 7.1 High'
        ]);
    });
});
