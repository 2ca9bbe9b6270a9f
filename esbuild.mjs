// Bundles the extension client, the language server and the `atm` CLI into one CommonJS file
// each (VS Code loads extensions with `require`; one file loads faster than hundreds).
// `node esbuild.mjs` builds with source maps; `--minify` builds the release bundles; `--watch`
// rebuilds on change; naming bundles (`node esbuild.mjs server client`) builds only those.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const minify = args.includes('--minify');
const watch = args.includes('--watch');
const only = args.filter((arg) => !arg.startsWith('--'));

const entries = [
    { in: 'client/extension.ts', out: 'client/extension' },
    { in: 'server/main.ts', out: 'server/main' },
    { in: 'cli/main.ts', out: 'cli/main' }
];
// The CLI is written separately; until its entry exists, build the rest rather than fail.
const entryPoints = entries
    .filter((entry) => entry.in !== 'cli/main.ts' || existsSync(entry.in))
    .filter((entry) => only.length === 0 || only.includes(entry.out.split('/')[0]));

// Our sources are ESM, the bundles CommonJS, where esbuild leaves `import.meta` empty (and warns).
// Its fields, in our code or a dependency's, are rewritten to their CommonJS equivalents: the
// bundle's own file URL (computed once at load), `__dirname` and `__filename`.
const importMetaUrlBanner = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

/**
 * `ae-cvss-calculator` builds its tables at load, and only CVSS 3.1 vectors need it: our code
 * gets a stand-in that loads the bundled library on first use (language/aivss/lazy-cvss-calculator.cjs).
 */
const LAZY_CVSS_CALCULATOR = fileURLToPath(new URL('language/aivss/lazy-cvss-calculator.cjs', import.meta.url));
const lazyCvssCalculator = {
    name: 'lazy-cvss-calculator',
    setup(build) {
        build.onResolve({ filter: /^ae-cvss-calculator$/ }, (args) => (args.importer === LAZY_CVSS_CALCULATOR ? undefined : { path: LAZY_CVSS_CALCULATOR }));
    }
};

/**
 * vscode-languageserver pins its own vscode-languageserver-protocol (with its vscode-jsonrpc and
 * vscode-languageserver-types), one patch release behind the one Langium gets (our dependency, which
 * the client needs). Bundled as they are, the server would hold and initialise both (~35 ms of each
 * start), and an error or token of one copy is not an instance of the other's classes. The server
 * bundle resolves the three packages, from wherever imported, as vscode-languageserver does.
 */
const LANGUAGE_SERVER_DIR = fileURLToPath(new URL('node_modules/vscode-languageserver/', import.meta.url));
const oneProtocolCopy = {
    name: 'one-protocol-copy',
    setup(build) {
        build.onResolve({ filter: /^vscode-(languageserver-protocol|languageserver-types|jsonrpc)(\/.*)?$/ }, (args) =>
            args.pluginData === 'one-protocol-copy'
                ? undefined
                : build.resolve(args.path, { kind: args.kind, resolveDir: LANGUAGE_SERVER_DIR, pluginData: 'one-protocol-copy' }));
    }
};

const options = {
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
    logLevel: 'warning',
    metafile: true
};

/**
 * Records which of our sources went into a bundle, with a hash of each, next to it
 * (`out/server/main.inputs.json`): tests that run a bundle check it against the sources and
 * refuse a stale one, whatever the file times say.
 */
function recordInputs(bundle) {
    return {
        name: 'record-inputs',
        setup(build) {
            build.onEnd((result) => {
                if (result.errors.length > 0 || !result.metafile) {
                    return;
                }
                const inputs = {};
                for (const path of Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules')).sort()) {
                    inputs[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
                }
                writeFileSync(bundle.replace(/\.cjs$/, '.inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
            });
        }
    };
}

const optionsFor = (entry) => ({
    ...options,
    entryPoints: [entry],
    plugins: [lazyCvssCalculator, ...(entry.out === 'server/main' ? [oneProtocolCopy] : []), recordInputs(`out/${entry.out}.cjs`)]
});

// One build per bundle, so that a broken bundle (a CLI half-written) leaves the others fresh;
// the command still fails.
if (watch) {
    for (const entry of entryPoints) {
        const context = await esbuild.context(optionsFor(entry));
        await context.watch();
    }
    console.log('esbuild: watching');
} else {
    const results = await Promise.allSettled(entryPoints.map((entry) => esbuild.build(optionsFor(entry))));
    let failed = 0;
    results.forEach((result, i) => {
        const bundle = `out/${entryPoints[i].out}.cjs`;
        // A warning (an `import.meta` field not rewritten above, say) fails the build instead
        // of scrolling by: it means a bundle that misbehaves at run time.
        if (result.status === 'rejected' || result.value.warnings.length > 0) {
            failed++;
            console.error(`esbuild: ${bundle} failed${result.status === 'fulfilled' ? ' (warnings are errors)' : ''}`);
        } else {
            console.log(`esbuild: built ${bundle}${minify ? ' (minified)' : ''}`);
        }
    });
    process.exitCode = failed > 0 ? 1 : 0;
}
