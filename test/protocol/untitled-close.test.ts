import { afterAll, beforeAll, expect, test } from 'vitest';
import { LspSession } from './lsp-session.js';

let session: LspSession;

beforeAll(async () => {
    session = await LspSession.start();
});

afterAll(async () => {
    await session?.dispose();
});

// Regression: Langium keeps a closed document and looks its language up by file extension; an
// untitled document has none, so after it was closed every later build threw "no services for
// the extension ''" and the server stopped publishing diagnostics for every file.
test('closing an untitled document leaves the server analysing other files', async () => {
    const untitled = 'untitled:Untitled-1';
    await session.open(untitled, 'agent A {\n    summary\n}\n');
    await session.waitForDiagnostics(untitled);
    await session.close(untitled);

    const file = 'file:///tmp/after-untitled.tm';
    await session.open(file, 'agent B {\n    summary\n}\n');
    const published = await session.waitForDiagnostics(file);
    expect(published.diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
    expect(session.stderr).not.toContain('no services for the extension');
});
