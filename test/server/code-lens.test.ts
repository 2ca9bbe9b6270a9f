import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import { parse, seed, seedWithAgentCvss, services, shared } from './hover-helpers.js';

afterEach(() => {
    shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { 'threat-model': { codeLens: { enabled: true } } } });
    return clearDocuments(shared);
});

/** The lenses of a text, each resolved as the client resolves the ones in view. */
async function lenses(text: string): Promise<CodeLens[]> {
    return resolved(await parse(text));
}

async function resolved(document: LangiumDocument): Promise<CodeLens[]> {
    const listed = (await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    return Promise.all(listed.map((lens) => services.scoreViews.CodeLensResolver.resolve(lens, CancellationToken.None)));
}

/** The title of the lens on the line that contains `needle`. */
function titleOn(all: CodeLens[], text: string, needle: string): string | undefined {
    const line = text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const found = all.filter((lens) => lens.range.start.line === line);
    expect(found).toHaveLength(1);
    return found[0]?.command?.title;
}

describe('code lenses on the seed card', () => {
    test('the agent lens gives the headline, its source, the factor sum and the coverage', async () => {
        const all = await lenses(seed);
        expect(titleOn(all, seed, 'agent Wan22S2V')).toBe('AIVSS 7.8 High (UploadParsing) · factor sum 1.3/10 · 7/7 layers (6 uncertain)');
    });

    test('a threat lens shows only the inputs that differ from the agent', async () => {
        const all = await lenses(seed);
        expect(titleOn(all, seed, 'threat UploadParsing')).toBe(
            'AIVSS 7.8 High · CVSS 9.3 · ThM 0.50 (exploit unreported) · MF 0.83 (control UploadSandbox)'
        );
        expect(titleOn(all, seed, 'threat ModelStealing')).toBe('AIVSS incomplete — no CVSS');
        // One lens per agent and per threat.
        expect(all).toHaveLength(1 + 10);
    });

    test('clicking a lens opens the breakdown: document URI, agent[, threat]', async () => {
        const document = await parse(seed);
        const all = await resolved(document);
        const uri = document.uri.toString();
        expect(all[0]!.command).toMatchObject({ command: 'threatModel.showBreakdown', arguments: [uri, 'Wan22S2V'] });
        expect(all[1]!.command).toMatchObject({ command: 'threatModel.showBreakdown', arguments: [uri, 'Wan22S2V', 'ModelStealing'] });
    });

    test('after the agent gets cvss 5.3, ModelStealing reads 5.9 Medium and the headline stays 7.8', async () => {
        const text = seedWithAgentCvss();
        const all = await lenses(text);
        expect(titleOn(all, text, 'threat ModelStealing')).toBe('AIVSS 5.9 Medium');
        expect(titleOn(all, text, 'agent Wan22S2V')).toBe('AIVSS 7.8 High (UploadParsing) · factor sum 1.3/10 · 7/7 layers (6 uncertain)');
    });

    test('with no CVSS anywhere, the agent lens says what to add', async () => {
        const text = seed.replace(/\n\s*cvss "CVSS:4\.0[^\n]*/, '');
        const all = await lenses(text);
        expect(titleOn(all, text, 'agent Wan22S2V')).toBe('AIVSS incomplete — add cvss · factor sum 1.3/10 · 7/7 layers (6 uncertain)');
        expect(titleOn(all, text, 'threat UploadParsing')).toBe('AIVSS incomplete — no CVSS');
    });
});

describe('other shapes', () => {
    test("the agent's own score as headline, missing layers and factors, a vector's E:", async () => {
        const text = [
            'agent A {',
            '    cvss 6.0',
            '    factors { execution_autonomy 1 }',
            '    layer L1 { threat Low { cvss 2.0 } }',
            '    layer L4 uncertain { threat Hot { cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N/E:A" mitigation strong } }',
            '}'
        ].join('\n');
        const all = await lenses(text);
        // Own: 6.0 + 4.0 × 0.1 × 0.97 = 6.388 → 6.4; Low: 2.0 + 0.776 = 2.776 → 2.8;
        // Hot: (6.9 + 3.1 × 0.1 × 1.0) × 0.67 = 4.8307 → 4.8.
        expect(titleOn(all, text, 'agent A')).toBe('AIVSS 6.4 Medium (own cvss) · factor sum 1.0/10 (9 missing) · 2/7 layers (1 uncertain; missing L2, L3, L5, L6, L7)');
        expect(titleOn(all, text, 'threat Low')).toBe('AIVSS 2.8 Low · CVSS 2.0');
        expect(titleOn(all, text, 'threat Hot')).toBe('AIVSS 4.8 Medium · CVSS 6.9 · ThM 1.00 (vector E:A) · MF 0.67 (mitigation strong)');
    });

    test('an invalid factor value', async () => {
        const text = 'agent A { cvss 5.0 factors { execution_autonomy 1.5 } }';
        expect(titleOn(await lenses(text), text, 'agent A')).toBe('AIVSS incomplete — fix the factor values · factor sum invalid · 0/7 layers (missing L1, L2, L3, L4, L5, L6, L7)');
    });
});

describe('the threat-model.codeLens.enabled setting', () => {
    test('false turns every lens off; true brings them back', async () => {
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.updateConfiguration({ settings: { 'threat-model': { codeLens: { enabled: false } } } });
        expect(await lenses(seed)).toEqual([]);
        configuration.updateConfiguration({ settings: { 'threat-model': { codeLens: { enabled: true } } } });
        expect(await lenses(seed)).toHaveLength(11);
    });

    test('a change of the setting is reported to listeners (the refresher asks the client to re-request)', () => {
        let changes = 0;
        services.scoreViews.CodeLensSetting.onChange(() => changes++);
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { 'threat-model': { codeLens: { enabled: false } } } });
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { other: {} } });
        expect(changes).toBe(1);
    });
});
