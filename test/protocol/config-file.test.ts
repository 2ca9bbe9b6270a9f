import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol/node';
import {
    DiagnosticSeverity,
    DidChangeWatchedFilesNotification,
    FileChangeType,
    MessageType,
    ShowMessageNotification
} from 'vscode-languageserver-protocol/node';
import { LspSession, pathToUri } from './lsp-session.js';

const seed = readFileSync(fileURLToPath(new URL('../fixtures/example.tm', import.meta.url)), 'utf8');

let root: string;
let configPath: string;
let seedUri: string;
let session: LspSession;
const messages: ShowMessageParams[] = [];

const codes = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((d) => String(d.code));

async function writeConfig(config: object | undefined): Promise<void> {
    if (config === undefined) {
        rmSync(configPath, { force: true });
    } else {
        writeFileSync(configPath, JSON.stringify(config));
    }
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToUri(configPath), type: config === undefined ? FileChangeType.Deleted : FileChangeType.Changed }]
    });
}

/** Waits until `condition` holds (10 s at most). */
async function until(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out${session.stderr ? `\n${session.stderr}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/** Lets pending reloads, rebuilds and diagnostics go through. */
function settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 500));
}

beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atm-config-'));
    configPath = join(root, 'atm.config.json');
    writeFileSync(configPath, JSON.stringify({ rules: { 'missing-cvss': 'error' }, colour: 'blue' }));
    writeFileSync(join(root, 'seed.tm'), seed);
    seedUri = pathToUri(join(root, 'seed.tm'));
    session = await LspSession.start({
        rootPath: root,
        beforeInitialize: (connection) => connection.onNotification(ShowMessageNotification.type, (params) => {
            messages.push(params);
        })
    });
    await session.open(seedUri, seed);
});

afterAll(async () => {
    await session?.dispose();
    rmSync(root, { recursive: true, force: true });
});

describe('atm.config.json in the language server', () => {
    test('read at start-up: its rule severities apply, its problems are shown once', async () => {
        const published = await session.waitForDiagnostics(seedUri, {
            accept: (params) => params.diagnostics.some((d) => d.code === 'missing-cvss' && d.severity === DiagnosticSeverity.Error)
        });
        expect(codes(published)).toContain('non-canonical-factor');
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatchObject({ type: MessageType.Warning });
        expect(messages[0]!.message).toContain("atm.config.json: colour: unknown key 'colour'");
    });

    test("changing a rule to 'off' removes that diagnostic", async () => {
        const since = session.diagnosticCount(seedUri);
        await writeConfig({ rules: { 'non-canonical-factor': 'off' } });
        const published = await session.waitForDiagnostics(seedUri, {
            since,
            accept: (params) => !codes(params).includes('non-canonical-factor')
        });
        // The other override is gone with the old file: missing-cvss is back to its default severity.
        expect(published.diagnostics.find((d) => d.code === 'missing-cvss')?.severity).not.toBe(DiagnosticSeverity.Error);
        expect(codes(published)).toContain('missing-cvss');
    });

    test('the same problems are not shown again; deleting the file restores the defaults', async () => {
        await writeConfig({ rules: { 'non-canonical-factor': 'off' }, colour: 'blue' });
        // Shown again: the problem had been fixed in between.
        await until(() => messages.length === 2);
        await writeConfig({ rules: { 'non-canonical-factor': 'off' }, colour: 'blue' });
        await settle();
        expect(messages).toHaveLength(2);
        const since = session.diagnosticCount(seedUri);
        await writeConfig(undefined);
        const published = await session.waitForDiagnostics(seedUri, {
            since,
            accept: (params) => codes(params).includes('non-canonical-factor')
        });
        expect(codes(published).filter((code) => code === 'non-canonical-factor')).toHaveLength(4);
    });

    test('a config file below the root is not the workspace configuration', async () => {
        mkdirSync(join(root, 'sub'), { recursive: true });
        const nested = join(root, 'sub', 'atm.config.json');
        writeFileSync(nested, JSON.stringify({ rules: { 'non-canonical-factor': 'off' } }));
        await settle();
        const since = session.diagnosticCount(seedUri);
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: pathToUri(nested), type: FileChangeType.Created }]
        });
        await settle();
        expect(session.diagnosticCount(seedUri)).toBe(since);
    });
});
