/**
 * A small strict argument parser: every command declares its options, and anything else is a
 * usage error (exit 2) naming the argument. Strictness matters in CI: a misspelt `--fail-on`
 * that was silently ignored would let every build pass.
 */

/** A usage error: wrong, missing or contradictory arguments. The CLI exits with 2. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

export interface OptionSpec {
    /** Long name without dashes: `format` for `--format`. */
    readonly name: string;
    /** One-letter alias without the dash: `o` for `-o`. */
    readonly short?: string;
    /** A flag takes no value; the others take exactly one. */
    readonly kind: 'flag' | 'value';
    /** Allowed values (compared case-sensitively after `lowercase`, when set). */
    readonly choices?: readonly string[];
    /** Accept `Low` for `low`: band names are often typed capitalised. */
    readonly lowercase?: boolean;
}

export interface ParsedArgs {
    readonly positionals: readonly string[];
    readonly values: ReadonlyMap<string, string>;
    readonly flags: ReadonlySet<string>;
}

/**
 * Parses `--name value`, `--name=value`, `-o value`, flags, and positionals; `--` ends the
 * options. An option given twice is an error rather than "last one wins".
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
    const byLong = new Map(specs.map((spec) => [spec.name, spec]));
    const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
    const positionals: string[] = [];
    const values = new Map<string, string>();
    const flags = new Set<string>();
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index]!;
        if (arg === '--') {
            positionals.push(...argv.slice(index + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const { spec, inline, shown } = lookup(arg, byLong, byShort);
        if (spec.kind === 'flag') {
            if (inline !== undefined) throw new UsageError(`${shown} takes no value`);
            if (flags.has(spec.name)) throw new UsageError(`${shown} is given twice`);
            flags.add(spec.name);
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = argv[index + 1];
            if (next === undefined || (next.startsWith('--') && next.length > 2)) {
                throw new UsageError(`${shown} needs a value`);
            }
            value = next;
            index++;
        }
        if (values.has(spec.name)) throw new UsageError(`${shown} is given twice`);
        values.set(spec.name, checkChoice(spec, shown, value));
    }
    return { positionals, values, flags };
}

function lookup(
    arg: string,
    byLong: ReadonlyMap<string, OptionSpec>,
    byShort: ReadonlyMap<string, OptionSpec>
): { spec: OptionSpec; inline: string | undefined; shown: string } {
    if (arg.startsWith('--')) {
        const equals = arg.indexOf('=');
        const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
        const spec = byLong.get(name);
        if (!spec) throw new UsageError(`unknown option --${name}`);
        return { spec, inline: equals < 0 ? undefined : arg.slice(equals + 1), shown: `--${name}` };
    }
    const spec = arg.length === 2 ? byShort.get(arg.slice(1)) : undefined;
    if (!spec) throw new UsageError(`unknown option ${arg}`);
    return { spec, inline: undefined, shown: arg };
}

function checkChoice(spec: OptionSpec, shown: string, raw: string): string {
    const value = spec.lowercase ? raw.toLowerCase() : raw;
    if (spec.choices && !spec.choices.includes(value)) {
        throw new UsageError(`${shown} must be one of ${spec.choices.join(', ')}, not '${raw}'`);
    }
    return value;
}

/** A non-negative integer option such as `--max-warnings 0`. */
export function integerOption(args: ParsedArgs, name: string): number | undefined {
    const raw = args.values.get(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        throw new UsageError(`--${name} must be a non-negative integer, not '${raw}'`);
    }
    return Number(raw);
}

/** Exactly one positional, e.g. the FILE of `atm export FILE`. */
export function singlePositional(args: ParsedArgs, what: string): string {
    if (args.positionals.length === 0) throw new UsageError(`missing ${what}`);
    if (args.positionals.length > 1) throw new UsageError(`expected one ${what}, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
    return args.positionals[0]!;
}
