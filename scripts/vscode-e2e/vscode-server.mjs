// Starts the VS Code server inside a code-server package, sandboxed in a fresh temp folder, for
// the integration runner and the UI suite. It runs `lib/vscode/out/server-main.js` directly, not
// code-server's wrapper: only the plain server takes `--enable-smoke-test-driver`, which VS Code
// 1.133+ needs before it honours the test payload (shared/design/vscode-e2e.md).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { serverMainPath } from './hosts.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** Quiet, offline, deterministic: no updates, telemetry, experiments, git, AI or start-up editor. */
export const TEST_SETTINGS = {
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'github.gitAuthentication': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'editor.codeLens': true,
    'editor.hover.delay': 300
};

// Variables a surrounding VS Code (a developer's integrated terminal) leaks into child processes.
const LEAKED_ENV = /^(ELECTRON_RUN_AS_NODE|VSCODE_(IPC_HOOK|IPC_HOOK_CLI|ESM_ENTRYPOINT|HANDLES_|NLS_CONFIG|CWD|PID|CODE_CACHE_PATH|CRASH_REPORTER|L10N|INJECTION|GIT_))/;

function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
        });
    });
}

function writeJson(file, value) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value, null, 4) + '\n');
}

function tail(file, lines = 60) {
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

/**
 * @param {object} options
 * @param {string} options.codeServer  the code-server package folder
 * @param {string} [options.node]      Node binary for the server (default: this one)
 * @param {string[]} [options.installVsix]  .vsix files to install before the server starts
 * @param {Record<string, string>} [options.env]  extra environment for the server and its extension host
 * @param {number} [options.readyTimeoutMs]
 */
export async function startVSCodeServer(options) {
    const node = options.node ?? process.execPath;
    const serverMain = serverMainPath(options.codeServer);
    if (!existsSync(serverMain)) {
        throw new Error(`no VS Code server at ${serverMain}: run node scripts/vscode-e2e/setup-host.mjs`);
    }
    const root = mkdtempSync(join(tmpdir(), 'vscode-e2e-'));
    const dirs = {
        root,
        tmp: join(root, 'tmp'),
        home: join(root, 'home'),
        serverData: join(root, 'server-data'),
        userData: join(root, 'user-data'),
        extensions: join(root, 'extensions')
    };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    // The web workbench keeps user settings on the server side; machine settings apply to every
    // remote window. Write both so the run is quiet whichever one this VS Code reads.
    writeJson(join(dirs.userData, 'User/settings.json'), TEST_SETTINGS);
    writeJson(join(dirs.serverData, 'data/User/settings.json'), TEST_SETTINGS);
    writeJson(join(dirs.serverData, 'data/Machine/settings.json'), TEST_SETTINGS);

    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !LEAKED_ENV.test(key)));
    Object.assign(env, options.env ?? {}, {
        // The server, its extension host and the git extension leave sockets in TMPDIR.
        TMPDIR: dirs.tmp,
        HOME: dirs.home,
        XDG_CONFIG_HOME: join(dirs.home, '.config'),
        XDG_DATA_HOME: join(dirs.home, '.local/share'),
        XDG_CACHE_HOME: join(dirs.home, '.cache'),
        EXTENSIONS_GALLERY: '{}',
        PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`
    });
    const common = ['--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    const logFile = join(root, 'server.log');

    for (const vsix of options.installVsix ?? []) {
        const result = spawnSync(node, [serverMain, '--accept-server-license-terms', ...common, '--install-extension', vsix, '--force'], {
            env,
            encoding: 'utf8'
        });
        writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
        if (result.status !== 0 || !/successfully installed/i.test(result.stdout ?? '')) {
            throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${tail(logFile)}`);
        }
    }

    const port = await freePort();
    const out = openSync(logFile, 'a');
    const child = spawn(
        node,
        [
            serverMain,
            '--host', '127.0.0.1',
            '--port', String(port),
            '--without-connection-token',
            '--accept-server-license-terms',
            '--enable-smoke-test-driver',
            '--disable-telemetry',
            '--disable-workspace-trust',
            ...common
        ],
        // Its own process group: the server forks an extension host, a file watcher and (1.139)
        // an agent host, which outlive a killed server unless the whole group goes.
        { env, detached: true, stdio: ['ignore', out, out] }
    );
    closeSync(out);
    let exited = false;
    const exitPromise = new Promise((resolveExit) => child.on('exit', () => {
        exited = true;
        resolveExit();
    }));

    const baseUrl = `http://127.0.0.1:${port}`;
    const stop = async () => {
        if (!exited && child.pid) {
            try {
                process.kill(-child.pid, 'SIGTERM');
            } catch {
                // already gone
            }
            const timer = new Promise((r) => setTimeout(r, 5000));
            await Promise.race([exitPromise, timer]);
        }
        if (child.pid) {
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                // the group is gone
            }
        }
        if (!process.env.VSCODE_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    };

    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    for (;;) {
        if (exited) {
            const log = tail(logFile);
            await stop();
            throw new Error(`the VS Code server exited before it served HTTP:\n${log}`);
        }
        try {
            const response = await fetch(`${baseUrl}/version`, { signal: AbortSignal.timeout(2000) });
            if (response.status < 500) break;
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) {
            const log = tail(logFile);
            await stop();
            throw new Error(`the VS Code server did not serve HTTP within the timeout:\n${log}`);
        }
        await new Promise((r) => setTimeout(r, 200));
    }

    /** A path on the server as the workbench's remote URI. */
    const remoteUri = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    /**
     * @param {string | undefined} folder
     * @param {[string, string][]} [payload]
     */
    const workbenchUrl = (folder, payload) => {
        const query = [];
        if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
        if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
        return `${baseUrl}/${query.length ? `?${query.join('&')}` : ''}`;
    };
    return { port, baseUrl, dirs, logFile, remoteUri, workbenchUrl, stop, serverLogTail: () => tail(logFile) };
}
