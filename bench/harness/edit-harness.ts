/**
 * The server's keystroke path in-process, without the protocol around it: the server's own
 * services (no connection), a document opened as the editor would, then one-character edits,
 * each followed by `DocumentBuilder.update` (what `didChange` runs), the code lenses and a
 * hover. Meant for `node --cpu-prof out/bench/harness.cjs edits …`: the profile then holds
 * nothing but the edit loop's work.
 */
import { readFileSync } from 'node:fs';
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

export async function runEdits(reps: number, path: string): Promise<Record<string, unknown>> {
    const text = readFileSync(path, 'utf8');
    const { shared, ThreatModel: services } = createThreatModelLspServices({ ...EmptyFileSystem });
    const uri = URI.parse('file:///bench/edit.tm');
    const textDocuments = shared.workspace.TextDocuments!;
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    let version = 1;
    textDocuments.set(TextDocument.create(uri.toString(), 'threat-model', version, text));
    const openStart = performance.now();
    await builder.update([uri], []);
    const openMs = performance.now() - openStart;

    const agentAt = text.indexOf('\nagent ', Math.floor(text.length / 2)) + 1;
    const typingAt = text.indexOf('summary "', agentAt) + 'summary "'.length + 12;
    const hoverAt = agentAt + 'agent '.length + 1;
    const runs: Array<Record<string, number>> = [];
    // Phase boundaries of each update, as in the `phases` mode.
    const marks = new Map<string, number>();
    const states = { parse: DocumentState.Parsed, index: DocumentState.IndexedContent, scopes: DocumentState.ComputedScopes,
        link: DocumentState.Linked, refs: DocumentState.IndexedReferences, validate: DocumentState.Validated };
    for (const [name, state] of Object.entries(states)) builder.onBuildPhase(state, () => void marks.set(name, performance.now()));
    let current = text;
    for (let rep = 0; rep < reps; rep++) {
        // Type one character, or take it back: the text alternates, every version is new.
        current = rep % 2 === 0 ? `${current.slice(0, typingAt)}x${current.slice(typingAt)}` : `${current.slice(0, typingAt)}${current.slice(typingAt + 1)}`;
        textDocuments.set(TextDocument.create(uri.toString(), 'threat-model', ++version, current));
        const t0 = performance.now();
        await builder.update([uri], []);
        const t1 = performance.now();
        const document = documents.getDocument(uri)!;
        const lenses = (await services.lsp.CodeLensProvider?.provideCodeLens(document, { textDocument: { uri: uri.toString() } })) ?? [];
        const t2 = performance.now();
        const hover = await services.lsp.HoverProvider?.getHoverContent(document, {
            textDocument: { uri: uri.toString() },
            position: document.textDocument.positionAt(hoverAt)
        });
        const t3 = performance.now();
        // Again, warm: what a repeated request costs once the document's scores are cached.
        await services.lsp.CodeLensProvider?.provideCodeLens(document, { textDocument: { uri: uri.toString() } });
        const t4 = performance.now();
        const phases: Record<string, number> = {};
        let previous = t0;
        for (const name of Object.keys(states)) {
            const mark = marks.get(name) ?? previous;
            phases[name] = mark - previous;
            previous = mark;
        }
        runs.push({ ...phases, update: t1 - t0, codeLens: t2 - t1, hover: t3 - t2, codeLensWarm: t4 - t3, lenses: lenses.length, hovered: hover ? 1 : 0, diagnostics: document.diagnostics?.length ?? 0 });
    }
    return { mode: 'edits', lines: text.split('\n').length, openMs, runs, heapUsedBytes: process.memoryUsage().heapUsed };
}
