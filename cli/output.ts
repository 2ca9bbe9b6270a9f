/**
 * Where a command's output goes. Commands never touch `process` directly: the entry point
 * passes the real streams, and tests pass buffers, so a command runs in-process exactly as it
 * runs from the shell.
 */
import { closeSync, constants, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticMessage } from '../language/report/report-types.js';
import { UsageError } from './args.js';

export interface CliIo {
    /** Writes to standard output; the text carries its own newlines. */
    readonly out: (text: string) => void;
    /** Writes to standard error; the text carries its own newlines. */
    readonly err: (text: string) => void;
    /** The working directory: relative paths, `atm.config.json` and displayed paths start here. */
    readonly cwd: string;
}

/** An I/O problem with a path the user named (missing, unreadable, not a file). Exit 2. */
export class PathError extends Error {
    override readonly name = 'PathError';
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'info', 'hint'];

/** LSP severity (1–4, absent means error) as a word. */
export function severityName(diagnostic: Diagnostic): SeverityName {
    return SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error';
}

/** `path:line:col: severity code: message`, 1-based, on one line whatever the message holds. */
export function formatDiagnosticLine(path: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    const code = typeof diagnostic.code === 'string' ? ` ${diagnostic.code}` : '';
    return `${path}:${line + 1}:${character + 1}: ${severityName(diagnostic)}${code}: ${oneLine(diagnosticMessage(diagnostic))}`;
}

/**
 * Newlines and other control characters in a message would break line-oriented tools; C1
 * controls too (U+0085 is a line break to some tools, U+009B starts an escape sequence in
 * terminals that take 8-bit controls), since messages quote the model's strings.
 */
export function oneLine(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** Diagnostics in reading order: line, then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * Writes `text` to `target` and nowhere else. An existing target is refused unless `force`;
 * the text goes to a temporary file beside it first, so an interrupted write never leaves half
 * a report under the real name.
 */
export function writeOutputFile(target: string, text: string, force: boolean, shown: string = target): void {
    let existing: ReturnType<typeof lstatSync> | undefined;
    try {
        existing = lstatSync(target);
    } catch {
        existing = undefined;
    }
    if (existing) {
        if (!force) throw new UsageError(`${shown} already exists; add --force to overwrite it`);
        if (!existing.isFile()) throw new PathError(`${shown}: not a regular file; refusing to overwrite it`);
    }
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    let fd: number;
    try {
        fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    } catch (error) {
        throw new PathError(`${shown}: cannot write: ${describeFsError(error)}`);
    }
    try {
        writeSync(fd, text);
        fsyncSync(fd);
    } catch (error) {
        closeSync(fd);
        unlinkSync(temporary);
        throw new PathError(`${shown}: cannot write: ${describeFsError(error)}`);
    }
    closeSync(fd);
    try {
        if (force) {
            renameSync(temporary, target);
        } else {
            // `link` fails with EEXIST when the target appeared meanwhile: no overwrite, no race.
            linkSync(temporary, target);
            unlinkSync(temporary);
        }
    } catch (error) {
        unlinkSync(temporary);
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new UsageError(`${shown} already exists; add --force to overwrite it`);
        }
        throw new PathError(`${shown}: cannot write: ${describeFsError(error)}`);
    }
}

/** A file-system error as a short phrase: "no such file or directory", "permission denied". */
export function describeFsError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ENOTDIR': return 'a parent of the path is not a directory';
        case 'ELOOP': return 'too many levels of symbolic links';
        case 'EMFILE':
        case 'ENFILE': return 'too many open files';
        case 'ENOSPC': return 'no space left on device';
        case 'EROFS': return 'read-only file system';
        default: return error instanceof Error ? error.message : String(error);
    }
}
