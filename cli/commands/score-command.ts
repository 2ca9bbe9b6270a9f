/**
 * `atm score [paths…] [--json | --format json]`: every agent's headline and every threat's
 * score. The JSON is `language/report/score-json.ts` (documented by schemas/atm-score.schema.json);
 * the text is a table per file and agent. Errors in the files are listed on stderr and exit 1,
 * but the scores are printed either way.
 */
import { formatScaled } from '../../language/aivss/decimal.js';
import { nameOf } from '../../language/report/report-types.js';
import { renderScoreJsonDocument, scoreJsonFile } from '../../language/report/score-json.js';
import type { AgentScore, FindingScore } from '../../language/scoring/score-types.js';
import { parseArgs } from '../args.js';
import type { BatchOptions } from '../batched-documents.js';
import type { LoadedFile } from '../load-documents.js';
import type { CliIo } from '../output.js';
import { formatDiagnosticLine, oneLine, severityName, sortDiagnostics } from '../output.js';
import { countDiagnostics, GLOBAL_OPTIONS, JSON_OPTIONS, loadModels, toReportFile, wantsJson } from './common-options.js';

export const SCORE_OPTIONS = [...GLOBAL_OPTIONS, ...JSON_OPTIONS] as const;

/** `batching` is for tests; the command line always uses the default batches. */
export async function scoreCommand(argv: readonly string[], io: CliIo, batching: BatchOptions = {}): Promise<number> {
    const args = parseArgs(argv, SCORE_OPTIONS);
    const json = wantsJson(args);
    // Each file's part of the output is made while its tree is alive: its JSON object, or its table.
    if (json) {
        // The JSON carries the problems in each file's `diagnostics`.
        const { files } = await loadModels(io, args, args.positionals, (file) => scoreJsonFile(toReportFile(file)), batching);
        io.out(renderScoreJsonDocument({ files: files.map((file) => file.summary) }));
        return countDiagnostics(files).error > 0 ? 1 : 0;
    }
    const { files } = await loadModels(io, args, args.positionals, renderFileTable, batching);
    io.out(files.map((file) => file.summary).join('\n'));
    // Problems go to stderr in text mode.
    for (const file of files) {
        for (const diagnostic of sortDiagnostics(file.diagnostics)) {
            const severity = severityName(diagnostic);
            if (severity === 'error' || severity === 'warning') io.err(`${formatDiagnosticLine(file.path, diagnostic)}\n`);
        }
    }
    return countDiagnostics(files).error > 0 ? 1 : 0;
}

/** One file: its agents' tables, or a note that it has none. */
export function renderFileTable(file: LoadedFile): string {
    const agents = file.score?.agents ?? [];
    const lines = [file.path];
    if (agents.length === 0) lines.push('  (no agents)');
    // A loop, not `push(...rows)`: an agent can have more threats than a spread allows.
    for (const agent of agents) for (const row of renderAgentTable(agent)) lines.push(row);
    return `${lines.join('\n')}\n`;
}

export function renderAgentTable(score: AgentScore): string[] {
    const { agent, factors, coverage, headline } = score;
    const title = agent.title === undefined ? '' : ` "${oneLine(agent.title)}"`;
    const lines = [`  agent ${nameOf(agent.name)}${title} (AIVSS v${score.version}, ${score.rounding})`];
    const from = headline ? (headline.kind === 'agent' ? 'the agent\'s own score' : nameOf(headline.name)) : '';
    lines.push(`    headline    ${headline?.result ? `${scoreText(headline)} (from ${from})` : `incomplete — ${incompleteHint(score)}`}`);
    lines.push(`    factor sum  ${factors.sum100 === undefined ? 'invalid — fix the factor values' : formatScaled(factors.sum100, 2)}`
        + (factors.missing.length > 0 ? ` (missing: ${factors.missing.join(', ')})` : ''));
    const uncertain = coverage.uncertain.length > 0 ? `, ${coverage.uncertain.length} uncertain (${coverage.uncertain.join(' ')})` : '';
    const missing = coverage.missing.length > 0 ? `, missing ${coverage.missing.join(' ')}` : '';
    lines.push(`    coverage    ${coverage.covered.length}/7 layers covered${uncertain}${missing}`);
    if (score.own) lines.push(`    own score   ${findingText(score.own)}`);
    if (score.threats.length === 0) {
        lines.push('    (no threats)');
        return lines;
    }
    // reduce, not Math.max(...lengths): an agent can have more threats than a spread allows.
    const nameWidth = score.threats.reduce((width, threat) => Math.max(width, nameOf(threat.name).length), 6);
    lines.push(`    ${'threat'.padEnd(nameWidth)}  layer  catalog  AIVSS`);
    for (const threat of score.threats) {
        const layer = (threat.layerId ?? '-').padEnd(5);
        const catalog = (threat.catalog ?? '-').padEnd(7);
        lines.push(`    ${nameOf(threat.name).padEnd(nameWidth)}  ${layer}  ${catalog}  ${findingText(threat)}`);
    }
    return lines;
}

function scoreText(finding: FindingScore): string {
    return finding.result ? `${formatScaled(finding.result.score10, 1)} ${finding.result.severity}` : '';
}

function findingText(finding: FindingScore): string {
    return finding.result ? scoreText(finding) : `incomplete — ${finding.blockers.join(', ')}`;
}

/** What would make the headline complete: the blockers of the first finding, or "add cvss". */
function incompleteHint(score: AgentScore): string {
    const first = score.own ?? score.threats[0];
    return first && first.blockers.length > 0 ? first.blockers.join(', ') : 'add cvss';
}
