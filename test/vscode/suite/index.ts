// The `extensionTestsPath` module: VS Code's extension host calls run() once the extension under
// development is loaded, and reports the promise's outcome as the window's exit code. Plain
// @vscode/test-electron style, so the same bundle runs in a desktop VS Code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

// Activation first, then features, then what restarts or stresses the server.
const ORDER = ['activation', 'diagnostics', 'hover', 'code-lens', 'code-actions', 'completion', 'formatting', 'commands', 'robustness'];

function rank(file: string): number {
    const index = ORDER.indexOf(file.replace(/\.test\.cjs$/, ''));
    return index < 0 ? ORDER.length : index;
}

export function run(): Promise<void> {
    const mocha = new Mocha({
        ui: 'tdd',
        timeout: 90_000,
        color: false,
        reporter: 'spec',
        ...(process.env.VSCODE_E2E_GREP ? { grep: process.env.VSCODE_E2E_GREP } : {})
    });
    const files = readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.cjs'))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const file of files) mocha.addFile(join(__dirname, file));
    return new Promise((resolve, reject) => {
        mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
    });
}
