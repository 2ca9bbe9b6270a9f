import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderScoreJson } from '../../language/report/score-json.js';
import { ensureBundle, FIXTURES, ROOT, runAtm, runInProcess, tempDir } from '../cli/cli-harness.js';
import { reportFileFromText, reportFileOf } from './report-fixtures.js';

beforeAll(ensureBundle, 120_000);

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'atm-score.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

function expectValid(document: unknown): void {
    const ok = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
}

describe('schemas/atm-score.schema.json', () => {
    test.each(['example.tm', 'partial.tm', 'broken.tm', 'hostile.tm'])('the JSON of %s validates', async (name) => {
        expectValid(JSON.parse(renderScoreJson([await reportFileOf(name)])));
    });

    test('a folder of models, one with errors, validates (bundle output)', () => {
        const result = runAtm(['score', '--json', '.']);
        expect(result.code).toBe(1); // broken.tm has errors; the document is printed anyway
        const document = JSON.parse(result.stdout);
        expect(document.files.map((file: { path: string }) => file.path)).toEqual(['broken.tm', 'example.tm', 'hostile.tm', 'partial.tm']);
        expectValid(document);
    });

    test('odd models validate too: binary, empty, v0.5 with a 3.1 vector, invalid inputs', async () => {
        const documents = [
            await reportFileFromText('\u0000\u0001binary'),
            await reportFileFromText(''),
            await reportFileFromText(`aivss 0.5
agent Legacy { cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" exploit unreported mitigation strong
  factors { autonomy_of_action 1 goal_driven_planning 0.5 }
  layer L1 { threat T "t" } }`),
            await reportFileFromText(`aivss 0.8
agent Bad { cvss 11.5 exploit 2.0 mitigation 0 factors { execution_autonomy 1.5 } layer L9 { threat T } }`)
        ];
        const document = JSON.parse(renderScoreJson(documents));
        expectValid(document);
        const [, , legacy, bad] = document.files;
        expect(legacy.agents[0]).toMatchObject({ aivssVersion: '0.5', mitigationFactor: null, threatMultiplier: 0.91, cvss: { version: '3.1' } });
        expect(bad.agents[0]).toMatchObject({ cvss: null, threatMultiplier: null, mitigationFactor: null, factorSum: null, aivss: null, complete: false });
        expect(bad.agents[0].threats[0]).toMatchObject({ layer: null, aivss: null, complete: false });
    });

    test('the schema rejects what the contract forbids', () => {
        expect(validate({ files: [{ path: 'x', agents: [], diagnostics: [], extra: 1 }] })).toBe(false);
        expect(validate({ files: [{ path: 'x', agents: [{ name: 'A' }], diagnostics: [] }] })).toBe(false);
    });
});

describe('atm export --format json', () => {
    test('is the atm score --json document', async () => {
        const score = await runInProcess(['score', '--json', 'example.tm']);
        const exported = await runInProcess(['export', 'example.tm', '--format', 'json']);
        expect(exported.code).toBe(0);
        expect(exported.stdout).toBe(score.stdout);
        expect((await runInProcess(['export', 'example.tm', '--json'])).stdout).toBe(score.stdout);
    });

    test('-o writes the file and refuses to overwrite it without --force', async () => {
        const dir = tempDir();
        const model = join(FIXTURES, 'example.tm');
        const first = await runInProcess(['export', model, '--format', 'json', '-o', 'scores.json'], dir);
        expect(first).toEqual({ code: 0, stdout: '', stderr: 'atm export: wrote scores.json\n' });
        const content = readFileSync(join(dir, 'scores.json'), 'utf8');
        expectValid(JSON.parse(content));
        const again = runAtm(['export', model, '--format', 'markdown', '-o', 'scores.json'], dir);
        expect(again).toEqual({ code: 2, stdout: '', stderr: 'atm export: scores.json already exists; add --force to overwrite it (atm export --help)\n' });
        expect(readFileSync(join(dir, 'scores.json'), 'utf8')).toBe(content);
        const forced = await runInProcess(['export', model, '--format', 'markdown', '-o', 'scores.json', '--force'], dir);
        expect(forced.code).toBe(0);
        expect(readFileSync(join(dir, 'scores.json'), 'utf8')).toMatch(/^# Agentic threat model review\n/);
    });
});
