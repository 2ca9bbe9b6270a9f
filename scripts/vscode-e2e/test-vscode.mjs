// `npm run test:vscode`: sets up the VS Code hosts, builds the extension and the suite, runs the
// integration suite through @vscode/test-electron's runTests on every host of the matrix, then
// the Playwright UI suite against the packaged .vsix. Each run writes
// test-results/vscode-<name>.report.json as { passed, failed }; the last line totals them:
// `vscode: N passed, N failed`. A host that cannot be set up, a build that fails, or a run that
// never reports counts as a failure, never as zero tests.
//
// Options: --only=1.100.3,1.139.1,ui   run a subset
//          --skip-build                 test the extension already in out/
//          --desktop[=<version>]        run the integration suite in a downloaded desktop VS Code
//                                       (a developer machine with internet; no code-server)
// Environment: VSCODE_E2E_EXTENSION (extension folder under test, default the repo root),
//              VSCODE_E2E_VSIX (a .vsix for the UI suite instead of `npm run package`'s).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './build-tests.mjs';
import { HARNESS_DIR, HOSTS, ROOT } from './hosts.mjs';
import { setupHosts } from './setup-host.mjs';
import { makeWorkspace } from './workspace.mjs';

const RESULTS = join(ROOT, 'test-results');
const EXTENSION = process.env.VSCODE_E2E_EXTENSION ?? ROOT;
const GIVEN_VSIX = process.env.VSCODE_E2E_VSIX;
const VSIX = GIVEN_VSIX ?? join(ROOT, 'out/agentic-threat-model.vsix');
const UI_HOST = HOSTS[HOSTS.length - 1];

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const only = option('only')?.split('=')[1]?.split(',');
const selected = (name) => !only || only.includes(name);
const desktop = option('desktop');
const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;

/** @type {{ name: string, passed: number, failed: number, seconds: number, note: string }[]} */
const runs = [];

function record(name, passed, failed, since, note = '') {
    const run = { name, passed, failed, seconds: seconds(since), note };
    runs.push(run);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, `vscode-${name}.report.json`), JSON.stringify(run, null, 4) + '\n');
    console.log(`\n[vscode-e2e] ${name}: ${passed} passed, ${failed} failed in ${run.seconds} s${note ? ` (${note})` : ''}\n`);
}

function npm(script) {
    const since = Date.now();
    console.log(`[vscode-e2e] npm run ${script}`);
    const result = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
    return { ok: result.status === 0, seconds: seconds(since) };
}

function readJson(file) {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        return undefined;
    }
}

