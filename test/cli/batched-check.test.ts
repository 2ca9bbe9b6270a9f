/**
 * `atm check`, `score` and `export` build files a batch at a time and drop each batch's
 * documents before the next (cli/batched-documents.ts). These tests pin that this changes
 * nothing a user sees, whatever the batch size, and that the documents really go.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateModel } from '../../bench/model-generator.js';
import type { BatchOptions } from '../../cli/batched-documents.js';
import { loadInBatches } from '../../cli/batched-documents.js';
import { createCliServices } from '../../cli/cli-services.js';
import { checkCommand } from '../../cli/commands/check-command.js';
import { exportCommand } from '../../cli/commands/export-command.js';
import { scoreCommand } from '../../cli/commands/score-command.js';
import { collectModelFiles } from '../../cli/load-documents.js';
import type { CliIo } from '../../cli/output.js';
import { DEFAULT_CONFIG } from '../../language/config/atm-config.js';
import { FIXTURES, ROOT, tempDir } from './cli-harness.js';

interface Output {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

type Command = (argv: readonly string[], io: CliIo, batching: BatchOptions) => Promise<number>;

async function run(command: Command, argv: readonly string[], cwd: string, batching: BatchOptions): Promise<Output> {
    let stdout = '';
    let stderr = '';
    const code = await command(argv, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), cwd }, batching);
    return { code, stdout, stderr };
}

function write(path: string, text: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
}

/** A control declared in one file and used in another, and one agent name in two files. */
const CROSS_A = `aivss 0.8
agent Shared "declared in a.tm" {
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"
    layer L1 {
        threat Hijack "uses the control of its own file" { catalog M1.1 mitigated_by Sandbox }
    }
    control Sandbox "only in a.tm" { strength strong }
}
`;
const CROSS_B = `aivss 0.8
agent Shared "declared again in b.tm" {
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
    layer L1 {
        threat Hijack "names a control that only a.tm declares" { catalog M1.1 mitigated_by Sandbox }
    }
}
`;

/**
 * A workspace with what could differ between building files together and apart: files of
 * every outcome (clean, warnings, syntax errors, binary, empty, hostile strings), generated
 * models with complete scores, names shared across files, a reference to another file's
 * control, nested folders, and a configuration that changes severities and the formula.
 */
function writeWorkspace(): string {
    const root = tempDir('atm-batches-');
    for (const name of ['example.tm', 'broken.tm', 'partial.tm', 'hostile.tm']) {
        copyFileSync(join(FIXTURES, name), join(root, name));
    }
    for (const name of readdirSync(join(ROOT, 'examples')).filter((entry) => entry.endsWith('.tm'))) {
        mkdirSync(join(root, 'examples'), { recursive: true });
        copyFileSync(join(ROOT, 'examples', name), join(root, 'examples', name));
    }
    for (let index = 0; index < 4; index++) {
        write(join(root, 'generated', `model-${index}.tm`), generateModel({ lines: 300, seed: 1000 + index, agentPrefix: `Gen${index}x` }).text);
    }
    write(join(root, 'cross', 'a.tm'), CROSS_A);
    write(join(root, 'cross', 'b.tm'), CROSS_B);
    write(join(root, 'odd', 'empty.tm'), '');
    write(join(root, 'odd', 'binary.tm'), 'aivss 0.8\n\u0000agent X {}\n');
    write(join(root, 'atm.config.json'), JSON.stringify({ rules: { 'missing-layer': 'error', 'non-canonical-factor': 'off' } }));
    return root;
}

/** One file per batch, a few files per batch, and everything in one batch (the old behaviour). */
const BATCHINGS: ReadonlyArray<[string, BatchOptions]> = [
    ['one file per batch', { batchBytes: 1 }],
    ['two files per batch', { batchFiles: 2 }],
    ['three files per batch', { batchFiles: 3 }],
    ['~4 KB per batch', { batchBytes: 4096 }]
];
const ALL_AT_ONCE: BatchOptions = { batchBytes: Number.POSITIVE_INFINITY };

const CASES: ReadonlyArray<[string, Command, readonly string[]]> = [
    ['check', checkCommand, ['.']],
    ['check --json --fail-on medium', checkCommand, ['--json', '--fail-on', 'medium', '.']],
    ['check --fail-on low --quiet', checkCommand, ['--fail-on', 'low', '--quiet', '.']],
    ['check --max-warnings 3 --strict (folders and a file)', checkCommand, ['--max-warnings', '3', '--strict', 'cross', 'generated', 'example.tm']],
    ['score', scoreCommand, ['.']],
    ['score --json', scoreCommand, ['--json', '.']],
    ['export --format sarif', exportCommand, ['--format', 'sarif', 'examples/research-assistant-platform.tm']],
    ['export --format json (a file with errors)', exportCommand, ['--format', 'json', 'broken.tm']]
];

