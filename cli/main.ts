// Chevrotain (under Langium) calls Object.groupBy while building the parser; Node 20 lacks it.
import '../language/object-group-by-polyfill.js';
import { UsageError } from './args.js';
import { calcCommand } from './commands/calc-command.js';
import { checkCommand } from './commands/check-command.js';
import { exportCommand } from './commands/export-command.js';
import { fmtCommand } from './commands/fmt-command.js';
import { COMMAND_HELP, GENERAL_HELP } from './commands/help-text.js';
import { importCommand } from './commands/import-command.js';
import { scoreCommand } from './commands/score-command.js';
import type { CliIo } from './output.js';
import { oneLine, PathError } from './output.js';
import { PACKAGE_VERSION } from './version.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
    check: checkCommand,
    score: scoreCommand,
    calc: calcCommand,
    export: exportCommand,
    import: importCommand,
    fmt: fmtCommand
};

/**
 * Runs one `atm` invocation and returns its exit code. Never throws: a usage or path problem
 * is one line on stderr with exit 2; anything unexpected is one line too, exit 1 (its stack only
 * with `--debug`), because a stack trace is not a message a CI log reader can act on.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    const debug = argv.includes('--debug');
    if (name === undefined) {
        io.err(GENERAL_HELP);
        return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        const topic = name === 'help' ? rest[0] : undefined;
        io.out(topic && Object.hasOwn(COMMAND_HELP, topic) ? COMMAND_HELP[topic]! : GENERAL_HELP);
        return 0;
    }
    if (name === '--version' || name === '-v') {
        io.out(`${PACKAGE_VERSION}\n`);
        return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
        io.err(`atm: unknown command '${oneLine(name)}'; commands: ${Object.keys(COMMANDS).join(', ')} (atm --help)\n`);
        return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        io.out(COMMAND_HELP[name] ?? GENERAL_HELP);
        return 0;
    }
    try {
        return await command(rest, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`atm ${name}: ${oneLine(error.message)} (atm ${name} --help)\n`);
            return 2;
        }
        if (error instanceof PathError) {
            io.err(`atm ${name}: ${oneLine(error.message)}\n`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        io.err(`atm ${name}: internal error: ${oneLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`);
        if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
        return 1;
    }
}

/** The process entry: real streams, the real exit code. `bin/atm.cjs` calls it. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
    const io: CliIo = {
        out: guardedWriter(process.stdout),
        err: guardedWriter(process.stderr),
        cwd: process.cwd()
    };
    // exitCode rather than exit(): output still buffered for a pipe drains first.
    process.exitCode = await runCli(argv, io);
}

/**
 * A reader that goes away (`atm check | head`) must not turn into a stack trace: later writes
 * are dropped and the command still finishes, so the exit code still tells about the models.
 */
function guardedWriter(stream: NodeJS.WriteStream): (text: string) => void {
    let closed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
    });
    return (text) => {
        if (!closed) stream.write(text);
    };
}

// `node out/cli/main.cjs …` runs the CLI; a test importing this module, or the bin shim
// requiring the bundle, does not start it.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
    void main();
}
