// Bundles the integration suite (test/vscode/suite/*.ts) into out/test/vscode/suite/*.cjs:
// CommonJS, because the extension host require()s extensionTestsPath and the root package is
// "type": "module". `vscode` and `mocha` stay external: the host provides the one, node_modules
// the other (one mocha instance for the loader and the test files).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './hosts.mjs';

export const SUITE_SRC = join(ROOT, 'test/vscode/suite');
export const SUITE_OUT = join(ROOT, 'out/test/vscode/suite');
export const SUITE_ENTRY = join(SUITE_OUT, 'index.cjs');

export async function buildSuite() {
    rmSync(SUITE_OUT, { recursive: true, force: true });
    mkdirSync(SUITE_OUT, { recursive: true });
    const entries = readdirSync(SUITE_SRC).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
    await build({
        entryPoints: entries.map((f) => join(SUITE_SRC, f)),
        outdir: SUITE_OUT,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'inline',
        external: ['vscode', 'mocha'],
        logLevel: 'warning'
    });
    writeFileSync(join(ROOT, 'out/test/vscode/package.json'), '{ "type": "commonjs" }\n');
    return SUITE_ENTRY;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    console.log(`built ${await buildSuite()}`);
}
