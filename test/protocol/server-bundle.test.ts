import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_BUNDLE } from './lsp-session.js';

/** The folders a package's modules were bundled from (esbuild marks each module with its path). */
function bundledFrom(bundle: string, pkg: string): string[] {
    const folders = new Set<string>();
    for (const [, path] of bundle.matchAll(/^\/\/ (node_modules\/\S+)$/gm)) {
        const at = path!.lastIndexOf('node_modules/') + 'node_modules/'.length;
        if (path!.startsWith(`${pkg}/`, at)) folders.add(path!.slice(0, at + pkg.length));
    }
    return [...folders];
}

// esbuild.mjs resolves the protocol packages of the server bundle as vscode-languageserver does;
// npm installs Langium's (our dependency, a patch release newer) beside them. Two copies cost
// ~35 ms of every server start, and errors and tokens of one are not instances of the other's.
describe('the server bundle (node esbuild.mjs, as npm test builds it)', () => {
    const bundle = readFileSync(SERVER_BUNDLE, 'utf8');

    it('holds one copy of each LSP protocol package', () => {
        expect(bundledFrom(bundle, 'vscode-languageserver')).toEqual(['node_modules/vscode-languageserver']);
        for (const pkg of ['vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode-languageserver-types']) {
            expect(bundledFrom(bundle, pkg), pkg).toEqual([`node_modules/vscode-languageserver/node_modules/${pkg}`]);
        }
    });
});
