import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, FIXTURES, lines, runAtm, runInProcess, tempDir } from './cli-harness.js';

beforeAll(ensureBundle, 120_000);

const CARD = join(FIXTURES, 'cards', 'wan-2.2-s2v.card.txt');

describe('atm export --format card', () => {
    test('one agent, one card; what the card drops is listed on stderr', async () => {
        const result = await runInProcess(['export', 'example.tm', '--format', 'card']);
        expect(result.code).toBe(0);
        expect(result.stdout.startsWith('WAN 2.2-S2V — agentic threat model\n')).toBe(true);
        expect(result.stdout).not.toContain('\n---\n');
        expect(lines(result.stderr)).toContain('atm export: Wan22S2V: not in the card: control UploadSandbox: a card has no controls');
    });

    test('several agents: one card each, separated by a --- line; --agent picks one', async () => {
        const both = await runInProcess(['export', 'partial.tm', '--format', 'card']);
        expect(both.code).toBe(0);
        const cards = both.stdout.split('\n---\n');
        expect(cards).toHaveLength(2);
        expect(cards[0]!.startsWith('Travel planner — agentic threat model\n')).toBe(true);
        expect(cards[1]!.startsWith('Summarizer — agentic threat model\n')).toBe(true);
        const one = await runInProcess(['export', 'partial.tm', '--format', 'card', '--agent', 'Summarizer']);
        expect(one.stdout).toBe(cards[1]);
        const unknown = await runInProcess(['export', 'partial.tm', '--format', 'card', '--agent', 'Nobody']);
        expect(unknown).toEqual({
            code: 2, stdout: '',
            stderr: 'atm export: no agent named \'Nobody\' in partial.tm (agents: Planner, Summarizer) (atm export --help)\n'
        });
    });

    test('export needs a format and one model file', async () => {
        expect((await runInProcess(['export', 'example.tm'])).stderr)
            .toBe('atm export: --format is required: one of card, markdown, html, json, sarif (atm export --help)\n');
        expect((await runInProcess(['export', '--format', 'html'])).stderr).toBe('atm export: missing model FILE.tm (atm export --help)\n');
        expect((await runInProcess(['export', 'example.tm', '--format', 'pdf'])).code).toBe(2);
        expect((await runInProcess(['export', 'nope.tm', '--format', 'html'])).stderr).toBe('atm export: nope.tm: no such file or directory\n');
        expect((await runInProcess(['export', '.', '--format', 'html'])).stderr).toBe('atm export: . is a folder; export takes one model file (atm export --help)\n');
    });

    test('a model with errors is still exported, its errors on stderr, exit 1', () => {
        const result = runAtm(['export', 'broken.tm', '--format', 'markdown']);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('### A model with a syntax error (Broken)');
        expect(result.stderr).toBe('broken.tm:11:16: error syntax-error: unexpected character: ->=<- at offset: 277, skipped 1 characters.\n'
            + 'broken.tm:11:18: error syntax-error: Expecting token of type \'ID\' but found `"missing name"`.\n');
    });
});

describe('atm import', () => {
    test('the seed card becomes a model that checks without errors', async () => {
        const dir = tempDir();
        const result = runAtm(['import', CARD, '-o', 'wan.tm'], dir);
        expect(result).toEqual({ code: 0, stdout: '', stderr: 'atm import: wrote wan.tm\n' });
        const model = readFileSync(join(dir, 'wan.tm'), 'utf8');
        expect(model).toContain('agent Wan22S2V "WAN 2.2-S2V" {');
        const check = await runInProcess(['check', '--quiet', 'wan.tm'], dir);
        expect(check.code).toBe(0);
        const toStdout = await runInProcess(['import', CARD], dir);
        expect(toStdout.stdout).toBe(model);
    });

    test('-o refuses to overwrite an existing file unless --force', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'mine.tm'), 'precious\n');
        const refused = await runInProcess(['import', CARD, '-o', 'mine.tm'], dir);
        expect(refused).toEqual({ code: 2, stdout: '', stderr: 'atm import: mine.tm already exists; add --force to overwrite it (atm import --help)\n' });
        expect(readFileSync(join(dir, 'mine.tm'), 'utf8')).toBe('precious\n');
        expect((await runInProcess(['import', CARD, '-o', 'mine.tm', '--force'], dir)).code).toBe(0);
        expect(readFileSync(join(dir, 'mine.tm'), 'utf8')).toContain('agent Wan22S2V');
    });

    test('a rejected card prints located errors and writes nothing', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'bad.card'), 'Not a card\nat all\n');
        const result = await runInProcess(['import', 'bad.card', '-o', 'out.tm'], dir);
        expect(result.code).toBe(1);
        expect(lines(result.stderr)).toEqual([
            'bad.card:1:1: error card-syntax: not a threat-model card: no \'… — agentic threat model\' title line',
            'atm import: bad.card was not imported; nothing written'
        ]);
        expect(existsSync(join(dir, 'out.tm'))).toBe(false);
        writeFileSync(join(dir, 'binary.card'), Buffer.from([0x00, 0x01, 0xff]));
        const binary = await runInProcess(['import', 'binary.card', '-o', 'out.tm'], dir);
        expect(binary).toEqual({ code: 1, stdout: '', stderr: 'binary.card:1:1: error invalid-encoding: Not a text card: binary or not valid UTF-8\n' });
        expect(existsSync(join(dir, 'out.tm'))).toBe(false);
        expect((await runInProcess(['import', 'missing.card'], dir))).toEqual({ code: 2, stdout: '', stderr: 'atm import: missing.card: cannot read: no such file or directory\n' });
    });
});
