// A "VS Code executable" for @vscode/test-electron's runTests (through code-shim.sh) and for
// @vscode/test-cli's useInstallation.fromPath: it starts the VS Code server of a code-server
// package, opens its web workbench in Debian's Chromium as an Extension Development Host with
// the extension tests in the payload, and exits with the tests' exit code (2: harness failure).
//
//   node scripts/vscode-e2e/run-ext-tests.mjs --extensionDevelopmentPath=. \
//        --extensionTestsPath=out/test/vscode/suite/index.cjs [folder]
//
// Environment: VSCODE_E2E_CODE_SERVER (code-server folder; default: the oldest host of the
// matrix), VSCODE_E2E_NODE (Node for the server), VSCODE_E2E_TIMEOUT (seconds, default 300),
// VSCODE_E2E_REPORT (write {passed, failed, pending, exitCode} there), VSCODE_E2E_VERBOSE=1
// (echo the browser console). Other flags that runTests adds (--user-data-dir, ...) are ignored.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { HOSTS, codeServerDir } from './hosts.mjs';
import { CHROMIUM, CHROMIUM_ARGS, startVSCodeServer } from './vscode-server.mjs';

// Workbench chatter that says nothing about the tests; shown with VSCODE_E2E_VERBOSE=1.
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|\[reconnection-grace-time\]|\[AgentHost|\[AccountPolicyGate\])/;
const VALUE_FLAGS = new Set(['--user-data-dir', '--extensions-dir', '--locale', '--profile', '--log']);

function parseArgs(argv) {
    const devPaths = [];
    let testsPath;
    let folder;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (flag === '--extensionDevelopmentPath') devPaths.push(resolve(value ?? argv[++i]));
        else if (flag === '--extensionTestsPath') testsPath = resolve(value ?? argv[++i]);
        else if (arg.startsWith('-')) {
            if (value === undefined && VALUE_FLAGS.has(flag)) i++;
        } else folder ??= resolve(arg);
    }
    return { devPaths, testsPath, folder };
}

const { devPaths, testsPath, folder } = parseArgs(process.argv.slice(2));
const codeServer = process.env.VSCODE_E2E_CODE_SERVER ?? codeServerDir(HOSTS[0]);
const timeoutMs = Number(process.env.VSCODE_E2E_TIMEOUT ?? 300) * 1000;
const verbose = Boolean(process.env.VSCODE_E2E_VERBOSE);
const started = Date.now();
const counts = { passed: 0, failed: 0, pending: 0 };
const consoleTail = [];

function note(line) {
    consoleTail.push(line);
    if (consoleTail.length > 80) consoleTail.shift();
}

/** Mocha's closing `N passing` / `N failing` / `N pending`, forwarded from the extension host. */
function countMocha(text) {
    for (const [pattern, key] of [[/^\s*(\d+) passing/m, 'passed'], [/^\s*(\d+) failing/m, 'failed'], [/^\s*(\d+) pending/m, 'pending']]) {
        const match = pattern.exec(text);
        if (match) counts[key] = Number(match[1]);
    }
}

let server;
let browser;
let exitCode = 2;
let cleaning;

async function cleanup() {
    cleaning ??= (async () => {
        await browser?.close().catch(() => undefined);
        await server?.stop().catch(() => undefined);
    })();
    return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        console.error(`run-ext-tests: ${signal}, closing VS Code`);
        void cleanup().then(() => process.exit(130));
    });
}

try {
    if (!testsPath) throw new Error('--extensionTestsPath=<file> is required');
    server = await startVSCodeServer({ codeServer, node: process.env.VSCODE_E2E_NODE });
    const payload = [
        ...devPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]),
        ['extensionTestsPath', server.remoteUri(testsPath)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true']
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let reportExit;
    const exited = new Promise((r) => (reportExit = r));
    // The workbench's automation hooks: the test run's log lines and, when run() settles, its code.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        countMocha(text);
        if (NOISE.test(text) && !verbose) return;
        if (type === 'error') process.stderr.write(`${text}\n`);
        else process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    page.on('console', (message) => {
        const line = `[browser ${message.type()}] ${message.text()}`;
        note(line);
        if (verbose) console.log(line);
    });
    page.on('crash', () => reportExit(2));
    await page.goto(server.workbenchUrl(folder, payload));
    const timer = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs));
    const result = await Promise.race([exited, timer]);
    if (result === 'timeout') {
        console.error(`run-ext-tests: the workbench reported no result within ${timeoutMs / 1000} s`);
        console.error(consoleTail.join('\n'));
        console.error(`--- server log ---\n${server.serverLogTail()}`);
    } else {
        exitCode = result;
    }
} catch (error) {
    console.error(`run-ext-tests: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (server) console.error(`--- server log ---\n${server.serverLogTail()}`);
    exitCode = 2;
}

await cleanup();
// A run that failed before mocha counted anything is still a failure.
if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
const report = process.env.VSCODE_E2E_REPORT;
if (report) {
    mkdirSync(dirname(report), { recursive: true });
    writeFileSync(report, JSON.stringify({ ...counts, exitCode, seconds: Math.round((Date.now() - started) / 100) / 10 }) + '\n');
}
console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed${existsSync(codeServer) ? '' : ` (no host at ${codeServer})`}`);
process.exit(exitCode);
