/**
 * Checks files a batch at a time: build a few documents, keep only what the command will print
 * (diagnostics and a plain summary it computes from the built document), then drop the
 * documents from Langium's workspace so their trees can be collected before the next batch.
 *
 * Why: holding every tree of a workspace until the command prints made the heap grow with the
 * workspace (~55 bytes per source byte, 2 GB for 1M lines) and the garbage collector re-marked
 * it on every major GC; that GC was most of what `atm check` spent above bare parsing.
 *
 * Why it cannot change a result: files do not see each other. The only cross-reference,
 * `mitigated_by`, resolves within its own file (ThreatModelScopeProvider), every validation rule
 * looks at one document, scores are per document, and the configuration is loaded once before
 * the first batch. `test/cli/batched-check.test.ts` pins every command's output for batch sizes
 * from 1 file to all of them.
 */
import type { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ThreatModelServices } from '../language/threat-model-module.js';
import type { LoadedFile, ReadFile } from './load-documents.js';
import { buildFiles, readForBuild } from './load-documents.js';
import type { CliIo } from './output.js';

/**
 * Source characters per batch: about one 1 000-line model (~50 KB, a ~3 MB tree), many small
 * ones. A tree alive across fewer scavenges is copied and promoted less: on the 100-file
 * workspace 64 KB batches peaked at ~180 MiB RSS against ~230 MiB for 1 MB batches and
 * ~290 MiB for one build, with no measurable cost per build (~0.1 ms to release a batch).
 */
export const DEFAULT_BATCH_BYTES = 64 * 1024;

export interface BatchOptions {
    /** Source characters per batch: a batch is built once it holds this many (or more). */
    readonly batchBytes?: number;
    /** Files per batch; no limit by default. */
    readonly batchFiles?: number;
    /** Called after each batch is released, with the documents Langium still holds (tests). */
    readonly afterBatch?: (held: number) => void;
}

/** One file as a command needs it once its document is gone. */
export interface CheckedFile<T> {
    readonly absolute: string;
    readonly path: string;
    readonly diagnostics: readonly Diagnostic[];
    readonly summary: T;
}

/**
 * Builds and summarises the files in batches, in the order given. `summarize` runs while the
 * file's document is built and linked; what it returns must not hold the AST (plain numbers
 * and strings), or the batching buys nothing.
 */
export async function loadInBatches<T>(
    services: ThreatModelServices,
    absolutes: readonly string[],
    io: CliIo,
    summarize: (file: LoadedFile) => T,
    options: BatchOptions = {}
): Promise<Array<CheckedFile<T>>> {
    const maxBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
    const maxFiles = options.batchFiles ?? Number.POSITIVE_INFINITY;
    const results: Array<CheckedFile<T>> = [];
    let batch: ReadFile[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
        const built = await buildFiles(services, batch);
        batch = [];
        size = 0;
        for (const file of built) {
            results.push({ absolute: file.absolute, path: file.path, diagnostics: file.diagnostics, summary: summarize(file) });
        }
        await release(services, built);
        options.afterBatch?.(services.shared.workspace.LangiumDocuments.all.count());
    };
    for (const absolute of absolutes) {
        // Read as the batch fills, so a file is in memory only while its batch is.
        const read = readForBuild(absolute, io);
        batch.push(read);
        size += read.text?.length ?? 0;
        if (size >= maxBytes || batch.length >= maxFiles) await flush();
    }
    if (batch.length > 0) await flush();
    return results;
}

/**
 * Through the builder rather than `deleteDocument` alone: it also removes the documents'
 * symbols and references from the index and tells every DocumentCache (scores, control
 * scopes) to forget them; each of those would otherwise keep the trees alive.
 */
async function release(services: ThreatModelServices, built: readonly LoadedFile[]): Promise<void> {
    const uris: URI[] = [];
    for (const file of built) if (file.document) uris.push(file.document.uri);
    if (uris.length > 0) await services.shared.workspace.DocumentBuilder.update([], uris);
}
