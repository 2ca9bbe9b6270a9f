import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, FIXTURES, lines, runAtm, runInProcess, tempDir } from './cli-harness.js';

beforeAll(ensureBundle, 120_000);

const SEED_LINES = [
    'example.tm:8:7: info missing-cvss: Agent \'Wan22S2V\' has no CVSS base, so its own score and 9 of 10 threats are incomplete; add a cvss vector',
    'example.tm:12:35: hint non-canonical-factor: Factor value 0.10 is not one of the spec\'s levels 0, 0.5 and 1',
    'example.tm:13:35: hint non-canonical-factor: Factor value 0.10 is not one of the spec\'s levels 0, 0.5 and 1',
    'example.tm:17:35: hint non-canonical-factor: Factor value 0.20 is not one of the spec\'s levels 0, 0.5 and 1',
    'example.tm:20:35: hint non-canonical-factor: Factor value 0.40 is not one of the spec\'s levels 0, 0.5 and 1'
];

describe('atm check (bundle, child process)', () => {
    test('the seed model: no error or warning, every severity printed one per line, exit 0', () => {
        const result = runAtm(['check', 'example.tm']);
        expect(result.code).toBe(0);
        expect(lines(result.stdout)).toEqual(SEED_LINES);
        expect(result.stderr).toBe('atm: 1 file checked: 0 errors, 0 warnings, 1 info, 4 hints\n');
    });

    test('--quiet prints errors only', () => {
        const result = runAtm(['check', '--quiet', 'example.tm']);
        expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('a syntax error is located at line:col and exits 1', () => {
        const result = runAtm(['check', '--quiet', 'broken.tm']);
        expect(result.code).toBe(1);
        expect(lines(result.stdout)).toEqual([
            'broken.tm:11:16: error syntax-error: unexpected character: ->=<- at offset: 277, skipped 1 characters.',
            'broken.tm:11:18: error syntax-error: Expecting token of type \'ID\' but found `"missing name"`.'
        ]);
    });
});

describe('atm check (in-process)', () => {
    test('warnings alone exit 0; --strict makes them fail', async () => {
        const plain = await runInProcess(['check', 'partial.tm']);
        expect(plain.code).toBe(0);
        expect(lines(plain.stdout)[0]).toBe('partial.tm:4:7: warning missing-layer: Agent \'Planner\' does not cover MAESTRO layers '
            + 'L2 Data Operations, L4 Deployment and Infrastructure, L5 Evaluation and Observability, L6 Security and Compliance');
        const strict = await runInProcess(['check', '--strict', 'partial.tm']);
        expect(strict.code).toBe(1);
    });

    test('--max-warnings N: exit 1 only above N', async () => {
        expect((await runInProcess(['check', '--max-warnings', '1', 'partial.tm'])).code).toBe(0);
        const over = await runInProcess(['check', '--max-warnings', '0', 'partial.tm']);
        expect(over.code).toBe(1);
        expect(over.stderr).toContain('atm: 1 warning, more than --max-warnings 0\n');
        expect((await runInProcess(['check', '--max-warnings', 'x', 'partial.tm'])).code).toBe(2);
    });

    test('--fail-on BAND: exit 1 when a complete score reaches the band', async () => {
        // Seed: the only complete score is UploadParsing 7.8 High.
        expect((await runInProcess(['check', '--fail-on', 'critical', 'example.tm'])).code).toBe(0);
        const high = await runInProcess(['check', '--fail-on', 'high', 'example.tm']);
        expect(high.code).toBe(1);
        expect(high.stderr).toContain('atm: example.tm: Wan22S2V/UploadParsing scores 7.8 High, at or above --fail-on high\n');
        expect((await runInProcess(['check', '--fail-on', 'Medium', 'example.tm'])).code).toBe(1);
        // partial.tm: Jailbreak 9.6 Critical; Summarizer's own score 2.9 Low counts too.
        const critical = await runInProcess(['check', '--fail-on', 'critical', '--json', 'partial.tm']);
        expect(critical.code).toBe(1);
        expect(JSON.parse(critical.stdout).gate).toEqual([
            { path: 'partial.tm', agent: 'Planner', threat: 'Jailbreak', aivss: 9.6, severity: 'Critical' }
        ]);
        const low = JSON.parse((await runInProcess(['check', '--fail-on', 'low', '--format', 'json', 'partial.tm'])).stdout);
        expect(low.gate.map((g: { threat: string | null }) => g.threat)).toEqual([null, 'Jailbreak', 'ToolInjection', 'Marketplace', null]);
        expect((await runInProcess(['check', '--fail-on', 'severe', 'example.tm'])).code).toBe(2);
    });

    test('JSON: --json and --format json are the same, printed even with errors', async () => {
        const a = await runInProcess(['check', '--json', 'broken.tm']);
        const b = await runInProcess(['check', '--format', 'json', 'broken.tm']);
        expect(a).toEqual(b);
        expect(a.code).toBe(1);
        const document = JSON.parse(a.stdout);
        expect(document.summary).toEqual({ files: 1, errors: 2, warnings: 2, infos: 1, hints: 0 });
        expect(document.files[0].diagnostics).toContainEqual({
            severity: 'error', code: 'syntax-error', message: 'Expecting token of type \'ID\' but found `"missing name"`.',
            line: 11, column: 18, endLine: 11, endColumn: 32
        });
        expect((await runInProcess(['check', '--json', '--format', 'text', 'broken.tm'])).code).toBe(2);
    });

    test('folders are searched recursively for *.tm, skipping node_modules and dot-folders', async () => {
        const dir = tempDir();
        mkdirSync(join(dir, 'models', 'deep'), { recursive: true });
        mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
        mkdirSync(join(dir, '.hidden'));
        copyFileSync(join(FIXTURES, 'example.tm'), join(dir, 'models', 'deep', 'seed.tm'));
        copyFileSync(join(FIXTURES, 'broken.tm'), join(dir, 'node_modules', 'pkg', 'broken.tm'));
        copyFileSync(join(FIXTURES, 'broken.tm'), join(dir, '.hidden', 'broken.tm'));
        writeFileSync(join(dir, 'models', 'notes.txt'), 'not a model');
        const result = await runInProcess(['check', '--json'], dir);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['models/deep/seed.tm']);
    });

    test('usage errors exit 2 with one line naming the argument', async () => {
        const unknown = await runInProcess(['check', '--stirct', 'example.tm']);
        expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'atm check: unknown option --stirct (atm check --help)\n' });
        expect((await runInProcess(['chek'])).stderr).toBe('atm: unknown command \'chek\'; commands: check, score, calc, export, import, fmt (atm --help)\n');
        expect((await runInProcess(['check', '--format', 'xml'])).stderr).toBe('atm check: --format must be one of text, json, not \'xml\' (atm check --help)\n');
    });
});
