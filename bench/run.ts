// The benchmark (`npm run bench`; `npm run bench:quick` in CI). Bundled to out/bench/run.cjs by
// bench/build.mjs; measures the shipped bundles in out/, so build them first (the npm scripts do).
//
//   node out/bench/run.cjs [--quick] [--only cli,lsp,bundles] [--out FILE] [--cpu-prof]
//
// `--cpu-prof` makes every measured process (CLI, harness, server) write a V8 CPU profile to
// .tmp/bench/profiles/; `node out/bench/profile-summary.cjs FILE` summarises one.
// Full mode prints every figure and the budget table and writes bench/results/<stamp>.json and
// bench/results/latest.json. Quick mode runs small sizes, checks gross multiples of the budgets,
// writes test-results/bench.report.json ({ passed, failed }, one count per check) and exits 1
// when a check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check, Figures } from './budgets.js';
import { fullChecks, quickChecks } from './budgets.js';
import { measureBundles } from './bundle-bench.js';
import type { CliContext, CliFigure } from './cli-bench.js';
import { measureCli, measurePhases, measureSmallCheck } from './cli-bench.js';
import type { Fixture } from './fixtures.js';
import { modelText, writeSingleFile, writeWorkspace } from './fixtures.js';
import type { LspFigure } from './lsp-bench.js';
import { measureLsp, measureStartup } from './lsp-bench.js';
import { renderChecks, renderFigures, writeJson } from './report.js';
import { summarize } from './stats.js';

