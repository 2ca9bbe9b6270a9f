/**
 * Bad input never gives a stack trace: binary files and broken models are located diagnostics
 * (exit 1); missing, unreadable and special paths are one line on stderr (exit 2).
 */
import { chmodSync, copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/main.js';
import type { CliIo } from '../../cli/output.js';
import { describeFsError } from '../../cli/output.js';
import { ensureBundle, FIXTURES, lines, ROOT, runAtm, runInProcess, tempDir } from './cli-harness.js';

beforeAll(ensureBundle, 120_000);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('bad content is a located diagnostic', () => {
    test('a binary file is an invalid-encoding error at 1:1, exit 1', () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'image.tm'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]));
        const result = runAtm(['check', 'image.tm'], dir);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('image.tm:1:1: error invalid-encoding: Not a text model: bytes that are not valid UTF-8 at offset 0\n');
        expect(result.stderr).toBe('atm: 1 file checked: 1 error, 0 warnings, 0 infos, 0 hints\n');
    });

    test('a NUL byte, and Latin-1 bytes that are not UTF-8, are invalid-encoding too', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'nul.tm'), 'aivss 0.8\n\u0000agent A {}\n');
        writeFileSync(join(dir, 'latin1.tm'), Buffer.from('aivss 0.8\nagent B "caf\xe9" {}\n', 'latin1'));
        const result = await runInProcess(['check', '--quiet', '.'], dir);
        expect(result.code).toBe(1);
        expect(lines(result.stdout)).toEqual([
            'latin1.tm:1:1: error invalid-encoding: Not a text model: bytes that are not valid UTF-8 at offset 22',
            'nul.tm:1:1: error invalid-encoding: Not a text model: a NUL byte at offset 10'
        ]);
    });

    test('a UTF-8 byte order mark is stripped, not reported', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'bom.tm'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('aivss 0.8\n')]));
        const result = await runInProcess(['check', 'bom.tm'], dir);
        expect(result).toMatchObject({ code: 0, stdout: '' });
    });

    test('an empty file is a model without agents', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'empty.tm'), '');
        expect(await runInProcess(['check', 'empty.tm'], dir)).toMatchObject({ code: 0, stdout: '' });
        expect(JSON.parse((await runInProcess(['score', '--json', 'empty.tm'], dir)).stdout)).toEqual({ files: [{ path: 'empty.tm', agents: [], diagnostics: [] }] });
    });

    test('a file beyond the size limit is one file-too-large error, even one too large to read', async () => {
        const dir = tempDir();
        // Sparse: 100 MB on paper, nothing on disk, and the CLI must not read it into memory.
        writeFileSync(join(dir, 'huge.tm'), '');
        truncateSync(join(dir, 'huge.tm'), 100 * 1024 * 1024);
        const result = await runInProcess(['check', 'huge.tm'], dir);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('huge.tm:1:1: error file-too-large: File is 100.0 MiB; models larger than 20 MiB are not parsed\n');
    });

    test('a 10 MB generated model: no crash, diagnostics and the score gate in reasonable time', () => {
        const dir = tempDir();
        const factors = ['execution_autonomy', 'external_tool_control_surface', 'natural_language_interface', 'contextual_awareness',
            'behavioral_non_determinism', 'opacity_and_reflexivity', 'persistent_state_retention', 'dynamic_identity',
            'multi_agent_interactions', 'self_modification'].map((key) => `${key} 0.5`).join(' ');
        const out: string[] = ['aivss 0.8', 'agent Big "generated" {', `    factors { ${factors} }`,
            '    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"'];
        let size = 0;
        let index = 0;
        for (const layer of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']) {
            out.push(`    layer ${layer} {`);
            while (size < ((Number(layer.slice(1))) * 10 * 1024 * 1024) / 7) {
                const line = `        threat T${index} "Generated threat number ${index}, a title long enough to fill the file" { catalog M${layer.slice(1)}.1 }`;
                out.push(line);
                size += line.length + 1;
                index++;
            }
            out.push('    }');
        }
        out.push('}');
        writeFileSync(join(dir, 'big.tm'), `${out.join('\n')}\n`);
        const started = Date.now();
        // Every threat scores 8.4 High (CVSS 6.9, factor sum 5.0): the gate walks all of them.
        const result = runAtm(['check', '--quiet', '--json', '--fail-on', 'critical', 'big.tm'], dir, 180_000);
        const elapsed = Date.now() - started;
        expect(result.stderr).toBe('');
        const document = JSON.parse(result.stdout);
        expect(document.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0, hints: 0 });
        expect(document.gate).toEqual([]);
        expect(result.code).toBe(0);
        expect(elapsed).toBeLessThan(150_000);
    }, 200_000);
});

