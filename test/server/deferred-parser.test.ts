import { EmptyFileSystem } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import * as errorLimit from '../../language/parser/syntax-error-limit.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

vi.mock('../../language/parser/syntax-error-limit.js', async (importOriginal) => {
    const original = await importOriginal<typeof errorLimit>();
    return { ...original, createThreatModelParser: vi.fn(original.createThreatModelParser) };
});

// Building the parser is a fifth of a server start; the server answers `initialize` first and
// builds it on `initialized`, which the client sends before any document.
describe('the language server builds the document parser after the initialize result', () => {
    it('not during initialize, once on initialized, and documents then parse', async () => {
        const { shared, ThreatModel } = createThreatModelLspServices(EmptyFileSystem);
        const build = vi.mocked(errorLimit.createThreatModelParser);
        build.mockClear();
        const result = await shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {} });
        expect(result.capabilities.completionProvider).toBeDefined();
        expect(result.capabilities.codeLensProvider).toEqual({ resolveProvider: true });
        expect(build).not.toHaveBeenCalled();
        shared.lsp.LanguageServer.initialized({});
        expect(build).toHaveBeenCalledTimes(1);
        const parsed = ThreatModel.parser.LangiumParser.parse('agent A {}');
        expect(parsed.parserErrors).toEqual([]);
        expect(build).toHaveBeenCalledTimes(1);
    });
});
