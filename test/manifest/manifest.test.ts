import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Commands, LANGUAGE_ID } from '../../client/manifest-ids.js';

const root = new URL('../../', import.meta.url);
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const exists = (path: string): boolean => existsSync(new URL(path.replace(/^\.\//, ''), root));

interface Manifest {
    main: string;
    icon: string;
    files?: unknown;
    activationEvents: string[];
    capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: { supported: boolean | string } };
    contributes: {
        languages: Array<{ id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }>;
        grammars: Array<{ language: string; scopeName: string; path: string }>;
        snippets: Array<{ language: string; path: string }>;
        commands: Array<{ command: string; title: string; category: string }>;
        configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
    };
}

const manifest = readJson('package.json') as unknown as Manifest;

describe('package.json (extension manifest)', () => {
    test('the language id agrees with Langium, the client and the grammar', () => {
        const langium = readJson('langium-config.json') as { languages: Array<{ id: string; fileExtensions: string[] }> };
        const [language] = manifest.contributes.languages;
        expect(language!.id).toBe(LANGUAGE_ID);
        expect(langium.languages[0]!.id).toBe(LANGUAGE_ID);
        expect(language!.extensions).toEqual(langium.languages[0]!.fileExtensions);
        expect(manifest.activationEvents).toEqual([`onLanguage:${LANGUAGE_ID}`]);
        const grammar = manifest.contributes.grammars[0]!;
        expect(grammar).toMatchObject({ language: LANGUAGE_ID, scopeName: 'source.threat-model' });
        expect((readJson(grammar.path) as { scopeName: string }).scopeName).toBe(grammar.scopeName);
    });

    test('every file the manifest names exists', () => {
        const [language] = manifest.contributes.languages;
        const paths = [
            manifest.icon,
            language!.configuration,
            language!.icon.light,
            language!.icon.dark,
            ...manifest.contributes.grammars.map((g) => g.path),
            ...manifest.contributes.snippets.map((s) => s.path),
            'LICENSE'
        ];
        expect(paths.filter((path) => !exists(path))).toEqual([]);
        expect(manifest.main).toBe('./out/client/extension.cjs');
    });

    test('the commands the client registers are declared, under the Threat Model category', () => {
        const declared = manifest.contributes.commands.map((c) => c.command).sort();
        expect(declared).toEqual(Object.values(Commands).sort());
        expect(manifest.contributes.commands.every((c) => c.category === 'Threat Model' && c.title.length > 0)).toBe(true);
    });

    test('settings: code lens switch and server trace', () => {
        const settings = manifest.contributes.configuration.properties;
        expect(settings['threat-model.codeLens.enabled']).toMatchObject({ type: 'boolean', default: true });
        expect(settings['threat-model.trace.server']).toMatchObject({ type: 'string', default: 'off', enum: ['off', 'messages', 'verbose'] });
    });

    test('safe in untrusted workspaces: the extension runs nothing from the workspace', () => {
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
    });

    test('packaging is by .vscodeignore whitelist only (vsce refuses a `files` field beside it)', () => {
        expect(manifest.files).toBeUndefined();
        const ignore = readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n');
        expect(ignore).toContain('**');
        expect(ignore).toEqual(expect.arrayContaining(['!out/client/*.cjs', '!out/server/*.cjs', '!syntaxes/**', '!snippets/**']));
    });
});

describe('language-configuration.json', () => {
    const configuration = readJson('language-configuration.json') as {
        comments: { lineComment: string; blockComment: [string, string] };
        indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
        wordPattern: string;
    };

    test('comments are // and /* */', () => {
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    });

    test('indentation follows braces, ignoring one-line blocks and braces in comments', () => {
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect(increase.test('agent A "t" {')).toBe(true);
        expect(increase.test('    layer L1 uncertain { // why')).toBe(true);
        expect(increase.test('        threat T "t" { catalog M1.2 }')).toBe(false);
        expect(increase.test('    // agent A {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        expect(decrease.test('    threat T')).toBe(false);
    });

    test('catalog ids, identifiers and numbers are whole words', () => {
        const word = new RegExp(`^(?:${configuration.wordPattern})$`);
        for (const text of ['M1.2', 'MX.5', 'UploadSandbox', 'autonomy_of_action', '0.10', '-1.5']) {
            expect(word.test(text), text).toBe(true);
        }
    });
});
