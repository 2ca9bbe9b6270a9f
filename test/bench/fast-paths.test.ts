// The speed work replaced three of Langium's generic AST walks (linking, the reference index,
// the validation loop) and its async check wrapper with cheaper ones. These tests hold them to
// Langium's results: the same links, the same reference descriptions and the same diagnostics
// in the same order, on every model we have and on generated and broken ones.
import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationChecks, ValidationOptions } from 'langium';
import {
    AstUtils,
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    DefaultDocumentValidator,
    DefaultLinker,
    DefaultReferenceDescriptionProvider,
    EmptyFileSystem,
    inject,
    isReference,
    ValidationRegistry
} from 'langium';
import { describe, expect, it, vi } from 'vitest';
import type { ThreatModelAstType } from '../../language/generated/ast.js';
import { generateModel } from '../../bench/model-generator.js';
import { buildModel, modelCorpus } from '../language/model-corpus.js';
import { ThreatModelGeneratedModule, ThreatModelGeneratedSharedModule } from '../../language/generated/module.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import {
    createThreatModelServices,
    initializeThreatModelServices,
    ThreatModelModule,
    ThreatModelSharedModule
} from '../../language/threat-model-module.js';
import { ThreatModelDocumentValidator } from '../../language/validation/threat-model-document-validator.js';

/** Our validator, but with Langium's own node loop. */
class DefaultLoopValidator extends ThreatModelDocumentValidator {
    protected override validateAstNodes(root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, token?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<void> {
        return DefaultDocumentValidator.prototype['validateAstNodes'].call(this, root, options, accept, token);
    }
}

/** The language exactly as shipped, except Langium's defaults where the speed work replaced them. */
function createReferenceServices(): ThreatModelServices {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), ThreatModelGeneratedSharedModule, ThreatModelSharedModule);
    const services = inject(createDefaultCoreModule({ shared }), ThreatModelGeneratedModule, ThreatModelModule, {
        references: { Linker: (s: ThreatModelServices) => new DefaultLinker(s) },
        workspace: { ReferenceDescriptionProvider: (s: ThreatModelServices) => new DefaultReferenceDescriptionProvider(s) },
        validation: {
            ValidationRegistry: (s: ThreatModelServices) => new ValidationRegistry(s),
            DocumentValidator: (s: ThreatModelServices) => new DefaultLoopValidator(s)
        }
    });
    initializeThreatModelServices(services);
    return services;
}

/** What linking produced, per reference in AST order: the target's path, or the error. */
function links(services: ThreatModelServices, document: LangiumDocument): string[] {
    const locator = services.workspace.AstNodeLocator;
    return AstUtils.streamAst(document.parseResult.value)
        .flatMap((node) => AstUtils.streamReferences(node))
        .map(({ reference }) => {
            const target = isReference(reference) ? reference.ref : undefined;
            return `${reference.$refText} -> ${target ? locator.getAstNodePath(target) : `error: ${reference.error?.message}`}`;
        })
        .toArray();
}

async function outcome(services: ThreatModelServices, text: string): Promise<unknown> {
    const document = await buildModel(services, 'fast-paths', text);
    const descriptions = await services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
    return {
        links: links(services, document),
        descriptions: descriptions.map((d) => ({ ...d, sourceUri: d.sourceUri.path.replace(/\d+\.tm$/, ''), targetUri: d.targetUri.path.replace(/\d+\.tm$/, '') })),
        diagnostics: document.diagnostics
    };
}

describe('fast paths give exactly what Langium defaults give', () => {
    const fast = createThreatModelServices(EmptyFileSystem).ThreatModel;
    const reference = createReferenceServices();

    it('the only cross-reference in the grammar is mitigated_by → Control (the typed walk visits exactly these)', () => {
        const reflection = fast.shared.AstReflection;
        const found = reflection
            .getAllTypes()
            .flatMap((type) => Object.values(reflection.getTypeMetaData(type).properties).filter((p) => p.referenceType).map((p) => `${type}.${p.name} -> ${p.referenceType}`));
        expect(found).toEqual(['MitigatedBy.controls -> Control']);
    });

    for (const [name, text] of modelCorpus()) {
        it(`links, reference index and diagnostics: ${name}`, async () => {
            expect(await outcome(fast, text)).toEqual(await outcome(reference, text));
        });
    }

    it('a check that throws becomes a diagnostic on its node, as with Langium', async () => {
        const throwing = (): void => {
            throw new Error('boom');
        };
        const checks: ValidationChecks<ThreatModelAstType> = { Summary: throwing };
        for (const services of [fast, reference]) services.validation.ValidationRegistry.register(checks);
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const text = generateModel({ lines: 100, seed: 3 }).text;
        const [a, b] = [await outcome(fast, text), await outcome(reference, text)] as Array<{ diagnostics: Array<{ message: string }> }>;
        expect(a).toEqual(b);
        quiet.mockRestore();
        expect(a!.diagnostics.some((d) => d.message.includes('boom'))).toBe(true);
    });
});
