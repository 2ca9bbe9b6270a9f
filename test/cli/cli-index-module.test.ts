/**
 * The CLI builds without Langium's workspace index (cli/cli-index-module.ts). These tests pin
 * that the index changes nothing the CLI reports: the same diagnostics, in the same order, and
 * the same scores as the full language services, on every example and fixture, generated models,
 * and files that reference each other's names, all built together as one workspace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { generateModel } from '../../bench/model-generator.js';
import { createCliServices } from '../../cli/cli-services.js';
import { toReportFile } from '../../cli/commands/common-options.js';
import type { LoadedFile } from '../../cli/load-documents.js';
import { collectModelFiles, loadDocuments } from '../../cli/load-documents.js';
import type { CliIo } from '../../cli/output.js';
import { DEFAULT_CONFIG } from '../../language/config/atm-config.js';
import { scoreJsonFile } from '../../language/report/score-json.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';
import { ROOT, tempDir } from './cli-harness.js';

function workspace(): string {
    const root = tempDir('atm-index-');
    mkdirSync(join(root, 'cross'));
    // b.tm names a.tm's control and agent: an index that linked across files would resolve them.
    writeFileSync(join(root, 'cross', 'a.tm'), 'aivss 0.8\nagent Shared {\n    layer L1 { threat T { mitigated_by Gate } }\n    control Gate "g" { strength strong }\n}\n');
    writeFileSync(join(root, 'cross', 'b.tm'), 'aivss 0.8\nagent Shared {\n    layer L1 { threat T { mitigated_by Gate, Other } }\n}\n');
    for (let index = 0; index < 3; index++) {
        writeFileSync(join(root, `generated-${index}.tm`), generateModel({ lines: 400, seed: 300 + index }).text);
    }
    return root;
}

async function build(services: ThreatModelServices, files: readonly string[]): Promise<LoadedFile[]> {
    const io: CliIo = { out: () => undefined, err: () => undefined, cwd: ROOT };
    return loadDocuments(services, files, io);
}

/** Everything a command prints about a file: its diagnostics (full LSP objects) and scores. */
function printed(file: LoadedFile): unknown {
    return { diagnostics: file.diagnostics, score: scoreJsonFile(toReportFile(file)) };
}

describe('the CLI without the workspace index', () => {
    test('reports what the full services report, file by file', async () => {
        const files = collectModelFiles([join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures'), workspace()], ROOT).files;
        expect(files.length).toBeGreaterThan(20);
        const full = createThreatModelServices(NodeFileSystem).ThreatModel;
        full.config.AtmConfig.set(DEFAULT_CONFIG);
        const cli = createCliServices(DEFAULT_CONFIG);

        const expected = await build(full, files);
        const actual = await build(cli, files);
        expect(actual.map(printed)).toEqual(expected.map(printed));
        // The comparison means something: the full services did index, the CLI's did not.
        expect(full.shared.workspace.IndexManager.allElements().count()).toBeGreaterThan(100);
        expect(cli.shared.workspace.IndexManager.allElements().count()).toBe(0);
        const unresolved = actual.flatMap((file) => file.diagnostics.filter((d) => d.code === 'unresolved-reference'));
        expect(unresolved.length).toBeGreaterThan(0);
    });
});
