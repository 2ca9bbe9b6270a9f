/**
 * Runs a measured child process: wall time from spawn to exit as the parent sees it, and CPU
 * time, peak RSS and heap from the preloaded probe (bench/process-probe.cjs) inside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly maxRssBytes: number;
    readonly exitCode: number | null;
    readonly signal: string | null;
    readonly stdout: string;
    readonly stderrTail: string;
}

/** The probe sits next to the sources; the bundle runs from out/bench/. */
export function probePath(root: string): string {
    return join(root, 'bench', 'process-probe.cjs');
}

/** NODE_OPTIONS that preload the probe, keeping whatever the caller already had. */
export function probeNodeOptions(root: string): string {
    return `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(probePath(root))}`.trim();
}

let counter = 0;

export function runMeasured(
    root: string,
    args: readonly string[],
    options: { readonly captureStdout?: boolean; readonly cwd?: string; readonly tmpDir: string }
): Promise<ProcessRun> {
    const probeFile = join(options.tmpDir, `probe-${process.pid}-${++counter}.json`);
    rmSync(probeFile, { force: true });
    const env = { ...process.env, NODE_OPTIONS: probeNodeOptions(root), ATM_BENCH_PROBE: probeFile };
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, args, {
            cwd: options.cwd ?? root,
            env,
            stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe']
        });
        const stdout: Buffer[] = [];
        let stderr = '';
        child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr?.on('data', (chunk: Buffer) => {
            stderr = (stderr + chunk.toString('utf8')).slice(-4000);
        });
        child.on('error', reject);
        child.on('close', (exitCode, signal) => {
            const wallMs = performance.now() - start;
            let probe: { cpuMs?: number; maxRssBytes?: number } = {};
            if (existsSync(probeFile)) {
                probe = JSON.parse(readFileSync(probeFile, 'utf8')) as typeof probe;
                rmSync(probeFile, { force: true });
            }
            resolve({
                wallMs,
                cpuMs: probe.cpuMs ?? Number.NaN,
                maxRssBytes: probe.maxRssBytes ?? Number.NaN,
                exitCode,
                signal,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderrTail: stderr
            });
        });
    });
}
