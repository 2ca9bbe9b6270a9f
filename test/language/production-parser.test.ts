// The generated module runs the language in Langium's production mode (langium-config.json
// `"mode": "production"`): Chevrotain skips its grammar self-checks when the parser and lexer are
// built, which took a third of building them at every CLI run and server start. The checks still
// run here, on the parser exactly as shipped (our token builder, our error limit), and the
// production parser must give the same trees, errors and diagnostics as the validating one.
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule, ThreatModelLanguageMetaData } from '../../language/generated/module.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { createThreatModelServices, initializeThreatModelServices, ThreatModelModule, ThreatModelSharedModule } from '../../language/threat-model-module.js';
import { buildModel, modelCorpus } from './model-corpus.js';

/** The shipped language, but in development mode: Chevrotain validates lexer and grammar. */
function createValidatingServices(): ThreatModelServices {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), ThreatModelGeneratedSharedModule, ThreatModelSharedModule);
    const services = inject(createDefaultCoreModule({ shared }), ThreatModelGeneratedModule, ThreatModelModule, {
        LanguageMetaData: () => ({ ...ThreatModelLanguageMetaData, mode: 'development' as const })
    });
    initializeThreatModelServices(services);
    return services;
}

interface ChevrotainParts {
    readonly skipValidations: boolean;
    readonly definitionErrors: readonly unknown[];
}

const wrapperOf = (services: ThreatModelServices): ChevrotainParts =>
    (services.parser.LangiumParser as unknown as { wrapper: ChevrotainParts }).wrapper;

/** Anything Chevrotain reports (grammar warnings, LL(*) ambiguities) goes to the console. */
function spyConsole() {
    return ['log', 'warn', 'error'].map((method) => vi.spyOn(console, method as 'log').mockImplementation(() => undefined));
}

async function outcome(services: ThreatModelServices, text: string): Promise<unknown> {
    const document = await buildModel(services, 'production-parser', text);
    const { value, lexerErrors, parserErrors } = document.parseResult;
    return {
        ast: services.serializer.JsonSerializer.serialize(value, { refText: true }),
        lexerErrors: lexerErrors.map(({ offset, length, line, column, message }) => ({ offset, length, line, column, message })),
        parserErrors: parserErrors.map(({ name, message, token }) => ({ name, message, offset: token.startOffset, image: token.image })),
        diagnostics: document.diagnostics
    };
}

afterEach(() => {
    vi.restoreAllMocks();
});

describe('the grammar passes Chevrotain\'s own validation', () => {
    it('the shipped module runs in production mode (npm run langium:generate makes it so)', () => {
        expect(ThreatModelLanguageMetaData.mode).toBe('production');
        expect(wrapperOf(createThreatModelServices(EmptyFileSystem).ThreatModel).skipValidations).toBe(true);
    });

    it('the parser and lexer build with every validation on, without errors or warnings', () => {
        const console = spyConsole();
        const services = createValidatingServices();
        // Building throws on a grammar definition error; lexer problems throw or warn.
        const wrapper = wrapperOf(services);
        expect(wrapper.skipValidations).toBe(false);
        expect(wrapper.definitionErrors).toEqual([]);
        expect(services.parser.Lexer.tokenize('agent A {}').errors).toEqual([]);
        for (const spy of console) expect(spy).not.toHaveBeenCalled();
    });
});

describe('the production parser gives what the validating parser gives', () => {
    const production = createThreatModelServices(EmptyFileSystem).ThreatModel;
    const validating = createValidatingServices();
    const junk = 'agent agent { layer L9 {{ "unclosed\n'.repeat(400);

    for (const [name, text] of [...modelCorpus(), ['junk, past the syntax error limit', junk] as [string, string]]) {
        it(`tree, errors and diagnostics: ${name}`, async () => {
            // The validating parser reports LL(*) ambiguities while parsing: there must be none.
            const console = spyConsole();
            const expected = await outcome(validating, text);
            for (const spy of console) expect(spy).not.toHaveBeenCalled();
            expect(await outcome(production, text)).toEqual(expected);
            if (text === junk) expect(JSON.stringify(expected)).toContain('Parsing stopped after');
        });
    }
});
