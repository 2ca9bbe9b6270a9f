// Bundles the extension client, the language server and the `atm` CLI into one CommonJS file
// each (VS Code loads extensions with `require`; one file loads faster than hundreds).
// `node esbuild.mjs` builds with source maps; `--minify` builds the release bundles; `--watch`
// rebuilds on change.
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

const entries = [
    { in: 'client/extension.ts', out: 'client/extension' },
    { in: 'server/main.ts', out: 'server/main' },
    { in: 'cli/main.ts', out: 'cli/main' }
];
// The CLI is written separately; until its entry exists, build the rest rather than fail.
const entryPoints = entries.filter((entry) => entry.in !== 'cli/main.ts' || existsSync(entry.in));

// Our sources are ESM, the bundles CommonJS, where esbuild leaves `import.meta` empty (and warns).
// Its fields, in our code or a dependency's, are rewritten to their CommonJS equivalents: the
// bundle's own file URL (computed once at load), `__dirname` and `__filename`.
const importMetaUrlBanner = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

const options = {
    entryPoints,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    define: {
        'import.meta.url': '__import_meta_url',
        'import.meta.dirname': '__dirname',
        'import.meta.filename': '__filename'
    },
    banner: { js: importMetaUrlBanner },
    sourcemap: !minify,
    sourcesContent: false,
    minify,
    logLevel: 'warning'
};

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    console.log('esbuild: watching');
} else {
    const result = await esbuild.build(options);
    // A warning (an `import.meta` field not rewritten above, say) fails the build instead of
    // scrolling by: it means a bundle that misbehaves at run time.
    if (result.warnings.length > 0) {
        console.error(`esbuild: ${result.warnings.length} warning(s), treated as errors`);
        process.exit(1);
    }
    console.log(`esbuild: built ${entryPoints.map((entry) => `out/${entry.out}.cjs`).join(', ')}${minify ? ' (minified)' : ''}`);
}
