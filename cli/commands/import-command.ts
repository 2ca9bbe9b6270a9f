/**
 * `atm import CARD [-o FILE.tm] [--force]`: an AgentReady threat-model card to `.tm` source.
 * A rejected card prints its located errors (`CARD:line:col: error card-syntax: …`) and writes
 * nothing. Without `-o` the model goes to stdout.
 */
import { basename } from 'node:path';
import { resolve } from 'node:path';
import { parseCard } from '../../language/card/card-parser.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import { parseArgs, singlePositional } from '../args.js';
import { displayPath, readModelFile } from '../load-documents.js';
import type { CliIo } from '../output.js';
import { oneLine, PathError, writeOutputFile } from '../output.js';
import { GLOBAL_OPTIONS } from './common-options.js';

export const IMPORT_OPTIONS = [
    ...GLOBAL_OPTIONS,
    { name: 'output', short: 'o', kind: 'value' },
    { name: 'force', kind: 'flag' }
] as const;

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, IMPORT_OPTIONS);
    const given = singlePositional(args, 'CARD file');
    const absolute = resolve(io.cwd, given);
    const shown = displayPath(absolute, io.cwd);
    const read = readModelFile(absolute, shown);
    if (read.kind === 'too-large') throw new PathError(`${shown}: ${read.size} bytes is too large for a card`);
    const text = read.text;
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
        io.err(`${shown}:1:1: error invalid-encoding: Not a text card: binary or not valid UTF-8\n`);
        return 1;
    }
    const parsed = parseCard(text);
    if (!parsed.ok) {
        for (const error of parsed.errors) {
            io.err(`${shown}:${error.line}:${error.column}: error card-syntax: ${oneLine(error.message)}\n`);
        }
        io.err(`atm import: ${shown} was not imported; nothing written\n`);
        return 1;
    }
    const model = cardToTm(parsed.card, { source: basename(absolute) });
    const output = args.values.get('output');
    if (output === undefined) {
        io.out(model);
    } else {
        writeOutputFile(resolve(io.cwd, output), model, args.flags.has('force'), output);
        io.err(`atm import: wrote ${output}\n`);
    }
    return 0;
}
