/**
 * `atm export FILE.tm --format card|markdown|html|json|sarif [-o OUT] [--force] [--agent NAME]
 *  [--min-severity low|medium|high|critical]`
 *
 * Writes to stdout, or only where `-o` says (never over an existing file without `--force`).
 * The report is produced even when the model has errors (they are in it, and listed on stderr),
 * and the exit code says 1 then, as `atm check` would.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Severity } from '../../language/aivss/aivss-types.js';
import type { ExportFormat } from '../../language/config/atm-config.js';
import { EXPORT_FORMATS, renderExport } from '../../language/report/export-report.js';
import type { ReportFile } from '../../language/report/report-types.js';
import { nameOf } from '../../language/report/report-types.js';
import type { ParsedArgs } from '../args.js';
import { parseArgs, singlePositional, UsageError } from '../args.js';
import type { CliIo } from '../output.js';
import { formatDiagnosticLine, oneLine, severityName, sortDiagnostics, writeOutputFile } from '../output.js';
import { PACKAGE_HOME, PACKAGE_VERSION } from '../version.js';
import { GLOBAL_OPTIONS, loadModels, toReportFile } from './common-options.js';

const FORMATS = EXPORT_FORMATS;
const BANDS: Readonly<Record<string, Severity>> = { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const EXPORT_OPTIONS = [
    ...GLOBAL_OPTIONS,
    { name: 'format', short: 'f', kind: 'value', choices: FORMATS },
    { name: 'json', kind: 'flag' },
    { name: 'output', short: 'o', kind: 'value' },
    { name: 'force', kind: 'flag' },
    { name: 'agent', kind: 'value' },
    { name: 'min-severity', kind: 'value', choices: ['low', 'medium', 'high', 'critical'], lowercase: true }
] as const;

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv, EXPORT_OPTIONS);
    const given = singlePositional(args, 'model FILE.tm');
    const chosen = chooseFormat(args);
    if (isDirectory(resolve(io.cwd, given))) throw new UsageError(`${given} is a folder; export takes one model file`);
    // One file: its report keeps the tree (SARIF snippets need the text, reports the nodes).
    const { config, files } = await loadModels(io, args, [given], toReportFile);
    const format = chosen ?? config.export.format;
    if (format === undefined) throw new UsageError(`--format is required: one of ${FORMATS.join(', ')}`);
    const file = files[0];
    if (!file) throw new UsageError(`${given}: no .tm model found there`);
    for (const diagnostic of sortDiagnostics(file.diagnostics)) {
        if (severityName(diagnostic) === 'error') io.err(`${formatDiagnosticLine(file.path, diagnostic)}\n`);
    }
    const report = withAgent(file.summary, args.values.get('agent'));
    const minFlag = args.values.get('min-severity');
    const minSeverity = minFlag === undefined ? config.export.minSeverity : BANDS[minFlag];
    const exported = renderExport(format, report, { toolVersion: PACKAGE_VERSION, informationUri: PACKAGE_HOME, ...(minSeverity ? { minSeverity } : {}) });
    if (!exported.ok) throw new UsageError(`${file.path}: ${exported.message}`);
    // What a card cannot carry, and what it had to make up, goes to stderr.
    for (const { agent, dropped, notes } of exported.losses) {
        for (const message of dropped) io.err(`atm export: ${agent}: not in the card: ${oneLine(message)}\n`);
        for (const message of notes) io.err(`atm export: ${agent}: note: ${oneLine(message)}\n`);
    }
    const text = exported.text;
    const output = args.values.get('output');
    if (output === undefined) {
        io.out(text);
    } else {
        writeOutputFile(resolve(io.cwd, output), text, args.flags.has('force'), output);
        io.err(`atm export: wrote ${output}\n`);
    }
    return file.diagnostics.some((diagnostic) => severityName(diagnostic) === 'error') ? 1 : 0;
}

function isDirectory(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false; // missing: loading it reports the path problem
    }
}

/** The format the arguments ask for; undefined leaves it to `export.format` of the configuration. */
function chooseFormat(args: ParsedArgs): ExportFormat | undefined {
    const format = args.values.get('format') as ExportFormat | undefined;
    if (args.flags.has('json')) {
        if (format !== undefined && format !== 'json') throw new UsageError(`--json contradicts --format ${format}`);
        return 'json';
    }
    return format;
}

/** The report restricted to the agent `--agent` names; an unknown name is a usage error. */
function withAgent(report: ReportFile, name: string | undefined): ReportFile {
    if (name === undefined || !report.score) return report;
    const agents = report.score.agents.filter((agent) => agent.agent.name === name);
    if (agents.length === 0) {
        const known = report.score.agents.map((agent) => nameOf(agent.agent.name));
        throw new UsageError(`no agent named '${name}' in ${report.path}${known.length > 0 ? ` (agents: ${known.join(', ')})` : ''}`);
    }
    return { ...report, score: { ...report.score, agents } };
}
