/**
 * Runs `atm` two ways: the built bundle as a child process (what users and CI run: exit codes,
 * real streams), and `runCli` in-process with buffers (fast, for the many exact-output cases).
 * The bundle is rebuilt with esbuild's API when any source is newer than it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runCli } from '../../cli/main.js';
import type { CliIo } from '../../cli/output.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = join(ROOT, 'out', 'cli', 'main.cjs');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

export interface RunResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

function newestMtime(path: string): number {
    const stats = statSync(path);
    if (!stats.isDirectory()) return stats.mtimeMs;
    let newest = stats.mtimeMs;
    for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        newest = Math.max(newest, newestMtime(join(path, entry)));
    }
    return newest;
}

/** Builds out/cli/main.cjs when it is missing or older than cli/, language/, server/ (the formatter) or package.json. */
export async function ensureBundle(): Promise<void> {
    const sources = Math.max(...['cli', 'language', 'server', 'package.json'].map((path) => newestMtime(join(ROOT, path))));
    let built = 0;
    try {
        built = statSync(BUNDLE).mtimeMs;
    } catch {
        built = 0;
    }
    if (built >= sources) return;
    mkdirSync(dirname(BUNDLE), { recursive: true });
    // Same shape as esbuild.mjs; written beside the target and renamed, so parallel test
    // workers never run a half-written bundle.
    const temporary = `${BUNDLE}.${process.pid}.tmp`;
    await esbuild.build({
        entryPoints: [join(ROOT, 'cli', 'main.ts')],
        outfile: temporary,
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        define: {
            'import.meta.url': '__import_meta_url',
            'import.meta.dirname': '__dirname',
            'import.meta.filename': '__filename'
        },
        banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
        logLevel: 'error'
    });
    renameSync(temporary, BUNDLE);
}

/** `node out/cli/main.cjs …args` in `cwd`. */
export function runAtm(args: readonly string[], cwd: string = FIXTURES, timeout = 60_000): RunResult {
    const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` in this process, output captured. */
export async function runInProcess(args: readonly string[], cwd: string = FIXTURES): Promise<RunResult> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (text) => { stdout += text; }, err: (text) => { stderr += text; }, cwd };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
}

export function tempDir(prefix = 'atm-cli-'): string {
    return mkdtempSync(join(tmpdir(), prefix));
}

export function lines(text: string): string[] {
    return text.split('\n').filter((line) => line.length > 0);
}
