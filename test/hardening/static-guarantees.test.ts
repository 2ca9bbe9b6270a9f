/**
 * What the shipped code cannot do, checked on the text of the sources and of the bundles that
 * ship (built by `npm test`'s pretest): no `eval`, no `Function` constructor, no child
 * processes, no network modules, no `fetch`. Our sources (language/, server/, client/, cli/)
 * contain none; a bundle may contain one only inside a dependency's module listed below, with
 * the reason it is never reached (esbuild marks each module with a `// node_modules/...` line).
 * The language and the server write no files. The webviews run no script: no panel enables
 * scripts, and every page policy has no script source.
 *
 * If this fails on code you are adding, that code evaluates text, starts a process, opens a
 * connection or writes a file, which SECURITY.md promises the extension never does. A
 * dependency that unavoidably contains such code goes on the allow-list with its reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPORT_CSP } from '../../language/report/html-report.js';
import { WEBVIEW_CSP } from '../../server/report/webview-report.js';
import { ROOT } from '../cli/cli-harness.js';

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
    ['eval', /(?<![\w$.])eval\s*\(/],
    ['Function constructor', /(?<![\w$.])(?:new\s+)?Function\s*\(/],
    ['child_process', /(?:require\(|from\s+|import\()\s*['"](?:node:)?child_process['"]/],
    ['network module', /(?:require\(|from\s+|import\()\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/],
    ['fetch', /(?<![\w$.])fetch\s*\(/],
    ['XMLHttpRequest / WebSocket', /\b(?:XMLHttpRequest|WebSocket)\b/],
    ['vm module', /(?:require\(|from\s+|import\()\s*['"](?:node:)?vm['"]/]
];

function sources(folder: string): string[] {
    return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && /\.(ts|js|cjs|mjs)$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name));
}

/** `path:line: text` for every match of `pattern` in `text`. */
function hits(text: string, pattern: RegExp): Array<{ line: number; text: string }> {
    const found: Array<{ line: number; text: string }> = [];
    text.split('\n').forEach((line, index) => {
        if (pattern.test(line)) found.push({ line: index + 1, text: line.trim().slice(0, 160) });
    });
    return found;
}

describe('our sources', () => {
    for (const folder of ['language', 'server', 'client', 'cli']) {
        test(`${folder}/ has no eval, Function, child process, network or vm`, () => {
            const found: string[] = [];
            for (const file of sources(folder)) {
                const text = readFileSync(file, 'utf8');
                for (const [what, pattern] of FORBIDDEN) {
                    for (const hit of hits(text, pattern)) found.push(`${file.slice(ROOT.length)}:${hit.line}: ${what}: ${hit.text}`);
                }
            }
            expect(found).toEqual([]);
        });
    }

    test('the language and the server never write files (what the CLI writes: cli-side-effects.test.ts)', () => {
        const writes = /\b(?:writeFile|appendFile|createWriteStream|writeSync|renameSync|linkSync|unlinkSync|mkdirSync|rmSync|copyFileSync|symlinkSync)\b/;
        const found: string[] = [];
        for (const folder of ['language', 'server']) {
            for (const file of sources(folder)) {
                for (const hit of hits(readFileSync(file, 'utf8'), writes)) found.push(`${file.slice(ROOT.length)}:${hit.line}: ${hit.text}`);
            }
        }
        expect(found).toEqual([]);
    });
});

/** Dependency code that may hold a forbidden construct, and why it is never reached. */
const ALLOWED: ReadonlyArray<{ bundle: string; what: string; module: string; reason: string }> = [
    { bundle: 'server', what: 'Function constructor', module: 'node_modules/lodash-es/_root.js', reason: 'Function("return this")() finds the global object at load; no input reaches it' },
    { bundle: 'cli', what: 'Function constructor', module: 'node_modules/lodash-es/_root.js', reason: 'as above (Langium bundles lodash-es)' },
    { bundle: 'server', what: 'child_process', module: 'node_modules/vscode-languageserver/lib/node/files.js', reason: 'Files.resolveGlobalNodePath/YarnPath run npm/yarn; nothing calls them' },
    { bundle: 'server', what: 'network module', module: 'node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js', reason: 'socket and pipe transports for --socket/--pipe; the client starts the server with IPC' },
    { bundle: 'client', what: 'child_process', module: 'node_modules/vscode-languageclient/lib/node/main.js', reason: 'starts our own server bundle (the only process the extension starts)' },
    { bundle: 'client', what: 'child_process', module: 'node_modules/vscode-languageclient/lib/node/processes.js', reason: 'terminates that server process tree on Windows' },
    { bundle: 'client', what: 'network module', module: 'node_modules/vscode-jsonrpc/lib/node/main.js', reason: 'socket and pipe transports; the client uses IPC' }
];

