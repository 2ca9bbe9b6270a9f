import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, ROOT, runAtm, runInProcess, tempDir } from './cli-harness.js';

const EXAMPLES = join(ROOT, 'examples');
const messy = 'aivss 0.8\nagent A "a" {\n  cvss 5.0   // trailing\nlayer L1 { threat T { catalog M1.2 } }\n}\n';
const tidy = 'aivss 0.8\nagent A "a" {\n    cvss 5.0   // trailing\n    layer L1 { threat T { catalog M1.2 } }\n}\n';

beforeAll(ensureBundle, 120_000);

describe('atm fmt', () => {
    test('the examples are fixed points: --check passes and writes nothing', () => {
        const result = runAtm(['fmt', '--check', EXAMPLES], ROOT);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('atm: 3 files checked: 0 need formatting\n');
        expect(result.code).toBe(0);
    });

    test('--check lists an unformatted file, exits 1 and leaves it alone', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'messy.tm'), messy);
        const result = await runInProcess(['fmt', '--check', '.'], dir);
        expect(result).toMatchObject({ code: 1, stdout: 'messy.tm: not formatted\n' });
        expect(readFileSync(join(dir, 'messy.tm'), 'utf8')).toBe(messy);
    });

    test('without --check it rewrites only the files that change, keeping a BOM', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'messy.tm'), `\uFEFF${messy}`);
        copyFileSync(join(EXAMPLES, 'wan-2.2-s2v.tm'), join(dir, 'seed.tm'));
        const result = await runInProcess(['fmt', dir], dir);
        expect(result).toMatchObject({ code: 0, stdout: 'messy.tm: formatted\n' });
        expect(readFileSync(join(dir, 'messy.tm'), 'utf8')).toBe(`\uFEFF${tidy}`);
        expect(readFileSync(join(dir, 'seed.tm'), 'utf8')).toBe(readFileSync(join(EXAMPLES, 'wan-2.2-s2v.tm'), 'utf8'));
        expect((await runInProcess(['fmt', '--check', dir], dir)).code).toBe(0);
    });

    test('a file with a syntax error or binary content is reported with its location and untouched', async () => {
        const dir = tempDir();
        const broken = 'agent A {\n    factors { autonomy_of_action }\n}\n';
        writeFileSync(join(dir, 'broken.tm'), broken);
        writeFileSync(join(dir, 'binary.tm'), Buffer.from([0x61, 0x00, 0xff, 0x62]));
        const result = await runInProcess(['fmt', '.'], dir);
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')).toEqual([
            'binary.tm:1:1: error cannot-format: Not a text model: a NUL byte at offset 1',
            expect.stringMatching(/^broken\.tm:2:34: error syntax-error: cannot format: /),
            ''
        ]);
        expect(readFileSync(join(dir, 'broken.tm'), 'utf8')).toBe(broken);
    });
});
