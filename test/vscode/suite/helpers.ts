// Shared by the integration tests that run inside a real VS Code extension host. The workspace
// is a throw-away copy of examples/ made by the harness, so tests write their own variants of
// the seed model next to it and never touch the repository.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'atm-tools.agentic-threat-model';
export const LANGUAGE_ID = 'threat-model';
export const SEED = 'wan-2.2-s2v.tm';
export const AGENT = 'Wan22S2V';

/** Features arrive asynchronously (activation, server start, parse): poll, do not sleep. */
export const WAIT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the test window has no workspace folder: pass the fixture workspace as launch argument');
    return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function seedText(): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(SEED)));
}

let copies = 0;

/** Writes a variant of the seed model (or the given text) to a new file and opens it in an editor. */
export async function openVariant(label: string, transform: (seed: string) => string = (s) => s): Promise<vscode.TextDocument> {
    const text = transform(await seedText());
    const uri = fixtureUri(`variant-${++copies}-${label}.tm`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return openFile(uri);
}

export async function openFile(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
}

/** Polls `probe` until it returns something truthy; the failure says what was awaited and what was last seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
            last = value;
        } catch (error) {
            last = error instanceof Error ? error.message : error;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${show(last)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
    }
}

export function show(value: unknown): string {
    try {
        return JSON.stringify(value, null, 1)?.slice(0, 2000) ?? String(value);
    } catch {
        return String(value);
    }
}

export function position(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
    const index = document.getText().indexOf(needle);
    if (index < 0) throw new Error(`'${needle}' is not in ${document.uri.path}`);
    return document.positionAt(index + offsetInNeedle);
}

export function lineOf(document: vscode.TextDocument, needle: string): number {
    return position(document, needle).line;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function diagnosticsOf(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
    const all = vscode.languages.getDiagnostics(uri);
    return code === undefined ? all : all.filter((d) => codeOf(d) === code);
}

export function summarize(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics
        .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`)
        .join('\n');
}

export interface LensView {
    line: number;
    title: string;
}

/** The code lenses of a document, resolved, as (line, title) pairs. */
export async function lenses(uri: vscode.Uri): Promise<LensView[]> {
    const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000)) ?? [];
    return found.filter((l) => l.command?.title).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }));
}

/** Waits until a lens on `line` has a title that contains `expected`. */
export async function lensOn(uri: vscode.Uri, line: number, expected: string): Promise<LensView> {
    let seen: LensView[] = [];
    try {
        return await waitFor(`a lens on line ${line + 1} containing '${expected}'`, async () => {
            seen = await lenses(uri);
            return seen.find((l) => l.line === line && l.title.includes(expected));
        });
    } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\nlenses: ${seen.map((l) => `${l.line + 1}: ${l.title}`).join(' | ') || 'none'}`);
    }
}

function hoverPartText(part: vscode.MarkdownString | vscode.MarkedString): string {
    return typeof part === 'string' ? part : part.value;
}

export async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
    return hovers.flatMap((h) => h.contents.map(hoverPartText)).join('\n');
}

/** Replaces the whole text of a document through a WorkspaceEdit, as an editor change would. */
export async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.path}`);
}

export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
