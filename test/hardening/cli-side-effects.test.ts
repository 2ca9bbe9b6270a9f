/**
 * What the `atm` bundle touches, recorded by side-effect-probe.cjs (preloaded with
 * `node --require`): the paths it reads and writes, and any attempt to reach the network or
 * start a process, which the probe also blocks. Each command must write only where `-o` says
 * (and `atm fmt` only the files it was given or found), never over an existing file without
 * `--force`, never through a symbolic link, and read nothing outside the paths it was given:
 * a symbolic link inside a given folder that leads out of it is not followed (a warning says
 * so); a path named on the command line is read wherever it leads, because the user asked.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE, ensureBundle, ROOT, tempDir } from '../cli/cli-harness.js';

beforeAll(ensureBundle, 120_000);

const PROBE = join(ROOT, 'test', 'hardening', 'side-effect-probe.cjs');
const SEED = readFileSync(join(ROOT, 'test', 'fixtures', 'example.tm'), 'utf8');
const UNFORMATTED = 'agent   Outside {\nlayer L1\n}\n';
const CARD = join(ROOT, 'test', 'fixtures', 'cards', 'wan-2.2-s2v.card.txt');

interface Probed {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    readonly reads: readonly string[];
    readonly writes: readonly string[];
    readonly forbidden: readonly string[];
}

function atm(args: readonly string[], cwd: string): Probed {
    const log = join(tempDir('atm-probe-'), 'log');
    const result = spawnSync(process.execPath, ['--require', PROBE, BUNDLE, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, ATM_PROBE_LOG: log }
    });
    if (result.error) throw result.error;
    const records = readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => line.split('\t') as [string, string]);
    const of = (kind: string) => records.filter(([k]) => k === kind).map(([, what]) => what);
    return {
        code: result.status ?? -1,
        stdout: result.stdout,
        stderr: result.stderr,
        reads: of('read'),
        writes: of('write'),
        forbidden: [...of('network'), ...of('process')]
    };
}

/**
 * work/ holds models and links; outside/ is a sibling the commands are never pointed at.
 * work/secret-link.tm and work/secret-folder lead to outside/; work/alias.tm to work/a.tm.
 */
function workspace(): { work: string; outside: string } {
    const base = realpathSync(tempDir('atm-side-effects-'));
    const work = join(base, 'work');
    const outside = join(base, 'outside');
    mkdirSync(join(outside, 'folder'), { recursive: true });
    mkdirSync(work);
    writeFileSync(join(work, 'a.tm'), SEED);
    writeFileSync(join(outside, 'secret.tm'), UNFORMATTED);
    writeFileSync(join(outside, 'folder', 'inner.tm'), UNFORMATTED);
    writeFileSync(join(outside, 'target.txt'), 'do not touch\n');
    symlinkSync(join('..', 'outside', 'secret.tm'), join(work, 'secret-link.tm'));
    symlinkSync(join('..', 'outside', 'folder'), join(work, 'secret-folder'));
    symlinkSync('a.tm', join(work, 'alias.tm'));
    return { work, outside };
}

function within(path: string, root: string): boolean {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
}

/** Every read is of the bundle, or inside one of `roots`. */
function expectReadsWithin(probed: Probed, roots: readonly string[]): void {
    const stray = probed.reads.filter((path) => path !== BUNDLE && !roots.some((root) => within(path, root)));
    expect(stray).toEqual([]);
}

function snapshot(root: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
        if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    }
    return files;
}

describe.sequential('atm reads only what it is given', () => {
    test('`atm check dir` does not follow links out of dir (a warning each), follows the one inside, and writes nothing', () => {
        const { work, outside } = workspace();
        const probed = atm(['check', '.'], work);
        expect(probed.forbidden).toEqual([]);
        expectReadsWithin(probed, [work]);
        expect(probed.reads.some((path) => within(path, outside))).toBe(false);
        expect(probed.stderr).toContain('atm: warning: secret-link.tm: a symbolic link out of the folder; not followed');
        expect(probed.stderr).toContain('atm: warning: secret-folder: a symbolic link out of the folder; not followed');
        // The link inside the folder is followed (to a.tm).
        expect(probed.stdout).toMatch(/^alias\.tm:/m);
        expect(probed.writes).toEqual([]);
    });

    test('a path named on the command line is read wherever its link leads', () => {
        const { work, outside } = workspace();
        const probed = atm(['check', 'secret-link.tm'], work);
        expect(probed.forbidden).toEqual([]);
        expect(probed.reads).toContain(join(outside, 'secret.tm'));
        expect(probed.stdout).toContain("Agent 'Outside'");
        expect(probed.writes).toEqual([]);
    });

    test('score, export to stdout and calc write nothing, start no process, open no connection', () => {
        const { work } = workspace();
        for (const args of [['score', '--json', '.'], ['export', 'a.tm', '--format', 'html'], ['export', 'a.tm', '--format', 'sarif'],
            ['calc', '--cvss', '9.3', '--factor-sum', '1.3', '--exploit', 'unreported', '--mitigation', 'partial']]) {
            const probed = atm(args, work);
            expect(probed.forbidden, args.join(' ')).toEqual([]);
            expect(probed.writes, args.join(' ')).toEqual([]);
            expectReadsWithin(probed, [work]);
        }
    });
});

