// Bundles the benchmark (bench/run.ts) and its in-process harness into out/bench/, the same way
// esbuild.mjs bundles the shipped code: CommonJS, `import.meta` rewritten. There is no tsx;
// `npm run bench` runs this, then `node out/bench/run.cjs`.
import * as esbuild from 'esbuild';

const importMetaUrlBanner = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

const result = await esbuild.build({
    entryPoints: [
        { in: 'bench/run.ts', out: 'run' },
        { in: 'bench/harness/harness-main.ts', out: 'harness' },
        { in: 'bench/harness/lens-harness.ts', out: 'lens-harness' },
        { in: 'bench/profile-summary.ts', out: 'profile-summary' },
        { in: 'bench/tools/cvss40-base-table.ts', out: 'cvss40-table' }
    ],
    outdir: 'out/bench',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'esbuild', '@vscode/vsce'],
    define: {
        'import.meta.url': '__import_meta_url',
        'import.meta.dirname': '__dirname',
        'import.meta.filename': '__filename'
    },
    banner: { js: importMetaUrlBanner },
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning'
});
if (result.warnings.length > 0) {
    console.error(`bench/build.mjs: ${result.warnings.length} warning(s), treated as errors`);
    process.exit(1);
}
