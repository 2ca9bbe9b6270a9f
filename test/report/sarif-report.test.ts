/**
 * SARIF: structure, scores as security-severity, regions, fingerprints, and every log the tests
 * produce validated by Microsoft's SARIF Multitool (no SARIF1xxx error allowed).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SarifLog } from '../../language/report/sarif-types.js';
import { renderSarif } from '../../language/report/sarif-report.js';
import { ensureBundle, FIXTURES, runAtm, runInProcess, tempDir } from '../cli/cli-harness.js';
import { reportFileFromText, reportFileOf } from './report-fixtures.js';

beforeAll(ensureBundle, 120_000);

/** The Linux binary inside @microsoft/sarif-multitool-linux; made executable if npm skipped its postinstall. */
function multitool(): string {
    const require = createRequire(import.meta.url);
    const binary = join(require.resolve('@microsoft/sarif-multitool-linux/package.json'), '..', 'Sarif.Multitool');
    try {
        accessSync(binary, constants.X_OK);
    } catch {
        chmodSync(binary, 0o755);
    }
    return binary;
}

interface MultitoolFinding {
    readonly ruleId: string;
    readonly level?: string;
    readonly message: { readonly id?: string; readonly arguments?: readonly string[] };
}

/** Runs `Sarif.Multitool validate` and returns its findings; SARIF1xxx rules are errors. */
function validateWithMultitool(sarifText: string): MultitoolFinding[] {
    const dir = tempDir('atm-sarif-');
    const input = join(dir, 'out.sarif');
    const report = join(dir, 'report.sarif');
    writeFileSync(input, sarifText);
    const run = spawnSync(multitool(), ['validate', input, '-o', report, '--log', 'ForceOverwrite'], {
        encoding: 'utf8',
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        timeout: 120_000
    });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const log = JSON.parse(readFileSync(report, 'utf8'));
    return log.runs[0].results as MultitoolFinding[];
}

function errorsOf(findings: readonly MultitoolFinding[]): MultitoolFinding[] {
    return findings.filter((finding) => finding.ruleId.startsWith('SARIF1') || finding.level === 'error');
}

async function sarifOf(name: string, minSeverity?: 'Low' | 'Medium' | 'High' | 'Critical'): Promise<SarifLog> {
    const text = renderSarif([await reportFileOf(name)], { toolVersion: '0.1.0', informationUri: 'https://example.invalid/atm', ...(minSeverity ? { minSeverity } : {}) });
    return JSON.parse(text) as SarifLog;
}