describe.sequential('atm writes only where it is told', () => {
    test('`atm fmt dir` rewrites the models of dir, and nothing behind a link out of it; --check writes nothing', () => {
        const { work, outside } = workspace();
        writeFileSync(join(work, 'b.tm'), UNFORMATTED.replace('Outside', 'B'));
        const before = snapshot(outside);
        const checked = atm(['fmt', '--check', '.'], work);
        expect(checked.code).toBe(1);
        expect(checked.writes).toEqual([]);
        const formatted = atm(['fmt', '.'], work);
        expect(formatted.forbidden).toEqual([]);
        expectReadsWithin(formatted, [work]);
        // The final write is a rename of a temporary file beside b.tm, in work/.
        expect(formatted.writes.length).toBeGreaterThan(0);
        expect(formatted.writes.every((path) => within(path, work) && /(^|[\\/])\.?b\.tm/.test(relative(work, path)))).toBe(true);
        expect(snapshot(outside)).toEqual(before);
        expect(readFileSync(join(work, 'b.tm'), 'utf8')).toBe('agent B {\n    layer L1\n}\n');
        expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    test('export -o writes that file only; an existing target needs --force; a link as target is refused even with --force', () => {
        const { work, outside } = workspace();
        const first = atm(['export', 'a.tm', '--format', 'markdown', '-o', 'report.md'], work);
        expect(first.code).toBe(0);
        expect(first.writes.every((path) => /(^|[\\/])\.?report\.md/.test(relative(work, path)))).toBe(true);
        const written = readFileSync(join(work, 'report.md'), 'utf8');

        writeFileSync(join(work, 'a.tm'), SEED.replace('WAN 2.2-S2V"', 'Changed"'));
        const refused = atm(['export', 'a.tm', '--format', 'markdown', '-o', 'report.md'], work);
        expect(refused.code).toBe(2);
        expect(refused.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^atm export: report\.md already exists; add --force to overwrite it/)]);
        expect(readFileSync(join(work, 'report.md'), 'utf8')).toBe(written);
        expect(atm(['export', 'a.tm', '--format', 'markdown', '-o', 'report.md', '--force'], work).code).toBe(0);
        expect(readFileSync(join(work, 'report.md'), 'utf8')).not.toBe(written);

        symlinkSync(join(outside, 'target.txt'), join(work, 'link.md'));
        for (const force of [[], ['--force']]) {
            const probed = atm(['export', 'a.tm', '--format', 'markdown', '-o', 'link.md', ...force], work);
            expect(probed.code).toBe(2);
            expect(probed.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(probed.writes.filter((path) => within(path, outside))).toEqual([]);
        }
        expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe('do not touch\n');
        expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    test('import -o writes the model only; -o into a missing folder or onto a folder is one line, exit 2', () => {
        const { work } = workspace();
        copyFileSync(CARD, join(work, 'card.txt'));
        const imported = atm(['import', 'card.txt', '-o', 'imported.tm'], work);
        expect(imported.code).toBe(0);
        expect(imported.forbidden).toEqual([]);
        expect(imported.writes.every((path) => /(^|[\\/])\.?imported\.tm/.test(relative(work, path)))).toBe(true);
        expect(existsSync(join(work, 'imported.tm'))).toBe(true);
        for (const target of [join('missing', 'x.tm'), '.']) {
            const probed = atm(['import', 'card.txt', '-o', target, '--force'], work);
            expect(probed.code).toBe(2);
            expect(probed.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(probed.stderr).not.toMatch(/\n\s+at /);
        }
    });
});