describe('path problems: one line, exit 2', () => {
    test('a missing path', () => {
        const result = runAtm(['check', 'does-not-exist.tm']);
        expect(result).toEqual({ code: 2, stdout: '', stderr: 'atm check: does-not-exist.tm: no such file or directory\n' });
    });

    test('a FIFO named on the command line, and one inside a folder', async () => {
        const dir = tempDir();
        execFileSync('mkfifo', [join(dir, 'pipe.tm')]);
        const named = runAtm(['check', 'pipe.tm'], dir, 20_000);
        expect(named).toEqual({ code: 2, stdout: '', stderr: 'atm check: pipe.tm: is a FIFO (named pipe), not a regular file; expected a .tm file or a folder\n' });
        const inFolder = await runInProcess(['check', '.'], dir);
        expect(inFolder).toEqual({ code: 2, stdout: '', stderr: 'atm check: pipe.tm: is a FIFO (named pipe), not a regular file; not read\n' });
    });

    test('a folder without models: a warning, nothing checked, exit 0', () => {
        const dir = tempDir();
        mkdirSync(join(dir, 'empty'));
        const result = runAtm(['check', 'empty'], dir);
        expect(result).toEqual({
            code: 0,
            stdout: '',
            stderr: 'atm: warning: empty: no .tm files in this folder\natm: 0 files checked: 0 errors, 0 warnings, 0 infos, 0 hints\n'
        });
    });

    test.skipIf(isRoot)('an unreadable file (permission denied)', async () => {
        const dir = tempDir();
        copyFileSync(join(FIXTURES, 'example.tm'), join(dir, 'secret.tm'));
        chmodSync(join(dir, 'secret.tm'), 0o000);
        const result = await runInProcess(['check', 'secret.tm'], dir);
        expect(result).toEqual({ code: 2, stdout: '', stderr: 'atm check: secret.tm: cannot read: permission denied\n' });
    });

    test('a folder given as --config: one line, exit 2', async () => {
        const dir = tempDir();
        mkdirSync(join(dir, 'conf'));
        const result = await runInProcess(['check', '--config', 'conf', join(FIXTURES, 'example.tm')], dir);
        expect(result).toEqual({ code: 2, stdout: '', stderr: 'atm check: conf: cannot read the configuration: is a directory\n' });
    });
});

describe('unexpected failures', () => {
    test('one line without a stack, exit 1; --debug adds the stack', async () => {
        const failingIo = (debugLines: string[]): CliIo => ({
            out: () => { throw new Error('disk on fire'); },
            err: (text) => { debugLines.push(text); },
            cwd: FIXTURES
        });
        const plain: string[] = [];
        expect(await runCli(['check', 'example.tm'], failingIo(plain))).toBe(1);
        expect(plain).toEqual(['atm check: internal error: disk on fire (run with --debug for details)\n']);
        const debug: string[] = [];
        expect(await runCli(['check', '--debug', 'example.tm'], failingIo(debug))).toBe(1);
        expect(debug[0]).toBe('atm check: internal error: disk on fire\n');
        expect(debug[1]).toMatch(/^Error: disk on fire\n\s+at /);
    });

    test('file-system errors read as phrases', () => {
        expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
        expect(describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file or directory');
        expect(describeFsError(Object.assign(new Error('x'), { code: 'EISDIR' }))).toBe('is a directory');
    });
});

describe('atm.config.json', () => {
    test('problems are warnings on stderr as `atm.config.json: <path>: <message>`; valid keys still apply', async () => {
        const dir = tempDir();
        copyFileSync(join(FIXTURES, 'partial.tm'), join(dir, 'partial.tm'));
        writeFileSync(join(dir, 'atm.config.json'), JSON.stringify({ rules: { 'missing-layer': 'error', 'no-such-rule': 'off' }, colour: true }));
        const result = await runInProcess(['check', '--quiet', 'partial.tm'], dir);
        expect(result.code).toBe(1);
        expect(lines(result.stderr)).toEqual([
            'atm.config.json: rules.no-such-rule: unknown diagnostic code \'no-such-rule\'',
            'atm.config.json: colour: unknown key \'colour\''
        ]);
        expect(lines(result.stdout)[0]).toMatch(/^partial\.tm:4:7: error missing-layer: /);
    });

    test('--config PATH: invalid JSON is a warning and the defaults apply; a missing file is exit 2', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'bad.json'), '{ nope');
        const result = await runInProcess(['check', '--quiet', '--config', 'bad.json', join(FIXTURES, 'example.tm')], dir);
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/^bad\.json: \(root\): not valid JSON: /);
        const missing = await runInProcess(['check', '--config', 'nope.json', join(FIXTURES, 'example.tm')], dir);
        expect(missing).toEqual({ code: 2, stdout: '', stderr: 'atm check: nope.json: cannot read the configuration: no such file or directory\n' });
    });

    test('the configured AIVSS version applies to files without a header', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'atm.config.json'), '{ "aivss": "0.5" }');
        writeFileSync(join(dir, 'm.tm'), 'agent A { cvss 9.4 factors { autonomy_of_action 1 } layer L1 { threat T } }\n');
        const agent = JSON.parse((await runInProcess(['score', '--json', 'm.tm'], dir)).stdout).files[0].agents[0];
        expect(agent.aivssVersion).toBe('0.5');
        expect(agent.mitigationFactor).toBeNull();
    });
});

describe('the bin shim', () => {
    test('bin/atm.cjs runs the bundle', () => {
        const output = execFileSync(process.execPath, [join(ROOT, 'bin', 'atm.cjs'), '--version'], { encoding: 'utf8' });
        expect(output).toMatch(/^\d+\.\d+\.\d+\n$/);
    });

    test('without a built bundle it says what to run, exit 2', () => {
        const dir = tempDir();
        mkdirSync(join(dir, 'bin'));
        copyFileSync(join(ROOT, 'bin', 'atm.cjs'), join(dir, 'bin', 'atm.cjs'));
        const result = spawnSync(process.execPath, [join(dir, 'bin', 'atm.cjs'), 'check'], { cwd: dir, encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('atm: the CLI is not built (out/cli/main.cjs is missing); run `npm run build` first\n');
    });

    test('no command: the usage on stderr, exit 2; --help on stdout, exit 0', async () => {
        const none = await runInProcess([]);
        expect(none.code).toBe(2);
        expect(none.stdout).toBe('');
        expect(none.stderr).toMatch(/^atm — agentic threat models/);
        const help = await runInProcess(['check', '--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(/^Usage: atm check \[paths…\] \[options\]\n/);
        expect((await runInProcess(['help', 'calc'])).stdout).toMatch(/^Usage: atm calc /);
    });
});
