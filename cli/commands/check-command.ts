/**
 * `atm check [paths…] [--format text|json] [--strict] [--quiet] [--fail-on BAND] [--max-warnings N]`
 *
 * Exit 0 when there is no error, 1 on errors (on warnings too with `--strict`, on a complete
 * score at or above `--fail-on`, on more than `--max-warnings` warnings), 2 for usage and I/O.
 */
import type { Severity } from '../../language/aivss/aivss-types.js';
import { formatScaled } from '../../language/aivss/decimal.js';
import { nameOf } from '../../language/report/report-types.js';
import { diagnosticJson } from '../../language/report/score-json.js';
import type { FindingScore } from '../../language/scoring/score-types.js';
import { integerOption, parseArgs } from '../args.js';
import type { BatchOptions, CheckedFile } from '../batched-documents.js';
import type { LoadedFile } from '../load-documents.js';
import type { CliIo } from '../output.js';
import { formatDiagnosticLine, severityName, sortDiagnostics } from '../output.js';
import { countDiagnostics, GLOBAL_OPTIONS, JSON_OPTIONS, loadModels, plural, wantsJson } from './common-options.js';

const BAND_FLOOR10: Readonly<Record<string, number>> = { low: 1, medium: 40, high: 70, critical: 90 };
const BAND_NAMES: Readonly<Record<string, Severity>> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const CHECK_OPTIONS = [
    ...GLOBAL_OPTIONS,
    ...JSON_OPTIONS,
    { name: 'strict', kind: 'flag' },
    { name: 'quiet', short: 'q', kind: 'flag' },
    { name: 'fail-on', kind: 'value', choices: Object.keys(BAND_FLOOR10), lowercase: true },
    { name: 'max-warnings', kind: 'value' }
] as const;

interface GateFinding {
    readonly path: string;
    readonly agent: string;
    /** Null for the agent's own score. */
    readonly threat: string | null;
    readonly aivss: number;
    readonly severity: Severity;
}

/** `batching` is for tests; the command line always uses the default batches. */
export async function checkCommand(argv: readonly string[], io: CliIo, batching: BatchOptions = {}): Promise<number> {
    const args = parseArgs(argv, CHECK_OPTIONS);
    const json = wantsJson(args);
    const quiet = args.flags.has('quiet');
    const maxWarnings = integerOption(args, 'max-warnings');
    const failOn = args.values.get('fail-on');
    // Only the scores at or above the band are kept, found while each file's tree is alive.
    const floor10 = failOn === undefined ? undefined : BAND_FLOOR10[failOn]!;
    const { files } = await loadModels(io, args, args.positionals, (file) => (floor10 === undefined ? [] : scoresAtOrAbove(file, floor10)), batching);

    const counts = countDiagnostics(files);
    const gate = files.flatMap((file) => file.summary);
    const failures: string[] = [];
    if (counts.error > 0) failures.push(`${plural(counts.error, 'error')}`);
    if (args.flags.has('strict') && counts.warning > 0) failures.push(`${plural(counts.warning, 'warning')} (--strict)`);
    if (maxWarnings !== undefined && counts.warning > maxWarnings) {
        failures.push(`${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}`);
    }
    for (const finding of gate) failures.push(gateMessage(finding, failOn!));

    if (json) {
        const document = {
            files: files.map((file) => ({
                path: file.path,
                diagnostics: visible(file, quiet).map(diagnosticJson)
            })),
            summary: { files: files.length, errors: counts.error, warnings: counts.warning, infos: counts.info, hints: counts.hint },
            failOn: failOn === undefined ? null : BAND_NAMES[failOn]!,
            gate,
            failures
        };
        io.out(`${JSON.stringify(document, null, 2)}\n`);
    } else {
        for (const file of files) {
            for (const diagnostic of visible(file, quiet)) io.out(`${formatDiagnosticLine(file.path, diagnostic)}\n`);
        }
        for (const finding of gate) io.err(`atm: ${gateMessage(finding, failOn!)}\n`);
        if (!quiet) {
            io.err(`atm: ${plural(files.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, `
                + `${plural(counts.info, 'info')}, ${plural(counts.hint, 'hint')}\n`);
        }
        if (maxWarnings !== undefined && counts.warning > maxWarnings) {
            io.err(`atm: ${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
        }
    }
    return failures.length > 0 ? 1 : 0;
}

function gateMessage(finding: GateFinding, failOn: string): string {
    const what = finding.threat === null ? `agent ${finding.agent}` : `${finding.agent}/${finding.threat}`;
    // aivss is score10 / 10 exactly, so × 10 recovers the integer for exact formatting.
    const score = formatScaled(Math.round(finding.aivss * 10), 1);
    return `${finding.path}: ${what} scores ${score} ${finding.severity}, at or above --fail-on ${failOn}`;
}

function visible(file: CheckedFile<unknown>, quiet: boolean): ReturnType<typeof sortDiagnostics> {
    const sorted = sortDiagnostics(file.diagnostics);
    return quiet ? sorted.filter((diagnostic) => severityName(diagnostic) === 'error') : sorted;
}

/** Every complete score (agents' own and threats') of a file at or above the band's floor. */
function scoresAtOrAbove(file: LoadedFile, floor10: number): GateFinding[] {
    const found: GateFinding[] = [];
    for (const agent of file.score?.agents ?? []) {
        const findings: Array<FindingScore | undefined> = [agent.own, ...agent.threats];
        for (const finding of findings) {
            const result = finding?.result;
            if (!finding || !result || result.score10 < floor10) continue;
            found.push({
                path: file.path,
                agent: nameOf(agent.agent.name),
                threat: finding.kind === 'agent' ? null : nameOf(finding.name),
                aivss: result.score10 / 10,
                severity: result.severity
            });
        }
    }
    return found;
}
