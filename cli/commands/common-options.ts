/**
 * What several commands share: the options every command accepts, the JSON switch (`--json`
 * and `--format json` both work), and loading the models a command was pointed at.
 */
import type { OptionSpec, ParsedArgs } from '../args.js';
import { UsageError } from '../args.js';
import { createCliServices, loadConfig } from '../cli-services.js';
import type { BatchOptions, CheckedFile } from '../batched-documents.js';
import { loadInBatches } from '../batched-documents.js';
import type { Collected, LoadedFile } from '../load-documents.js';
import { collectModelFiles } from '../load-documents.js';
import type { CliIo } from '../output.js';
import { oneLine, severityName } from '../output.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AtmConfig } from '../../language/config/atm-config.js';
import type { ReportFile } from '../../language/report/report-types.js';

/** Accepted by every command; `--debug` and `--help` are read by the entry point too. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
    { name: 'config', kind: 'value' },
    { name: 'debug', kind: 'flag' },
    { name: 'help', short: 'h', kind: 'flag' }
];

export const JSON_OPTIONS: readonly OptionSpec[] = [
    { name: 'json', kind: 'flag' },
    { name: 'format', kind: 'value', choices: ['text', 'json'] }
];

/** True for `--json` or `--format json`; `--json --format text` contradicts itself. */
export function wantsJson(args: ParsedArgs): boolean {
    const format = args.values.get('format');
    if (args.flags.has('json') && format === 'text') throw new UsageError('--json contradicts --format text');
    return args.flags.has('json') || format === 'json';
}

export interface LoadedModels<T> {
    readonly config: AtmConfig;
    readonly files: ReadonlyArray<CheckedFile<T>>;
}

/**
 * Loads the configuration and the models under `paths`, a batch at a time (see
 * batched-documents.ts): `summarize` takes from each built file what the command prints, and
 * must return plain data, not the tree. A folder without models is a warning (it exists and is
 * readable, so it is not an I/O error); no model at all is said once more.
 */
export async function loadModels<T>(
    io: CliIo,
    args: ParsedArgs,
    paths: readonly string[],
    summarize: (file: LoadedFile) => T,
    batching: BatchOptions = {}
): Promise<LoadedModels<T>> {
    const config = loadConfig(io, args.values.get('config'));
    const collected = collectModelFiles(paths, io.cwd);
    warnCollected(io, collected);
    const services = createCliServices(config);
    const files = await loadInBatches(services, collected.files, io, summarize, batching);
    return { config, files };
}

export function toReportFile(file: LoadedFile): ReportFile {
    return {
        path: file.path,
        score: file.score,
        diagnostics: file.diagnostics,
        ...(file.document ? { text: file.document.textDocument.getText() } : {})
    };
}

export interface Counts {
    error: number;
    warning: number;
    info: number;
    hint: number;
}

export function countDiagnostics(files: ReadonlyArray<{ readonly diagnostics: readonly Diagnostic[] }>): Counts {
    const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const file of files) {
        for (const diagnostic of file.diagnostics) counts[severityName(diagnostic)]++;
    }
    return counts;
}

/** "1 error", "2 warnings". */
export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * What collecting the models found worth a warning: folders without models, and symbolic links
 * that lead out of a folder given on the command line (not followed).
 */
export function warnCollected(io: CliIo, collected: Collected): void {
    for (const folder of collected.emptyFolders) {
        io.err(`atm: warning: ${folder}: no .tm files in this folder\n`);
    }
    for (const link of collected.outsideLinks) {
        io.err(`atm: warning: ${oneLine(link)}: a symbolic link out of the folder; not followed\n`);
    }
}