describe('SARIF export', () => {
    test('the seed: one rule per diagnostic code, one per scored threat with security-severity and tags', async () => {
        const log = await sarifOf('example.tm');
        expect(log.version).toBe('2.1.0');
        const run = log.runs[0]!;
        const rule = run.tool.driver.rules.find((r) => r.id === 'aivss/Wan22S2V/UploadParsing')!;
        expect(rule.properties).toEqual({ 'security-severity': '7.8', tags: ['security', 'aivss', 'severity:high', 'maestro:L4'] });
        expect(rule.defaultConfiguration.level).toBe('error');
        expect(run.tool.driver.rules.find((r) => r.id === 'missing-layer')?.help.text)
            .toBe('An agent does not cover one of the seven MAESTRO layers L1–L7. Configure it under "rules" in atm.config.json.');
        const scored = run.results.filter((r) => r.ruleId.startsWith('aivss/'));
        expect(scored).toHaveLength(1);
        expect(scored[0]!.locations[0]!.physicalLocation).toEqual({
            artifactLocation: { uri: 'example.tm' },
            region: { startLine: 47, startColumn: 16, endLine: 47, endColumn: 29 }
        });
        expect(scored[0]!.message.text).toBe('Wan22S2V/UploadParsing scores AIVSS 7.8 (High): Audio upload parsing open to remote code execution or SSRF. '
            + 'Inputs: CVSS 9.3 (CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N), factor sum 1.30, ThM 0.50 (exploit unreported), '
            + 'MF 0.83 (control UploadSandbox (partial)).');
        const diagnostics = run.results.filter((r) => !r.ruleId.startsWith('aivss/'));
        expect(diagnostics.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
            ['missing-cvss', 'note', 8], ['non-canonical-factor', 'note', 12], ['non-canonical-factor', 'note', 13],
            ['non-canonical-factor', 'note', 17], ['non-canonical-factor', 'note', 20]
        ]);
    });

    test('tags carry the catalog id; every complete score is reported by default, --min-severity filters', async () => {
        const all = await sarifOf('partial.tm');
        const ids = (log: SarifLog) => log.runs[0]!.results.map((r) => r.ruleId).filter((id) => id.startsWith('aivss/'));
        expect(ids(all)).toEqual(['aivss/Planner', 'aivss/Planner/Jailbreak', 'aivss/Planner/ToolInjection', 'aivss/Planner/Marketplace', 'aivss/Summarizer']);
        const jailbreak = all.runs[0]!.tool.driver.rules.find((r) => r.id === 'aivss/Planner/Jailbreak')!;
        expect(jailbreak.properties).toEqual({ 'security-severity': '9.6', tags: ['security', 'aivss', 'severity:critical', 'maestro:L1', 'catalog:M1.1'] });
        expect(ids(await sarifOf('partial.tm', 'Medium'))).toEqual(['aivss/Planner', 'aivss/Planner/Jailbreak', 'aivss/Planner/ToolInjection', 'aivss/Planner/Marketplace']);
        const critical = await sarifOf('partial.tm', 'Critical');
        expect(ids(critical)).toEqual(['aivss/Planner/Jailbreak']);
        expect(critical.runs[0]!.tool.driver.rules.filter((r) => r.id.startsWith('aivss/')).map((r) => r.id)).toEqual(['aivss/Planner/Jailbreak']);
    });

    test('partialFingerprints survive edits that do not rename the threat, and change when it is renamed', async () => {
        const seed = readFileSync(join(FIXTURES, 'example.tm'), 'utf8');
        const fingerprints = async (text: string) => {
            const log = JSON.parse(renderSarif([await reportFileFromText(text, 'example.tm')], { toolVersion: '0' })) as SarifLog;
            return log.runs[0]!.results.filter((r) => r.ruleId.startsWith('aivss/')).map((r) => r.partialFingerprints);
        };
        const original = await fingerprints(seed);
        const edited = await fingerprints(seed
            .replace('aivss 0.8', '// a new comment line\n\naivss 0.8')
            .replace('exploit unreported', 'exploit proof_of_concept')
            .replace('"Audio upload parsing open to remote code execution or SSRF"', '"Retitled"'));
        expect(edited).toEqual(original);
        const renamed = await fingerprints(seed.replace('threat UploadParsing', 'threat UploadDecoding'));
        expect(renamed).not.toEqual(original);
    });

    test.each(['example.tm', 'partial.tm', 'broken.tm', 'hostile.tm'])('Sarif.Multitool validates the log of %s without errors', async (name) => {
        const text = renderSarif([await reportFileOf(name)], { toolVersion: '0.1.0', informationUri: 'https://example.invalid/atm' });
        expect(errorsOf(validateWithMultitool(text))).toEqual([]);
    }, 180_000);

    test('the CLI\'s SARIF (bundle) for a binary file and a path with spaces validates too', () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'a binary [1].tm'), Buffer.from([0x00, 0xff, 0x10]));
        const result = runAtm(['export', 'a binary [1].tm', '--format', 'sarif'], dir);
        expect(result.code).toBe(1);
        const log = JSON.parse(result.stdout) as SarifLog;
        expect(log.runs[0]!.results[0]).toMatchObject({
            ruleId: 'invalid-encoding',
            level: 'error',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20binary%20%5B1%5D.tm' }, region: { startLine: 1, startColumn: 1 } } }]
        });
        expect(errorsOf(validateWithMultitool(result.stdout))).toEqual([]);
    }, 180_000);

    test('export.format and export.minSeverity of atm.config.json apply; --min-severity overrides', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'atm.config.json'), JSON.stringify({ export: { format: 'sarif', minSeverity: 'Critical' } }));
        const model = join(FIXTURES, 'partial.tm');
        const scored = (stdout: string) => (JSON.parse(stdout) as SarifLog).runs[0]!.results.map((r) => r.ruleId).filter((id) => id.startsWith('aivss/'));
        const configured = await runInProcess(['export', model], dir);
        expect(configured.code).toBe(0);
        expect(scored(configured.stdout)).toEqual(['aivss/Planner/Jailbreak']);
        expect(scored((await runInProcess(['export', model, '--min-severity', 'medium'], dir)).stdout)).toHaveLength(4);
    });

    test('a diagnostic code the table does not know still gets its own rule', async () => {
        const start = { line: 2, character: 4 };
        const file = {
            path: 'dir/m.tm', score: undefined,
            diagnostics: [
                { range: { start, end: { line: 2, character: 9 } }, message: 'from the future', code: 'future-rule', severity: 2 as const },
                { range: { start, end: start }, message: 'no code at all', severity: 3 as const }
            ]
        };
        const text = renderSarif([file], { toolVersion: '0.1.0', informationUri: 'https://example.invalid/atm' });
        const log = JSON.parse(text) as SarifLog;
        const rules = log.runs[0]!.tool.driver.rules;
        expect(log.runs[0]!.results.map((r) => [r.ruleId, rules[r.ruleIndex]!.id, r.level])).toEqual([
            ['future-rule', 'future-rule', 'warning'], ['atm-diagnostic', 'atm-diagnostic', 'note']
        ]);
        expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 });
        expect(errorsOf(validateWithMultitool(text))).toEqual([]);
    }, 180_000);

    test('message text escapes brackets, which SARIF reads as embedded links', async () => {
        const log = await sarifOf('hostile.tm');
        const link = log.runs[0]!.results.find((r) => r.ruleId === 'aivss/Hostile/Link')!;
        expect(link.message.text).toContain('\\](javascript:alert(4)) | a | b | `tick`');
    });
});
