import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createThreatModelServices } from '../../language/threat-model-module.js';
import { formatModelText, UnformattableTextError } from '../../server/format-text.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const lsp = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const core = createThreatModelServices(EmptyFileSystem).ThreatModel;

describe('formatModelText (the `atm fmt` entry point)', () => {
    test('works with the core services the CLI loads, as with the server services', async () => {
        const messy = 'agent A {\nsummary   "s"\n}\n';
        const expected = 'agent A {\n    summary "s"\n}\n';
        expect(await formatModelText(core, messy)).toBe(expected);
        expect(await formatModelText(lsp, messy)).toBe(expected);
    });

    test('keeps CRLF line endings', async () => {
        expect(await formatModelText(core, 'agent A {\r\nsummary "s"\r\n\r\n\r\ncvss 9.3 }\r\n')).toBe(
            'agent A {\r\n    summary "s"\r\n\r\n    cvss 9.3\r\n}\r\n'
        );
    });

    test('honours the indentation options', async () => {
        expect(await formatModelText(core, 'agent A {\nsummary "s"\n}\n', { tabSize: 2, insertSpaces: true })).toBe(
            'agent A {\n  summary "s"\n}\n'
        );
        expect(await formatModelText(core, 'agent A {\nsummary "s"\n}\n', { tabSize: 4, insertSpaces: false })).toBe(
            'agent A {\n\tsummary "s"\n}\n'
        );
    });

    test('refuses text with syntax errors, saying where', async () => {
        const failure = formatModelText(core, 'agent A {\n    summary\n}\n');
        await expect(failure).rejects.toBeInstanceOf(UnformattableTextError);
        await expect(failure).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 3 })] });
        await expect(formatModelText(core, 'agent A { summary "unterminated }')).rejects.toThrow(/syntax error at 1:/);
    });

    test('leaves no document behind in the workspace', async () => {
        await formatModelText(core, 'agent A {}');
        expect(core.shared.workspace.LangiumDocuments.all.toArray()).toEqual([]);
    });

    test('empty and comment-only texts format to themselves', async () => {
        expect(await formatModelText(core, '')).toBe('');
        expect(await formatModelText(core, '// nothing yet\n')).toBe('// nothing yet\n');
    });
});