/** The repository: this file runs as out/bench/run.cjs. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Plan {
    readonly single: ReadonlyArray<{ lines: number; reps: number; phases: boolean }>;
    readonly workspaces: ReadonlyArray<{ lines: number; reps: number; phases: boolean }>;
    readonly scaling: readonly number[];
    readonly smallReps: number;
    readonly lsp: ReadonlyArray<{ lines: number; keystrokes: number; opens: number; bursts: number }>;
    readonly warmRequests: number;
    readonly startupReps: number;
    readonly bundleReps: number;
}

const FULL: Plan = {
    single: [
        { lines: 1_000, reps: 7, phases: true },
        { lines: 10_000, reps: 5, phases: true },
        { lines: 100_000, reps: 5, phases: true }
    ],
    workspaces: [
        { lines: 10_000, reps: 5, phases: true },
        { lines: 100_000, reps: 5, phases: true },
        { lines: 1_000_000, reps: 3, phases: false }
    ],
    scaling: [],
    smallReps: 10,
    lsp: [
        { lines: 1_000, keystrokes: 40, opens: 5, bursts: 5 },
        { lines: 5_000, keystrokes: 40, opens: 5, bursts: 5 },
        { lines: 30_000, keystrokes: 20, opens: 3, bursts: 3 }
    ],
    warmRequests: 50,
    startupReps: 10,
    bundleReps: 5
};

const QUICK: Plan = {
    single: [{ lines: 1_000, reps: 3, phases: false }],
    workspaces: [{ lines: 10_000, reps: 3, phases: false }],
    scaling: [3_000, 30_000],
    smallReps: 3,
    lsp: [
        { lines: 500, keystrokes: 10, opens: 2, bursts: 1 },
        { lines: 5_000, keystrokes: 12, opens: 2, bursts: 1 }
    ],
    warmRequests: 20,
    startupReps: 3,
    bundleReps: 2
};

function parseArgs(argv: readonly string[]): { quick: boolean; only: Set<string>; out?: string; cpuProf: boolean } {
    const quick = argv.includes('--quick');
    const cpuProf = argv.includes('--cpu-prof');
    const onlyIndex = argv.indexOf('--only');
    const only = new Set(onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : ['cli', 'lsp', 'bundles']);
    const outIndex = argv.indexOf('--out');
    return { quick, only, cpuProf, ...(outIndex >= 0 && argv[outIndex + 1] ? { out: argv[outIndex + 1] } : {}) };
}

function gitCommit(root: string): string {
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    } catch {
        return 'unknown';
    }
}

function requireBuilt(root: string): void {
    const missing = ['out/cli/main.cjs', 'out/server/main.cjs', 'out/client/extension.cjs', 'out/bench/harness.cjs'].filter((f) => !existsSync(join(root, f)));
    if (missing.length > 0) {
        throw new Error(`missing ${missing.join(', ')}: run \`node esbuild.mjs && node bench/build.mjs\` (npm run bench does)`);
    }
}

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2));
    const root = ROOT;
    requireBuilt(root);
    const plan = args.quick ? QUICK : FULL;
    const tmpDir = join(root, '.tmp', 'bench');
    const models = join(tmpDir, 'models');
    mkdirSync(models, { recursive: true });
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const context: CliContext = { root, tmpDir, log };
    if (args.cpuProf) {
        const dir = join(tmpDir, 'profiles');
        mkdirSync(dir, { recursive: true });
        // Inherited by every child: the CLI, the harness and the server each write a profile
        // (through the probe, which every measured process preloads).
        process.env.ATM_BENCH_CPU_PROF_DIR = dir;
        log(`CPU profiles go to ${dir} (timings are inflated by the profiler)`);
    }
    const loadBefore = loadavg();
    log(`bench (${args.quick ? 'quick' : 'full'}): Node ${process.version}, ${cpus().length} CPUs, load ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`);

    const cli: CliFigure[] = [];
    const scaling: Figures['scaling'][number][] = [];
    let smallCheck: Figures['smallCheck'] = { wallMs: summarize([]) };
    const seedCard = join(root, 'examples', 'wan-2.2-s2v.tm');
    if (args.only.has('cli')) {
        log('atm check:');
        smallCheck = await measureSmallCheck(context, seedCard, plan.smallReps);
        const fixtures: Array<{ fixture: () => Fixture; reps: number; phases: boolean }> = [
            ...plan.single.map((s) => ({ fixture: () => writeSingleFile(models, `single-${label(s.lines)}`, s.lines), reps: s.reps, phases: s.phases })),
            ...plan.workspaces.map((w) => ({ fixture: () => writeWorkspace(models, `workspace-${label(w.lines)}`, w.lines), reps: w.reps, phases: w.phases }))
        ];
        for (const { fixture, reps, phases } of fixtures) {
            cli.push(await measureCli(context, fixture(), reps, phases));
        }
        for (const lines of plan.scaling) {
            const fixture = writeSingleFile(models, `scaling-${label(lines)}`, lines);
            const split = await measurePhases(context, fixture, 3);
            log(`  in-process ${label(lines)}: ${split.total.median.toFixed(0)} ms (floor ${split.floor.median.toFixed(0)} ms)`);
            scaling.push({ lines: fixture.lines, split });
        }
        // The models are regenerated each run; do not leave a gigabyte behind.
        rmSync(models, { recursive: true, force: true });
    }

    const lsp: LspFigure[] = [];
    let startup: Figures['startup'] = { initializeMs: summarize([]), readyMs: summarize([]) };
    if (args.only.has('lsp')) {
        log('language server:');
        startup = await measureStartup(readFileSync(seedCard, 'utf8'), plan.startupReps);
        log(`  spawn → initialize ${startup.initializeMs.median.toFixed(0)} ms, → first diagnostics ${startup.readyMs.median.toFixed(0)} ms`);
        for (const size of plan.lsp) {
            const model = modelText(size.lines);
            lsp.push(
                await measureLsp({ root, tmpDir, keystrokes: size.keystrokes, warmRequests: plan.warmRequests, opens: size.opens, bursts: size.bursts, log },
                    model.text, model.lines, model.agents)
            );
        }
    }

    let bundles: Figures['bundles'] = { bundles: [], clientLoadMs: summarize([]), cliStartMs: summarize([]) };
    if (args.only.has('bundles')) {
        log('bundles:');
        bundles = await measureBundles(root, tmpDir, plan.bundleReps, true);
    }

    const figures: Figures = { cli, smallCheck, scaling, lsp, startup, bundles };
    const checks: Check[] = (args.quick ? quickChecks(figures) : fullChecks(figures)).filter((c) => applies(c, args.only));
    const loadAfter = loadavg();
    process.stdout.write(`\n${renderFigures(figures)}\n\n### Budgets\n${renderChecks(checks)}\n`);
    process.stdout.write(`\nload average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(1)).join(' ')}\n`);

    const environment = {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        loadBefore,
        loadAfter,
        commit: gitCommit(root),
        date: new Date().toISOString(),
        mode: args.quick ? 'quick' : 'full'
    };
    const result = { environment, figures, checks };
    const stamp = environment.date.replace(/[:.]/g, '-');
    const outFile = args.out ?? join(root, 'bench', 'results', `${args.quick ? 'quick' : 'full'}-${stamp}.json`);
    writeJson(outFile, result);
    writeJson(join(root, 'bench', 'results', `latest-${args.quick ? 'quick' : 'full'}.json`), result);
    const passed = checks.filter((c) => c.passed).length;
    const failed = checks.length - passed;
    if (args.quick) {
        writeJson(join(root, 'test-results', 'bench.report.json'), { passed, failed });
    }
    log(`bench: ${passed} checks passed, ${failed} ${args.quick ? 'failed' : 'over budget'}; results in ${outFile}`);
    return args.quick && failed > 0 ? 1 : 0;
}

function label(lines: number): string {
    return lines >= 1_000_000 ? `${lines / 1_000_000}m` : `${lines / 1000}k`;
}

/** With `--only`, the checks of the figures that were not measured are left out. */
function applies(check: Check, only: ReadonlySet<string>): boolean {
    const area = /keystroke|hover|codelens|initialize|heap/.test(check.id) ? 'lsp' : /vsix/.test(check.id) ? 'bundles' : 'cli';
    return only.has(area);
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        // A benchmark that cannot run is a failed check, not a silent pass.
        if (process.argv.includes('--quick')) writeJson(join(ROOT, 'test-results', 'bench.report.json'), { passed: 0, failed: 1 });
        process.exitCode = 1;
    }
);
