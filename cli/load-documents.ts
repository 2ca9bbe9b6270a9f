/**
 * From the paths on the command line to built, validated and scored documents: collect `*.tm`
 * files (folders recursively, `node_modules` and dot-folders skipped), read them as bytes and
 * decode them ourselves, and let the language report what is wrong inside them. Only a path
 * that cannot be read at all is an I/O error; bad content is a located diagnostic.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityFor } from '../language/config/atm-config.js';
import type { AtmConfig } from '../language/config/atm-config.js';
import type { ModelScorer } from '../language/scoring/model-scorer.js';
import type { ModelScore } from '../language/scoring/score-types.js';
import type { ThreatModelServices } from '../language/threat-model-module.js';
import { MAX_FILE_SIZE } from '../language/workspace/text-guard.js';
import type { CliIo } from './output.js';
import { describeFsError, PathError } from './output.js';

/** A file we will not even read into memory: far beyond what the text guard would parse. */
const READ_LIMIT = 4 * MAX_FILE_SIZE;

export interface LoadedFile {
    /** Absolute path. */
    readonly absolute: string;
    /** What the user sees: relative to the working directory when inside it, `/`-separated. */
    readonly path: string;
    readonly document: LangiumDocument | undefined;
    readonly diagnostics: readonly Diagnostic[];
    readonly score: ModelScore | undefined;
}

export interface Collected {
    readonly files: readonly string[];
    /** Folders that held no model, for a warning. */
    readonly emptyFolders: readonly string[];
    /** Symbolic links inside a given folder that lead out of it: not followed, for a warning. */
    readonly outsideLinks: readonly string[];
}

/** Finds the model files; a missing or unreadable path or a special file is a PathError. */
export function collectModelFiles(paths: readonly string[], cwd: string): Collected {
    const files: string[] = [];
    const emptyFolders: string[] = [];
    const outsideLinks: string[] = [];
    const seen = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        const absolute = resolve(cwd, given);
        const stats = statOrThrow(absolute, given);
        if (stats.isDirectory()) {
            const before = files.length;
            walk(absolute, given, files, seen, new Set(), { root: realFolder(absolute, given), outsideLinks });
            if (files.length === before) emptyFolders.push(given);
        } else if (stats.isFile()) {
            // A file named explicitly is read whatever its extension: the user asked for it.
            if (!seen.has(absolute)) files.push(absolute);
            seen.add(absolute);
        } else {
            throw new PathError(`${given}: ${describeSpecial(stats)}; expected a .tm file or a folder`);
        }
    }
    return { files, emptyFolders, outsideLinks };
}

/**
 * A folder given on the command line is read inside its own tree: a symbolic link in it that
 * leads out of it (to `/etc`, a home directory, another project) is not followed, so that
 * `atm check dir` reads, and `atm fmt dir` rewrites, nothing but `dir`. A path named on the
 * command line is read wherever it leads: the user asked for it.
 */
interface Confinement {
    /** The real path of the folder given. */
    readonly root: string;
    readonly outsideLinks: string[];
}

function realFolder(absolute: string, shown: string): string {
    try {
        return realpathSync(absolute);
    } catch (error) {
        throw new PathError(`${shown}: cannot read folder: ${describeFsError(error)}`);
    }
}

