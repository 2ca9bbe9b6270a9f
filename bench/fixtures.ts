/**
 * The benchmark's inputs, written under .tmp/bench/models (git-ignored): single files and
 * workspaces of 1k-line files, regenerated on every run from fixed seeds.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModel } from './model-generator.js';

export interface FixtureFile {
    readonly path: string;
    readonly lines: number;
    readonly bytes: number;
}

export interface Fixture {
    /** `single-10k`, `workspace-100k`… */
    readonly name: string;
    /** What to pass to `atm check`: the file, or the folder. */
    readonly path: string;
    readonly files: number;
    readonly lines: number;
    readonly bytes: number;
}

/** Lines per file in a workspace: a team's model, not a generated monster. */
export const WORKSPACE_FILE_LINES = 1000;

function seedFor(lines: number, index: number): number {
    return (lines * 2654435761 + index * 40503) >>> 0;
}

export function writeSingleFile(dir: string, name: string, lines: number): Fixture {
    mkdirSync(dir, { recursive: true });
    const model = generateModel({ lines, seed: seedFor(lines, 0) });
    const path = join(dir, `${name}.tm`);
    writeFileSync(path, model.text);
    return { name, path, files: 1, lines: model.lines, bytes: Buffer.byteLength(model.text) };
}

export function writeWorkspace(dir: string, name: string, lines: number): Fixture {
    const folder = join(dir, name);
    rmSync(folder, { recursive: true, force: true });
    const count = Math.max(1, Math.round(lines / WORKSPACE_FILE_LINES));
    let total = 0;
    let bytes = 0;
    for (let i = 0; i < count; i++) {
        // Folders of 100 files, as a monorepo would have them.
        const sub = join(folder, `team-${String(Math.floor(i / 100)).padStart(2, '0')}`);
        mkdirSync(sub, { recursive: true });
        const model = generateModel({ lines: WORKSPACE_FILE_LINES, seed: seedFor(lines, i + 1), agentPrefix: `Svc${i}x` });
        writeFileSync(join(sub, `model-${String(i).padStart(4, '0')}.tm`), model.text);
        total += model.lines;
        bytes += Buffer.byteLength(model.text);
    }
    return { name, path: folder, files: count, lines: total, bytes };
}

/** A model text in memory (for the language server, which is sent text, not files). */
export function modelText(lines: number): { text: string; lines: number; agents: number } {
    const model = generateModel({ lines, seed: seedFor(lines, 0) });
    return { text: model.text, lines: model.lines, agents: model.agents };
}
