/**
 * Figure 4: what ships. Bundle sizes as built (`node esbuild.mjs`) and minified (as a release
 * build would be), the VSIX packed from a staged copy with the minified bundles (so the shared
 * out/ folder is never rewritten), and the cost of loading each bundle.
 */
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runMeasured } from './child-process.js';
import type { Summary } from './stats.js';
import { summarize } from './stats.js';

export interface BundleSize {
    readonly bundle: string;
    readonly builtBytes: number;
    readonly minifiedBytes: number;
    readonly minifiedGzipBytes: number;
}

export interface BundleFigure {
    readonly bundles: readonly BundleSize[];
    readonly vsixBytes?: number;
    readonly vsixFiles?: number;
    readonly vsixError?: string;
    /** `require` of the extension bundle (vscode stubbed): the part of activation we control. */
    readonly clientLoadMs: Summary;
    /** `node out/cli/main.cjs --version`: Node start-up plus loading the CLI bundle. */
    readonly cliStartMs: Summary;
}

const ENTRIES = [
    { in: 'client/extension.ts', out: 'client/extension' },
    { in: 'server/main.ts', out: 'server/main' },
    { in: 'cli/main.ts', out: 'cli/main' }
];

type Esbuild = typeof import('esbuild');

/** The release build of esbuild.mjs (`--minify`), written to memory only. */
async function minify(root: string, entry: (typeof ENTRIES)[number]): Promise<Uint8Array> {
    const esbuild = createRequire(join(root, 'package.json'))('esbuild') as Esbuild;
    const result = await esbuild.build({
        absWorkingDir: root,
        entryPoints: [entry.in],
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        external: ['vscode'],
        define: { 'import.meta.url': '__import_meta_url', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
        banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
        minify: true,
        write: false,
        logLevel: 'silent'
    });
    return result.outputFiles[0]!.contents;
}

interface VscePackage {
    listFiles(options: { cwd: string; dependencies: boolean; prepublish: boolean }): Promise<string[]>;
    pack(options: { cwd: string; packagePath: string; dependencies: boolean; rewriteRelativeLinks: boolean }): Promise<{ files: unknown[] }>;
}

/** Packs a VSIX from a staged copy of what .vscodeignore lets through, bundles minified. */
async function packVsix(root: string, tmpDir: string, minified: ReadonlyMap<string, Uint8Array>): Promise<{ bytes: number; files: number }> {
    const vsce = createRequire(join(root, 'package.json'))('@vscode/vsce/out/package.js') as VscePackage;
    const stage = join(tmpDir, 'vsix-stage');
    rmSync(stage, { recursive: true, force: true });
    const files = await vsce.listFiles({ cwd: root, dependencies: false, prepublish: false });
    for (const file of [...files, 'package.json', '.vscodeignore']) {
        mkdirSync(dirname(join(stage, file)), { recursive: true });
        copyFileSync(join(root, file), join(stage, file));
    }
    for (const [out, contents] of minified) {
        if (files.includes(`out/${out}.cjs`)) writeFileSync(join(stage, 'out', `${out}.cjs`), contents);
    }
    const packagePath = join(tmpDir, 'bench.vsix');
    const log = console.log;
    const info = console.info;
    console.log = console.info = () => undefined; // vsce's progress lines would break the table
    try {
        // The options of the `package` script: no dependencies, README links kept relative.
        const result = await vsce.pack({ cwd: stage, packagePath, dependencies: false, rewriteRelativeLinks: false });
        return { bytes: statSync(packagePath).size, files: result.files.length };
    } finally {
        console.log = log;
        console.info = info;
        rmSync(stage, { recursive: true, force: true });
    }
}

export async function measureBundles(root: string, tmpDir: string, reps: number, withVsix: boolean): Promise<BundleFigure> {
    const bundles: BundleSize[] = [];
    const minified = new Map<string, Uint8Array>();
    for (const entry of ENTRIES) {
        const contents = await minify(root, entry);
        minified.set(entry.out, contents);
        bundles.push({
            bundle: `out/${entry.out}.cjs`,
            builtBytes: statSync(join(root, 'out', `${entry.out}.cjs`)).size,
            minifiedBytes: contents.length,
            minifiedGzipBytes: gzipSync(contents).length
        });
    }
    let vsix: { bytes: number; files: number } | undefined;
    let vsixError: string | undefined;
    if (withVsix) {
        try {
            vsix = await packVsix(root, tmpDir, minified);
        } catch (error) {
            vsixError = error instanceof Error ? error.message : String(error);
        }
    }
    const stub = join(root, 'bench', 'vscode-stub.cjs');
    const client = join(root, 'out', 'client', 'extension.cjs');
    const loadScript = `const t=performance.now();require(${JSON.stringify(client)});process.stdout.write(String(performance.now()-t))`;
    const clientLoad: number[] = [];
    const cliStart: number[] = [];
    for (let i = 0; i < reps; i++) {
        const load = await runMeasured(root, ['--require', stub, '-e', loadScript], { tmpDir, captureStdout: true });
        if (load.exitCode !== 0) throw new Error(`loading ${client} failed: ${load.stderrTail}`);
        clientLoad.push(Number(load.stdout));
        const start = await runMeasured(root, [join(root, 'out', 'cli', 'main.cjs'), '--version'], { tmpDir });
        cliStart.push(start.wallMs);
    }
    return {
        bundles,
        ...(vsix ? { vsixBytes: vsix.bytes, vsixFiles: vsix.files } : {}),
        ...(vsixError ? { vsixError } : {}),
        clientLoadMs: summarize(clientLoad),
        cliStartMs: summarize(cliStart)
    };
}