/** Whether a symbolic link leads out of `root` (a dangling one leads nowhere). */
function leadsOutside(link: string, root: string): boolean {
    let target: string;
    try {
        target = realpathSync(link);
    } catch {
        return false;
    }
    const rel = relative(root, target);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function walk(folder: string, shown: string, files: string[], seen: Set<string>, visiting: Set<string>, confinement: Confinement): void {
    let real: string;
    try {
        real = realpathSync(folder);
    } catch (error) {
        throw new PathError(`${shown}: cannot read folder: ${describeFsError(error)}`);
    }
    if (visiting.has(real)) return; // a symbolic link loop
    visiting.add(real);
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new PathError(`${shown}: cannot read folder: ${describeFsError(error)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const absolute = join(folder, entry.name);
        const entryShown = shown === '.' ? entry.name : `${shown.replace(/[\\/]+$/, '')}/${entry.name}`;
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        if (entry.isSymbolicLink() && leadsOutside(absolute, confinement.root)) {
            confinement.outsideLinks.push(entryShown);
            continue;
        }
        const stats = entry.isSymbolicLink() ? statOrThrow(absolute, entryShown) : undefined;
        if (entry.isDirectory() || stats?.isDirectory()) {
            walk(absolute, entryShown, files, seen, visiting, confinement);
        } else if (entry.name.endsWith('.tm')) {
            const isFile = stats ? stats.isFile() : entry.isFile();
            if (!isFile) {
                throw new PathError(`${entryShown}: ${describeSpecial(stats ?? statOrThrow(absolute, entryShown))}; not read`);
            }
            if (!seen.has(absolute)) files.push(absolute);
            seen.add(absolute);
        }
    }
    visiting.delete(real);
}

function statOrThrow(absolute: string, shown: string): Stats {
    try {
        return statSync(absolute);
    } catch (error) {
        throw new PathError(`${shown}: ${describeFsError(error)}`);
    }
}

function describeSpecial(stats: Stats): string {
    if (stats.isFIFO()) return 'is a FIFO (named pipe), not a regular file';
    if (stats.isSocket()) return 'is a socket, not a regular file';
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
    return 'is not a regular file';
}

export type ReadResult =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'too-large'; readonly size: number };

/**
 * Reads a model's bytes without blocking on special files (O_NONBLOCK: a FIFO that slipped
 * through opens and fails instead of waiting for a writer) and decodes them as UTF-8 with
 * replacement characters, BOM stripped. Undecodable bytes become U+FFFD, which the language's
 * text guard turns into a located `invalid-encoding` error.
 */
export function readModelFile(absolute: string, shown: string): ReadResult {
    let fd: number;
    try {
        fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
        throw new PathError(`${shown}: cannot read: ${describeFsError(error)}`);
    }
    try {
        const stats = fstatSync(fd);
        if (!stats.isFile()) throw new PathError(`${shown}: ${describeSpecial(stats)}; not read`);
        if (stats.size > READ_LIMIT) return { kind: 'too-large', size: stats.size };
        const buffer = Buffer.alloc(stats.size);
        let offset = 0;
        while (offset < buffer.length) {
            const count = readSync(fd, buffer, offset, buffer.length - offset, offset);
            if (count === 0) break;
            offset += count;
        }
        return { kind: 'text', text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buffer.subarray(0, offset)) };
    } catch (error) {
        if (error instanceof PathError) throw error;
        throw new PathError(`${shown}: cannot read: ${describeFsError(error)}`);
    } finally {
        closeSync(fd);
    }
}

/** The path as the user should see it. */
export function displayPath(absolute: string, cwd: string): string {
    const rel = relative(cwd, absolute);
    const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
    return sep === '/' ? shown : shown.split(sep).join('/');
}

/** A file read and ready to build: its text, or the size that kept it from being read. */
export interface ReadFile {
    readonly absolute: string;
    readonly path: string;
    readonly text?: string;
    readonly tooLarge?: number;
}

/** Reads one model file for building; an unreadable path is a PathError. */
export function readForBuild(absolute: string, io: CliIo): ReadFile {
    const path = displayPath(absolute, io.cwd);
    const read = readModelFile(absolute, path);
    return read.kind === 'too-large' ? { absolute, path, tooLarge: read.size } : { absolute, path, text: read.text };
}

/**
 * Reads, builds (parse, link, validate) and scores the files. Files do not see each other
 * this round, but building them together lets Langium link and validate them in one pass.
 */
export async function loadDocuments(
    services: ThreatModelServices,
    absolutes: readonly string[],
    io: CliIo
): Promise<LoadedFile[]> {
    return buildFiles(services, absolutes.map((absolute) => readForBuild(absolute, io)));
}

/** Builds files already read, together, and scores them. */
export async function buildFiles(services: ThreatModelServices, reads: readonly ReadFile[]): Promise<LoadedFile[]> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const entries: Array<{ absolute: string; path: string; document?: LangiumDocument; tooLarge?: number }> = [];
    for (const { absolute, path, text, tooLarge } of reads) {
        if (text === undefined) {
            entries.push({ absolute, path, tooLarge: tooLarge ?? 0 });
            continue;
        }
        const uri = URI.file(absolute);
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        entries.push({ absolute, path, document });
    }
    const built = entries.flatMap((entry) => (entry.document ? [entry.document] : []));
    await services.shared.workspace.DocumentBuilder.build(built, { validation: true });
    const scorer = services.scoring.ModelScorer;
    return entries.map(({ absolute, path, document, tooLarge }) => {
        if (!document) {
            return { absolute, path, document, diagnostics: tooLargeDiagnostic(services.config.AtmConfig.get(), tooLarge ?? 0), score: undefined };
        }
        return new BuiltFile(absolute, path, document, scorer);
    });
}

/**
 * A built file whose score is computed when first read (and cached per document by the
 * scorer): `atm check` without `--fail-on` prints no score, and scoring was ~7 % of its CPU.
 * Scoring reports nothing, so when it runs cannot change a diagnostic.
 */
class BuiltFile implements LoadedFile {
    readonly diagnostics: readonly Diagnostic[];

    constructor(
        readonly absolute: string,
        readonly path: string,
        readonly document: LangiumDocument,
        private readonly scorer: ModelScorer
    ) {
        this.diagnostics = document.diagnostics ?? [];
    }

    get score(): ModelScore {
        return this.scorer.scoreDocument(this.document);
    }
}

/** What the text guard would say, for a file too large even to read. */
function tooLargeDiagnostic(config: AtmConfig, size: number): Diagnostic[] {
    const severity = severityFor(config, 'file-too-large');
    if (severity === 'off') return [];
    const start = { line: 0, character: 0 };
    const mib = (size / (1024 * 1024)).toFixed(1);
    return [{
        severity: severity === 'warning' ? 2 : severity === 'info' ? 3 : severity === 'hint' ? 4 : 1,
        range: { start, end: start },
        code: 'file-too-large',
        message: `File is ${mib} MiB; models larger than ${MAX_FILE_SIZE / (1024 * 1024)} MiB are not parsed`
    }];
}
