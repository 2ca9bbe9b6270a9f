// The fixture workspace the test windows open: a fresh copy of examples/ in a temp folder for
// every run, so tests may edit and create files freely.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './hosts.mjs';

export const SEED_NAME = 'wan-2.2-s2v.tm';

export function makeWorkspace(label) {
    const dir = mkdtempSync(join(tmpdir(), `atm-vscode-${label}-`));
    const examples = join(ROOT, 'examples');
    if (existsSync(examples)) cpSync(examples, dir, { recursive: true });
    // Until examples/ holds the seed card, the test fixture is the same file.
    if (!existsSync(join(dir, SEED_NAME))) copyFileSync(join(ROOT, 'test/fixtures/example.tm'), join(dir, SEED_NAME));
    mkdirSync(join(dir, '.vscode'), { recursive: true });
    writeFileSync(
        join(dir, '.vscode/settings.json'),
        JSON.stringify({ 'git.enabled': false, 'editor.codeLens': true, 'files.autoSave': 'off' }, null, 4) + '\n'
    );
    return dir;
}
