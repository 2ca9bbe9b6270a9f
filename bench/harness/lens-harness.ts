/**
 * `node out/bench/lens-harness.cjs [lines]`: the server's own work for code lenses, in process
 * (no pipe, no client), so it can be compared across commits on a busy machine where the LSP
 * wall times are mostly load. "Fresh" is what a keystroke costs: a new AST, the lens list, its
 * JSON, then the lenses of one viewport (60 lines mid-file) resolved and serialised, as VS Code
 * resolves the lenses in view. "Warm" is the same for an AST whose lens list is cached.
 */
import '../../language/object-group-by-polyfill.js';
import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';
import { generateModel } from '../model-generator.js';

const VIEWPORT_LINES = 60;
const ROUNDS = 25;
const WARM_UP = 5;

const { shared, ThreatModel: services } = createThreatModelLspServices(EmptyFileSystem);
const parse = parseHelper<Model>(services);

async function lensWork(text: string, middle: number): Promise<{ ms: number; bytes: number }> {
    const document = await parse(text);
    const t0 = performance.now();
    const listed = (await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    let bytes = JSON.stringify(listed).length;
    const first = middle - VIEWPORT_LINES / 2;
    const visible = listed.filter((lens) => lens.range.start.line >= first && lens.range.start.line < first + VIEWPORT_LINES);
    const resolved = await Promise.all(visible.map((lens) => services.scoreViews.CodeLensResolver.resolve(lens, CancellationToken.None)));
    for (const lens of resolved) bytes += JSON.stringify(lens).length;
    const ms = performance.now() - t0;
    // One document at a time, as in the server: earlier rounds' trees would only add GC work.
    await clearDocuments(shared);
    return { ms, bytes };
}

async function main(): Promise<void> {
    const lines = Number(process.argv[2] ?? 5_000);
    const { text } = generateModel({ lines, seed: lines });
    const middle = Math.floor(text.split('\n').length / 2);
    const fresh: number[] = [];
    const warm: number[] = [];
    let listBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
        // A different text each round: a new AST, as after a keystroke.
        const edited = text.replace('summary "', `summary "${'x'.repeat(round)}`);
        const first = await lensWork(edited, middle);
        if (round >= WARM_UP) fresh.push(first.ms);
        listBytes = first.bytes;
    }
    const document = await parse(text);
    await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        const listed = (await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
        JSON.stringify(listed);
        if (round >= WARM_UP) warm.push(performance.now() - t0);
    }
    const median = (values: number[]): string => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(2);
    console.log(`${lines} lines: fresh lenses (list + JSON + one viewport resolved) p50 ${median(fresh)} ms; warm list + JSON p50 ${median(warm)} ms; ${listBytes} bytes`);
}

void main();
