import { EmptyFileSystem } from 'langium';
import { clearDocuments, testCodeAction, validationHelper } from 'langium/test';
import { expect } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../../language/generated/ast.js';
import { formatModelText } from '../../server/format-text.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

/** The server's services, headless: code actions run through the provider the module binds. */
export const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;

const validate = validationHelper<Model>(services);

const langiumCheckFix = testCodeAction(services);

/**
 * Langium's one-diagnostic, one-action check: exact output, and the diagnostic gone after it.
 * Its own `dispose` does not wait for the documents to go, and a build still running then
 * duplicates the next test's diagnostics, so the workspace is cleared here, awaited.
 */
export async function checkFix(input: string, code: string, output: string): Promise<{ action: CodeAction | undefined }> {
    const result = await langiumCheckFix(input, code, output);
    await clearDocuments(services.shared);
    return { action: result.action };
}

const codeOf = (diagnostic: Diagnostic): unknown => (diagnostic.data as { code?: unknown } | undefined)?.code;

/**
 * The actions offered for the one diagnostic with `code` in `text`, or for the `nth` of
 * several (then `count` says how many there must be).
 */
export async function actionsFor(
    text: string,
    code: string,
    which: { nth: number; count: number } = { nth: 0, count: 1 }
): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
    const result = await validate(text);
    const diagnostics = result.diagnostics.filter((d) => codeOf(d) === code);
    expect(diagnostics, `diagnostics with code ${code}`).toHaveLength(which.count);
    const diagnostic = diagnostics[which.nth]!;
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(result.document, {
        textDocument: { uri: result.document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 }
    });
    await result.dispose();
    return { actions: (actions ?? []) as CodeAction[], diagnostic };
}

/** The text after applying `action` to `text`. */
export function apply(text: string, action: CodeAction): string {
    const uri = Object.keys(action.edit?.changes ?? {})[0]!;
    const document = TextDocument.create(uri, 'threat-model', 1, text);
    return TextDocument.applyEdits(document, action.edit!.changes![uri]!);
}

/**
 * Applies the action titled `title` for the one `code` diagnostic of `before`, expects `after`
 * exactly, and expects `after` to have no `code` diagnostic left (unless `remaining` says how many).
 */
export async function expectFix(before: string, code: string, title: string, after: string, remaining = 0): Promise<CodeAction> {
    const { actions } = await actionsFor(before, code);
    const action = actions.find((candidate) => candidate.title === title);
    expect(action, `an action titled '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`).toBeDefined();
    const text = apply(before, action!);
    expect(text).toBe(after);
    await expectFormattedIfWas(before, text);
    expect(await codesIn(text)).toEqual(expect.not.arrayContaining(remaining === 0 ? [code] : []));
    if (remaining > 0) expect((await codesIn(text)).filter((c) => c === code)).toHaveLength(remaining);
    return action!;
}

/** Fixes keep formatted text formatted: when `before` is a fixed point of the formatter, so is `after`. */
export async function expectFormattedIfWas(before: string, after: string): Promise<void> {
    if ((await formatModelText(services, before)) === before) {
        expect(await formatModelText(services, after), 'the fixed text is formatted').toBe(after);
    }
}

/** The diagnostic codes of `text`, in order. */
export async function codesIn(text: string): Promise<string[]> {
    const result = await validate(text);
    const codes = result.diagnostics.map((d) => String(codeOf(d)));
    await result.dispose();
    return codes;
}

/** The ten v0.8 factors of a formatted block, aligned (sum 0.5), unindented. */
export const V08_FACTOR_ENTRIES: readonly string[] = [
    'execution_autonomy             0.5',
    'external_tool_control_surface  0.0',
    'natural_language_interface     0.0',
    'contextual_awareness           0.0',
    'behavioral_non_determinism     0.0',
    'opacity_and_reflexivity        0.0',
    'persistent_state_retention     0.0',
    'dynamic_identity               0.0',
    'multi_agent_interactions       0.0',
    'self_modification              0.0'
];

/** A `factors` block of `entries`, its lines unindented. */
export const factorBlockLines = (entries: readonly string[] = V08_FACTOR_ENTRIES): string[] => ['factors {', ...entries.map((entry) => `    ${entry}`), '}'];
