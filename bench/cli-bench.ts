/**
 * Figures 1 and 2: `atm check` as shipped (out/cli/main.cjs) against the floor, a process that
 * only lexes and parses the same files with the same grammar (out/bench/harness.cjs floor).
 * Both include Node start-up, loading a bundle and building the parser, so their ratio is the
 * price of everything after parsing. The in-process harness adds the phase split.
 */
import { join } from 'node:path';
import type { ProcessRun } from './child-process.js';
import { runMeasured } from './child-process.js';
import type { Fixture } from './fixtures.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface PhaseSplit {
    readonly total: Summary;
    readonly floor: Summary;
    /** Median milliseconds per phase of the full check (warm runs only). */
    readonly phases: Readonly<Record<string, number>>;
    readonly ratio: number;
    readonly heapUsedBytes: number;
    readonly diagnostics: number;
}

export interface CliFigure {
    readonly fixture: Fixture;
    readonly wallMs: Summary;
    readonly cpuMs: Summary;
    readonly maxRssBytes: Summary;
    readonly exitCodes: ReadonlyArray<number | null>;
    readonly linesPerSecond: number;
    readonly mbPerSecond: number;
    readonly floorWallMs: Summary;
    readonly floorCpuMs: Summary;
    readonly floorLinesPerSecond: number;
    /** Full check / floor, on median wall times and on median CPU times. */
    readonly ratioWall: number;
    readonly ratioCpu: number;
    readonly inProcess?: PhaseSplit;
    readonly failure?: string;
}

export interface CliContext {
    readonly root: string;
    readonly tmpDir: string;
    readonly log: (line: string) => void;
}

const CLI = ['out', 'cli', 'main.cjs'];
const HARNESS = ['out', 'bench', 'harness.cjs'];

function describeFailure(run: ProcessRun): string | undefined {
    if (run.signal) return `killed by ${run.signal}`;
    // 0: clean; 1: the model has errors or a gate failed (the generated models have none).
    if (run.exitCode !== 0) return `exit ${run.exitCode}: ${run.stderrTail.trim().split('\n').slice(-3).join(' / ')}`;
    return undefined;
}

export async function measureCli(context: CliContext, fixture: Fixture, reps: number, withPhases: boolean): Promise<CliFigure> {
    const { root, tmpDir } = context;
    const cli: ProcessRun[] = [];
    const floor: ProcessRun[] = [];
    let failure: string | undefined;
    // Interleaved, so a burst of load on the machine hits both sides alike.
    for (let rep = 0; rep < reps && !failure; rep++) {
        const run = await runMeasured(root, [join(root, ...CLI), 'check', fixture.path], { tmpDir });
        failure = describeFailure(run);
        cli.push(run);
        const bare = await runMeasured(root, [join(root, ...HARNESS), 'floor', '1', fixture.path], { tmpDir, captureStdout: true });
        failure ??= describeFailure(bare) && `floor: ${describeFailure(bare)}`;
        floor.push(bare);
    }
    const wallMs = summarize(cli.map((r) => r.wallMs));
    const cpuMs = summarize(cli.map((r) => r.cpuMs));
    const floorWallMs = summarize(floor.map((r) => r.wallMs));
    const floorCpuMs = summarize(floor.map((r) => r.cpuMs));
    const inProcess = withPhases && !failure ? await measurePhases(context, fixture, Math.max(3, Math.min(reps, 5))) : undefined;
    context.log(
        `  check ${fixture.name}: ${wallMs.median.toFixed(0)} ms wall (${cpuMs.median.toFixed(0)} ms CPU), floor ${floorWallMs.median.toFixed(0)} ms` +
            (failure ? `  FAILED: ${failure}` : '')
    );
    return {
        fixture,
        wallMs,
        cpuMs,
        maxRssBytes: summarize(cli.map((r) => r.maxRssBytes)),
        exitCodes: cli.map((r) => r.exitCode),
        linesPerSecond: fixture.lines / (wallMs.median / 1000),
        mbPerSecond: fixture.bytes / (1024 * 1024) / (wallMs.median / 1000),
        floorWallMs,
        floorCpuMs,
        floorLinesPerSecond: fixture.lines / (floorWallMs.median / 1000),
        ratioWall: wallMs.median / floorWallMs.median,
        ratioCpu: cpuMs.median / floorCpuMs.median,
        ...(inProcess ? { inProcess } : {}),
        ...(failure ? { failure } : {})
    };
}

interface HarnessOutput {
    readonly runs: ReadonlyArray<Record<string, number>>;
    readonly heapUsedBytes: number;
}

/** Warm, in-process: the full check phase by phase, the floor measured between the runs. */
export async function measurePhases(context: CliContext, fixture: Fixture, reps: number): Promise<PhaseSplit> {
    const run = await runMeasured(context.root, [join(context.root, ...HARNESS), 'phases', String(reps + 1), fixture.path], {
        tmpDir: context.tmpDir,
        captureStdout: true
    });
    if (run.exitCode !== 0) throw new Error(`harness phases ${fixture.name}: exit ${run.exitCode}: ${run.stderrTail}`);
    const output = JSON.parse(run.stdout) as HarnessOutput;
    const warm = output.runs.slice(1); // the first run builds the parser and warms the JIT
    const median = (key: string): number => summarize(warm.map((r) => r[key] ?? 0)).median;
    const phases: Record<string, number> = {};
    for (const key of ['parse', 'indexedContent', 'computedScopes', 'linked', 'indexedReferences', 'validated', 'scoring']) {
        phases[key] = median(key);
    }
    const total = summarize(warm.map((r) => r.total ?? 0));
    const floor = summarize(warm.map((r) => r.floor ?? 0));
    return {
        total,
        floor,
        phases,
        ratio: total.median / floor.median,
        heapUsedBytes: output.heapUsedBytes,
        diagnostics: warm[0]?.diagnostics ?? 0
    };
}

/** The one-file check of a small model, Node start-up included (the ≤ 300 ms budget). */
export async function measureSmallCheck(context: CliContext, file: string, reps: number): Promise<{ wallMs: Summary; cpuMs: Summary; failure?: string }> {
    const runs: ProcessRun[] = [];
    let failure: string | undefined;
    for (let rep = 0; rep < reps; rep++) {
        const run = await runMeasured(context.root, [join(context.root, ...CLI), 'check', file], { tmpDir: context.tmpDir });
        failure ??= describeFailure(run);
        runs.push(run);
    }
    const wallMs = summarize(runs.map((r) => r.wallMs));
    context.log(`  check small model: ${wallMs.median.toFixed(0)} ms wall`);
    return { wallMs, cpuMs: summarize(runs.map((r) => r.cpuMs)), ...(failure ? { failure } : {}) };
}
