import type { LangiumCoreServices } from 'langium';
import { createCompletionParser, eagerLoad, EmptyFileSystem, LangiumCompletionParser } from 'langium';
import { expectCompletion } from 'langium/test';
import { describe, expect, test, vi } from 'vitest';
import { createLazyCompletionParser } from '../../server/completion/lazy-completion-parser.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const model = 'agent A {\n    summary "x"\n    cvss 5.0\n    layer L1 { threat T { catalog M1.1 } }\n}';

function spiedParser(): { services: LangiumCoreServices; build: ReturnType<typeof vi.fn<(s: LangiumCoreServices) => LangiumCompletionParser>>; lazy: LangiumCompletionParser } {
    const { ThreatModel } = createThreatModelLspServices(EmptyFileSystem);
    const build = vi.fn((services: LangiumCoreServices) => createCompletionParser(services));
    return { services: ThreatModel, build, lazy: createLazyCompletionParser(ThreatModel, build) };
}

describe('the completion parser is built on the first completion', () => {
    test('eagerLoad and the proxy probe do not build it; the first parse does, once', () => {
        const { services, build, lazy } = spiedParser();
        eagerLoad(lazy);
        expect(build).not.toHaveBeenCalled();
        const first = lazy.parse(model);
        expect(build).toHaveBeenCalledTimes(1);
        lazy.parse(model);
        expect(build).toHaveBeenCalledTimes(1);
        // The stand-in answers as the real parser does.
        const direct = createCompletionParser(services).parse(model);
        expect(first.tokens.map((token) => token.image)).toEqual(direct.tokens.map((token) => token.image));
        expect(first.elementStack.map((node) => node.$type)).toEqual(direct.elementStack.map((node) => node.$type));
    });

    test('the server answers initialize and initialized without it, and completion still works', async () => {
        const finalize = vi.spyOn(LangiumCompletionParser.prototype, 'finalize');
        const { shared, ThreatModel } = createThreatModelLspServices(EmptyFileSystem);
        await shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {} });
        // On `initialized` every other service is built (the document parser among them).
        shared.lsp.LanguageServer.initialized({});
        expect(finalize).not.toHaveBeenCalled();
        await expectCompletion(ThreatModel)({
            text: 'agent A {\n    summary "x"\n    cvss 5.0\n    <|>\n}',
            index: 0,
            expectedItems: ['factors { … }', 'factors', 'exploit', 'mitigation', 'published', 'layer', 'control'],
            disposeAfterCheck: true
        });
        expect(finalize).toHaveBeenCalledTimes(1);
        finalize.mockRestore();
    });
});