/** One integration run through runTests; `executable` undefined means a downloaded desktop VS Code. */
async function integrationRun(name, executable, env, version) {
    const since = Date.now();
    const reportFile = join(RESULTS, `.vscode-${name}.runner.json`);
    rmSync(reportFile, { force: true });
    const workspace = makeWorkspace(name);
    let exitCode = 0;
    try {
        await runTests({
            ...(executable ? { vscodeExecutablePath: executable } : { version }),
            extensionDevelopmentPath: EXTENSION,
            extensionTestsPath: suiteEntry,
            launchArgs: [workspace, '--disable-extensions'],
            extensionTestsEnv: { ...env, VSCODE_E2E_REPORT: reportFile }
        });
    } catch (error) {
        exitCode = typeof error?.code === 'number' ? error.code : 1;
        console.error(`[vscode-e2e] ${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
    const report = readJson(reportFile);
    rmSync(reportFile, { force: true });
    const passed = report?.passed ?? 0;
    // The desktop app writes no runner report: then only the exit code is known.
    const failed = Math.max(report?.failed ?? 0, exitCode !== 0 ? 1 : 0);
    record(name, passed, failed, since, exitCode === 2 ? 'the test window never reported a result' : '');
}

function uiRun(host) {
    const since = Date.now();
    const jsonReport = join(RESULTS, 'vscode-ui/playwright.json');
    rmSync(jsonReport, { force: true });
    rmSync(join(RESULTS, 'vscode-ui/screenshots'), { recursive: true, force: true });
    const result = spawnSync('npx', ['playwright', 'test', '-c', 'test/vscode/ui/playwright.config.ts'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, VSCODE_E2E_CODE_SERVER: host.codeServer, VSCODE_E2E_NODE: host.node, VSCODE_E2E_VSIX: VSIX }
    });
    const stats = readJson(jsonReport)?.stats;
    const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    const failed = Math.max((stats?.unexpected ?? 0), result.status !== 0 ? 1 : 0);
    const skipped = stats?.skipped ?? 0;
    record('ui', passed, failed, since, skipped ? `${skipped} skipped after a failure` : '');
}

// 1. Hosts (apt packages, Node, code-server), unless only the desktop app is wanted.
const wanted = desktop ? [] : HOSTS.filter((h) => selected(h.name) || (selected('ui') && h === UI_HOST));
const setupStart = Date.now();
const setup = wanted.length ? setupHosts(wanted) : { seconds: 0, results: [] };
for (const r of setup.results) {
    console.log(`[vscode-e2e] host VS Code ${r.host.vscode}: ${r.ok ? (r.skipped ? 'cached' : `set up in ${r.seconds} s`) : `SET-UP FAILED\n${r.error}`}`);
}
const setupSeconds = seconds(setupStart);
const hostFor = (host) => setup.results.find((r) => r.host === host);

// 2. The extension and the suite.
const build = option('skip-build') ? { ok: true, seconds: 0 } : npm('build');
let suiteEntry;
try {
    suiteEntry = await buildSuite();
} catch (error) {
    console.error(`[vscode-e2e] building the suite failed: ${error instanceof Error ? error.message : String(error)}`);
}

// 3. The integration matrix.
const shim = join(HARNESS_DIR, 'code-shim.sh');
if (desktop) {
    const version = desktop.split('=')[1] ?? 'stable';
    const since = Date.now();
    if (!build.ok || !suiteEntry) record(`desktop-${version}`, 0, 1, since, 'the build failed');
    else await integrationRun(`desktop-${version}`, undefined, {}, version);
}
for (const host of desktop ? [] : HOSTS.filter((h) => selected(h.name))) {
    const since = Date.now();
    const ready = hostFor(host);
    if (!ready?.ok) record(host.name, 0, 1, since, 'the host could not be set up');
    else if (!build.ok || !suiteEntry) record(host.name, 0, 1, since, 'the build failed');
    else await integrationRun(host.name, shim, { VSCODE_E2E_CODE_SERVER: ready.codeServer, VSCODE_E2E_NODE: ready.node });
}

// 4. The UI suite, on the packaged extension.
if (!desktop && selected('ui')) {
    const since = Date.now();
    const ready = hostFor(UI_HOST);
    if (!ready?.ok) record('ui', 0, 1, since, 'the host could not be set up');
    else if (!build.ok) record('ui', 0, 1, since, 'the build failed');
    else {
        if (!GIVEN_VSIX) rmSync(VSIX, { force: true });
        const packaged = GIVEN_VSIX ? { ok: true } : npm('package');
        if (!packaged.ok || !existsSync(VSIX)) record('ui', 0, 1, since, `npm run package did not produce ${VSIX}`);
        else uiRun(ready);
    }
}

const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
console.log('[vscode-e2e] summary');
console.log(`  set-up ${setupSeconds} s${setup.apt?.installed?.length ? ` (apt ${setup.apt.seconds} s)` : ''}, build ${build.seconds} s`);
for (const r of runs) console.log(`  ${r.name.padEnd(16)} ${r.passed} passed, ${r.failed} failed, ${r.seconds} s${r.note ? ` — ${r.note}` : ''}`);
console.log(`  total ${seconds(started)} s`);
console.log(`vscode: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