const BUNDLES: Record<string, string> = {
    server: 'out/server/main.cjs',
    client: 'out/client/extension.cjs',
    cli: 'out/cli/main.cjs'
};

describe('the bundles that ship', () => {
    for (const [name, path] of Object.entries(BUNDLES)) {
        test.skipIf(!existsSync(join(ROOT, path)))(`${path}: forbidden constructs only in allow-listed dependency modules`, () => {
            const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
            const unexpected: string[] = [];
            let module = '(bundle prelude)';
            lines.forEach((line, index) => {
                const marker = /^\/\/ (node_modules\/\S+|[\w./-]+\.(?:ts|js))$/.exec(line);
                if (marker) module = marker[1]!;
                for (const [what, pattern] of FORBIDDEN) {
                    if (!pattern.test(line)) continue;
                    const allowed = ALLOWED.some((entry) => entry.bundle === name && entry.what === what && entry.module === module);
                    if (!allowed) unexpected.push(`${path}:${index + 1} (${module}): ${what}: ${line.trim().slice(0, 120)}`);
                }
            });
            expect(unexpected).toEqual([]);
        });
    }

    test.skipIf(!existsSync(join(ROOT, BUNDLES.server!)))('the server never calls the npm/yarn resolution helpers that start processes', () => {
        const text = readFileSync(join(ROOT, BUNDLES.server!), 'utf8');
        const start = text.indexOf('// node_modules/vscode-languageserver/lib/node/files.js');
        const end = text.indexOf('\n// ', start + 1);
        const outside = text.slice(0, start) + text.slice(end);
        // vscode-languageserver's main.js re-exports them as `Files.…`; nothing calls them.
        expect(outside).not.toMatch(/\b(?:resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath)\s*\(/);
        expect(outside).not.toMatch(/\bFiles2?\.resolve\w*\s*\(/);
    });
});

describe('webviews run no script', () => {
    /** Every Content-Security-Policy the client writes itself (its message pages). */
    function clientPolicies(): string[] {
        const policies: string[] = [];
        for (const file of sources('client')) {
            for (const match of readFileSync(file, 'utf8').matchAll(/['"`](default-src [^'"`]*(?:'[^'"`]*'[^'"`]*)*)['"`]/g)) policies.push(match[1]!);
        }
        return policies;
    }

    test('every policy forbids scripts, plugins, frames, remote loads, base and form targets', () => {
        const policies = [REPORT_CSP, WEBVIEW_CSP, ...clientPolicies()];
        expect(policies.length).toBeGreaterThan(2);
        for (const policy of policies) {
            const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
            expect(directives.get('default-src'), policy).toEqual(["'none'"]);
            expect(directives.has('script-src'), policy).toBe(false);
            expect(directives.has('script-src-elem'), policy).toBe(false);
            expect(policy).not.toMatch(/unsafe-eval|https?:|\*|data:text/);
            expect(directives.get('base-uri'), policy).toEqual(["'none'"]);
            expect(directives.get('form-action'), policy).toEqual(["'none'"]);
        }
        // The editor's preview allows its one stylesheet by hash, not 'unsafe-inline'.
        expect(WEBVIEW_CSP).not.toContain('unsafe-inline');
    });

    test('no webview panel or view of the client enables scripts or command links', () => {
        for (const file of sources('client')) {
            const text = readFileSync(file, 'utf8');
            expect(text, file).not.toMatch(/enableScripts:\s*true|enableCommandUris:\s*true/);
            if (/createWebviewPanel\(|registerWebviewViewProvider\(/.test(text)) expect(text, file).toMatch(/enableScripts:\s*false/);
        }
    });
});
