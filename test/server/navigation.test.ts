import { EmptyFileSystem } from 'langium';
import {
    clearDocuments,
    expectFindReferences,
    expectGoToDefinition,
    expectHighlight,
    expectWorkspaceSymbols,
    parseHelper,
    textDocumentPositionParams
} from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { SymbolKind } from 'vscode-languageserver';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const { shared, ThreatModel: services } = createThreatModelLspServices(EmptyFileSystem);

afterEach(() => clearDocuments(shared));

// Two agents in one file: controls are unique per file, so a reference in agent B may name a
// control of agent A.
const model = (marks: { declaration: string; first: string; second: string }): string =>
    [
        'agent A {',
        '    layer L4 {',
        `        threat Upload { mitigated_by ${marks.first}, Gate }`,
        '    }',
        `    control ${marks.declaration} { strength partial }`,
        '    control Gate',
        '}',
        'agent B {',
        `    layer L1 { threat Steal { mitigated_by ${marks.second} } }`,
        '}'
    ].join('\n');

describe('go to definition', () => {
    test('a mitigated_by reference leads to its control, in this agent or another', async () => {
        const text = model({ declaration: '<|Sandbox|>', first: 'Sand<|>box', second: 'S<|>andbox' });
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
        await expectGoToDefinition(services)({ text, index: 1, rangeIndex: 0, disposeAfterCheck: true });
    });

    test('a control of another file is not a definition (files do not see each other)', async () => {
        const parse = parseHelper(services);
        await parse('agent Other { control Sandbox }');
        const document = await parse('agent A { layer L1 { threat T { mitigated_by Sandbox } } }');
        const offset = document.textDocument.getText().indexOf('Sandbox') + 2;
        const links = await services.lsp.DefinitionProvider!.getDefinition(document, textDocumentPositionParams(document, offset));
        expect(links ?? []).toEqual([]);
    });
});

describe('find references and highlight', () => {
    test('from the declaration or any use, all uses of a control are found', async () => {
        await expectFindReferences(services)({
            text: model({ declaration: '<|Sand<|>box|>', first: '<|Sandb<|>ox|>', second: '<|Sandbox<|>|>' }),
            includeDeclaration: true,
            disposeAfterCheck: true
        });
        await expectFindReferences(services)({
            text: model({ declaration: 'Sand<|>box', first: '<|Sandbox|>', second: '<|Sandbox|>' }),
            includeDeclaration: false,
            disposeAfterCheck: true
        });
    });

    test('document highlight marks the declaration and the uses', async () => {
        await expectHighlight(services)({
            text: model({ declaration: '<|Sandbox|>', first: '<|Sand<|>box|>', second: '<|Sandbox|>' }),
            index: 0,
            // Ranges count in text order (the first use comes before the declaration); Langium
            // lists the declaration first.
            rangeIndex: [1, 0, 2],
            disposeAfterCheck: true
        });
    });
});

describe('rename', () => {
    test('renaming a control from a use renames the declaration and every use', async () => {
        const text = model({ declaration: 'Sandbox', first: 'Sandbox', second: 'Sandbox' });
        const document = await parseHelper(services)(text);
        const position = document.textDocument.positionAt(text.lastIndexOf('Sandbox') + 3);
        const params = { textDocument: { uri: document.uri.toString() }, position };
        const prepared = await services.lsp.RenameProvider!.prepareRename(document, params);
        expect(prepared).toBeDefined();
        const edit = await services.lsp.RenameProvider!.rename(document, { ...params, newName: 'Isolation' });
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        expect(edits).toHaveLength(3);
        expect(edits.every((e) => e.newText === 'Isolation')).toBe(true);
        const renamed = document.textDocument.getText();
        const applied = edits
            .map((e) => ({ start: document.textDocument.offsetAt(e.range.start), end: document.textDocument.offsetAt(e.range.end) }))
            .sort((a, b) => b.start - a.start)
            .reduce((result, e) => result.slice(0, e.start) + 'Isolation' + result.slice(e.end), renamed);
        expect(applied).toBe(text.replaceAll('Sandbox', 'Isolation'));
    });
});

describe('workspace symbols', () => {
    test('agents, threats and controls of every open file, with their kinds', async () => {
        const parse = parseHelper(services);
        await parse('agent A { layer L1 { threat Steal } control Sandbox }');
        await parse('agent B { layer L2 { threat Leak } }');
        await expectWorkspaceSymbols(shared)({
            assert: (symbols) =>
                expect(symbols.map((s) => `${s.name}:${s.kind}`).sort()).toEqual(
                    [
                        `A:${SymbolKind.Class}`,
                        `Steal:${SymbolKind.Event}`,
                        `Sandbox:${SymbolKind.Function}`,
                        `B:${SymbolKind.Class}`,
                        `Leak:${SymbolKind.Event}`
                    ].sort()
                )
        });
        await expectWorkspaceSymbols(shared)({ query: 'sand', expectedSymbols: ['Sandbox'] });
    });
});
