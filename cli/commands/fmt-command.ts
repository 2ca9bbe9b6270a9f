/**
 * `atm fmt [paths…] [--check]`
 *
 * Formats models exactly as the editor's "Format Document" does (one formatter, in server/, used
 * by both). Without `--check` it rewrites the files it was given (and the `*.tm` files under the
 * folders it was given) when they change; with `--check` it writes nothing and exits 1 when a
 * file is not formatted, for CI. A file that does not parse, or is not text, is reported with
 * its location and left untouched: formatting a broken parse could garble it.
 */
import { readFileSync } from 'node:fs';
import { rejectText } from '../../language/workspace/text-guard.js';
import { formatModelText, UnformattableTextError } from '../../server/format-text.js';
import { parseArgs } from '../args.js';
import { createCliServices, loadConfig } from '../cli-services.js';
import { collectModelFiles, displayPath, readModelFile } from '../load-documents.js';
import type { CliIo } from '../output.js';
import { oneLine, writeOutputFile } from '../output.js';
import { GLOBAL_OPTIONS, plural, warnCollected } from './common-options.js';

export const FMT_OPTIONS = [...GLOBAL_OPTIONS, { name: 'check', kind: 'flag' }] as const;

const BOM = '\uFEFF';

export async function fmtCommand(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, FMT_OPTIONS);
    const check = args.flags.has('check');
    const services = createCliServices(loadConfig(io, args.values.get('config')));
    const collected = collectModelFiles(args.positionals, io.cwd);
    warnCollected(io, collected);

    let unformatted = 0;
    let broken = 0;
    for (const absolute of collected.files) {
        const path = displayPath(absolute, io.cwd);
        const read = readModelFile(absolute, path);
        if (read.kind === 'too-large' || rejectText(read.text)) {
            const why = read.kind === 'too-large' ? 'too large' : rejectText(read.text)!.message;
            io.out(`${path}:1:1: error cannot-format: ${oneLine(why)}\n`);
            broken++;
            continue;
        }
        let formatted: string;
        try {
            formatted = await formatModelText(services, read.text);
        } catch (error) {
            if (!(error instanceof UnformattableTextError)) throw error;
            const first = error.problems[0];
            io.out(`${path}:${first?.line ?? 1}:${first?.column ?? 1}: error syntax-error: cannot format: ${oneLine(first?.message ?? 'syntax error')}\n`);
            broken++;
            continue;
        }
        if (formatted === read.text) continue;
        unformatted++;
        if (check) {
            io.out(`${path}: not formatted\n`);
        } else {
            // The decoder dropped a byte-order mark; a file that had one keeps it.
            const hadBom = readFileSync(absolute).subarray(0, 3).equals(Buffer.from(BOM, 'utf8'));
            writeOutputFile(absolute, hadBom ? BOM + formatted : formatted, true, path);
            io.out(`${path}: formatted\n`);
        }
    }
    const total = collected.files.length;
    const verb = check ? 'need formatting' : 'reformatted';
    io.err(`atm: ${plural(total, 'file')} checked: ${unformatted} ${verb}${broken > 0 ? `, ${broken} could not be formatted` : ''}\n`);
    return broken > 0 || (check && unformatted > 0) ? 1 : 0;
}