describe('batched builds give the output of one build of every file', () => {
    let root = '';
    beforeAll(() => {
        root = writeWorkspace();
    });

    for (const [name, command, argv] of CASES) {
        test(name, async () => {
            const expected = await run(command, argv, root, ALL_AT_ONCE);
            // The workspace exercises what it should: errors, and output to compare.
            if (name.startsWith('check') && !argv.includes('generated')) {
                expect(expected.code).toBe(1);
                expect(expected.stdout).toContain('syntax-error');
            }
            expect(expected.stdout.length).toBeGreaterThan(100);
            for (const [label, batching] of BATCHINGS) {
                expect(await run(command, argv, root, batching), label).toEqual(expected);
            }
        }, 60_000);
    }

    test('files do not see each other, in one build or in batches', async () => {
        for (const batching of [ALL_AT_ONCE, { batchBytes: 1 }]) {
            const result = await run(checkCommand, ['--json', 'cross'], root, batching);
            const files = (JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> }).files;
            const codes = (path: string): string[] => files.find((file) => file.path === path)!.diagnostics.map((d) => d.code);
            // b.tm's reference to a.tm's control stays unresolved; the shared agent name is no duplicate.
            expect(codes('cross/b.tm')).toContain('unresolved-reference');
            expect(codes('cross/a.tm')).not.toContain('unresolved-reference');
            expect([...codes('cross/a.tm'), ...codes('cross/b.tm')]).not.toContain('duplicate-name');
        }
    });
});

/** `global.gc`, without starting vitest with --expose-gc. */
function collectGarbage(): void {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
}

/** `count` generated models in a fresh folder, and what loadInBatches needs to check them. */
function generatedModels(count: number, lines: number): { files: readonly string[]; services: ReturnType<typeof createCliServices>; io: CliIo } {
    const root = tempDir('atm-release-');
    for (let index = 0; index < count; index++) {
        write(join(root, `model-${index}.tm`), generateModel({ lines, seed: 7 + index }).text);
    }
    const io: CliIo = { out: () => undefined, err: () => undefined, cwd: root };
    return { files: collectModelFiles([root], root).files, services: createCliServices(DEFAULT_CONFIG), io };
}

describe('batches release their documents', () => {
    test('Langium holds no document between batches, and the trees are collected', async () => {
        const { files, services, io } = generatedModels(24, 120);
        const held: number[] = [];
        const trees: Array<WeakRef<object>> = [];
        const scores: Array<WeakRef<object>> = [];
        const results = await loadInBatches(services, files, io, (file) => {
            // Read the score too: the scorer's cache must let go of it as well.
            trees.push(new WeakRef(file.document!.parseResult.value));
            scores.push(new WeakRef(file.score!));
            return file.score?.agents.length ?? 0;
        }, { batchFiles: 3, afterBatch: (count) => held.push(count) });

        expect(results.map((result) => result.summary).every((agents) => agents > 0)).toBe(true);
        expect(held).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
        expect(services.shared.workspace.IndexManager.allElements().count()).toBe(0);
        for (let round = 0; round < 3; round++) {
            collectGarbage();
            await new Promise((resolve) => setTimeout(resolve, 0));
        }
        // Bounded, not necessarily zero: Langium's CstNodeBuilder keeps the root of the last parse
        // until the next one, and under load an odd tree outlives the collection by a job. A leak
        // keeps all 24 (the next test).
        const alive = (refs: Array<WeakRef<object>>): number => refs.filter((ref) => ref.deref() !== undefined).length;
        expect(alive(trees)).toBeLessThanOrEqual(3);
        expect(alive(scores)).toBeLessThanOrEqual(3);
    });

    test('a summary that keeps the AST keeps every tree (the check above can fail)', async () => {
        const { files, services, io } = generatedModels(4, 100);
        const trees: Array<WeakRef<object>> = [];
        const kept: unknown[] = [];
        await loadInBatches(services, files, io, (file) => {
            trees.push(new WeakRef(file.document!.parseResult.value));
            kept.push(file.score);
            return 0;
        }, { batchFiles: 1 });
        collectGarbage();
        expect(trees.filter((tree) => tree.deref() !== undefined).length).toBe(4);
        expect(kept.length).toBe(4);
    });
});
