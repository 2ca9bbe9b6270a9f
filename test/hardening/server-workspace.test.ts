/**
 * The language server on a hostile workspace: 10 000 agents across 100 files, a 600 MB file
 * named `.tm`, a binary one, a named pipe, links out of the workspace, hidden and
 * `node_modules` folders. It starts, answers for an opened file, finds agents of every model
 * file in the workspace, and reads nothing through a link (Langium's folder walk takes only
 * regular files and folders, and our workspace manager skips files it should not read).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SymbolInformation } from 'vscode-languageserver-protocol/node';
import { DocumentSymbolRequest, LogMessageNotification, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import type { LogMessageParams } from 'vscode-languageserver-protocol/node';
import { WORKSPACE_READ_LIMIT } from '../../server/threat-model-workspace-manager.js';
import { LspSession, pathToUri } from '../protocol/lsp-session.js';

const FILES = 100;
const AGENTS_PER_FILE = 100;

function agents(file: number): string {
    const out = ['aivss 0.8', ''];
    for (let i = 0; i < AGENTS_PER_FILE; i++) {
        const n = file * AGENTS_PER_FILE + i;
        out.push(`agent Agent${n} "Agent ${n}" {`, '    cvss 5.0', `    layer L1 { threat T${n} { catalog M1.1 exploit attacked } }`, `    control C${n} { strength partial }`, '}');
    }
    return `${out.join('\n')}\n`;
}

let root: string;
let outside: string;
let session: LspSession;
let startup = 0;
const logged: string[] = [];

beforeAll(async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'atm-workspace-')));
    root = join(base, 'workspace');
    outside = join(base, 'outside');
    mkdirSync(join(root, 'models'), { recursive: true });
    mkdirSync(join(outside, 'folder'), { recursive: true });
    for (let file = 0; file < FILES; file++) writeFileSync(join(root, 'models', `m${file}.tm`), agents(file));
    // Sparse: 600 MB on paper, more than a JavaScript string holds once decoded.
    writeFileSync(join(root, 'huge.tm'), '');
    truncateSync(join(root, 'huge.tm'), 600 * 1024 * 1024);
    writeFileSync(join(root, 'image.tm'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
    execFileSync('mkfifo', [join(root, 'pipe.tm')]);
    writeFileSync(join(outside, 'secret.tm'), 'agent OutsideSecret {}\n');
    writeFileSync(join(outside, 'folder', 'inner.tm'), 'agent OutsideInner {}\n');
    symlinkSync(join(outside, 'secret.tm'), join(root, 'link.tm'));
    symlinkSync(join(outside, 'folder'), join(root, 'linked-folder'));
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, '.hidden', 'h.tm'), 'agent HiddenAgent {}\n');
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', 'n.tm'), 'agent NodeModulesAgent {}\n');
    const started = performance.now();
    session = await LspSession.start({ rootPath: root, timeoutMs: 60_000 });
    // The server's console goes to the client as window/logMessage (the output channel).
    session.connection.onNotification(LogMessageNotification.method, (params: LogMessageParams) => {
        logged.push(params.message);
    });
    startup = performance.now() - started;
}, 120_000);

afterAll(async () => {
    await session?.dispose();
});

async function workspaceSymbols(query: string): Promise<string[]> {
    const symbols = (await session.request(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[] | null;
    return (symbols ?? []).map((symbol) => symbol.name);
}

describe.sequential('the server on a hostile workspace', () => {
    test('starts, and an opened file gets its diagnostics and outline', async () => {
        expect(startup).toBeLessThan(30_000);
        const uri = pathToUri(join(root, 'models', 'm7.tm'));
        await session.open(uri, agents(7));
        const published = await session.waitForDiagnostics(uri);
        expect(published.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        const symbols = await session.request(DocumentSymbolRequest.type, { textDocument: { uri } });
        expect(symbols).toHaveLength(AGENTS_PER_FILE);
    }, 60_000);

    test(`all ${FILES * AGENTS_PER_FILE} agents of the ${FILES} files are loaded`, async () => {
        expect(await workspaceSymbols('Agent9999')).toContain('Agent9999');
        expect(await workspaceSymbols('Agent0')).toContain('Agent0');
    }, 60_000);

    test('nothing is read through a link, from hidden folders or node_modules', async () => {
        for (const name of ['OutsideSecret', 'OutsideInner', 'HiddenAgent', 'NodeModulesAgent']) {
            expect(await workspaceSymbols(name)).toEqual([]);
        }
    }, 60_000);

    test(`the file over ${WORKSPACE_READ_LIMIT} bytes is skipped unread, with one line in the log; no crash`, () => {
        expect(logged.filter((line) => /Not loaded: .*huge\.tm is \d+ bytes/.test(line))).toHaveLength(1);
        expect(session.stderr).not.toMatch(/Uncaught|UnhandledPromiseRejection|heap out of memory/i);
        expect(session.process.exitCode).toBeNull();
    });
});
