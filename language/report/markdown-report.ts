/**
 * The Markdown review document: agents sorted by score, each with its score breakdown (formula
 * with values, inputs with their sources, factors), layer coverage, and threats with catalog
 * ids and mitigations. Every model string goes through `escapeMarkdown`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatScaled } from '../aivss/decimal.js';
import { escapeMarkdown as md } from './escape.js';
import type { ReportFile } from './report-types.js';
import { diagnosticMessage } from './report-types.js';
import type { AgentView } from './report-view.js';
import { agentViews } from './report-view.js';

const STATUS_TEXT = { covered: 'covered', uncertain: 'covered (uncertain)', missing: '**missing**' } as const;
const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;

export function renderMarkdownReport(files: readonly ReportFile[]): string {
    const out: string[] = ['# Agentic threat model review', ''];
    out.push('Scores: OWASP AIVSS; coverage: the seven MAESTRO layers. Scores are ordinal: an agent\'s headline is the maximum of its complete scores, never an average.', '');
    for (const file of files) {
        // Loops, not `push(...lines)`: a spread of over ~120 000 items overflows the stack, and a
        // big model (a 1 MB file of small agents) or a broken one has that many lines.
        for (const line of fileSection(file)) out.push(line);
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function fileSection(file: ReportFile): string[] {
    const out = [`## ${md(file.path)}`, ''];
    const agents = agentViews(file.score?.agents ?? []);
    if (agents.length === 0) out.push('No agents.', '');
    if (agents.length > 0) {
        out.push('| Agent | AIVSS | Severity | From | Factor sum | Layers covered |', '|---|---:|---|---|---:|---|');
        for (const agent of agents) {
            const covered = agent.layers.filter((layer) => layer.status !== 'missing').length;
            out.push(row([
                agentLabel(agent),
                agent.score ?? 'incomplete',
                agent.severity ?? '—',
                agent.headlineFrom ? md(agent.headlineFrom) : '—',
                agent.factorSum ?? 'invalid',
                `${covered}/7`
            ]));
        }
        out.push('');
    }
    for (const agent of agents) for (const line of agentSection(agent)) out.push(line);
    for (const line of diagnosticsSection(file.diagnostics)) out.push(line);
    return out;
}

function agentLabel(agent: AgentView): string {
    return agent.title ? `${md(agent.title)} (${md(agent.name)})` : md(agent.name);
}

function agentSection(agent: AgentView): string[] {
    const out = [`### ${agentLabel(agent)}`, ''];
    const headline = agent.score
        ? `**AIVSS ${agent.score} — ${agent.severity}**, from ${md(agent.headlineFrom ?? '')} (AIVSS v${agent.version}, rounding ${agent.rounding})`
        : `**AIVSS incomplete** — no score is complete; add a \`cvss\` to the agent or a threat (AIVSS v${agent.version})`;
    out.push(headline, '');
    if (agent.summary) out.push(md(agent.summary), '');
    out.push('#### Score breakdown', '');
    if (agent.formula.length > 0) {
        // The formula lines are built from numbers only; no model text reaches the code block.
        out.push('```text', ...agent.formula, '```', '');
        out.push('| Input | Value | Source |', '|---|---:|---|');
        for (const input of agent.inputs) out.push(row([input.name, input.value, md(input.source)]));
        out.push('');
    } else {
        out.push('No complete score to break down.', '');
    }
    out.push(`Factors (sum ${agent.factorSum ?? 'invalid'}):`, '', '| Factor | Value |', '|---|---:|');
    for (const factor of agent.factors) out.push(row([md(factor.key), factor.value ?? 'missing']));
    out.push('');
    if (agent.rationale) out.push(`Rationale: ${md(agent.rationale)}`, '');
    out.push('#### Layer coverage', '', '| Layer | Name | Status | Threats | Highest score |', '|---|---|---|---:|---:|');
    for (const layer of agent.layers) {
        const max = layer.max10 === undefined ? '—' : formatScaled(layer.max10, 1);
        out.push(row([layer.id, md(layer.name), STATUS_TEXT[layer.status], String(layer.threats), max]));
    }
    out.push('');
    for (const layer of agent.layers) {
        if (layer.text) out.push(`- ${layer.id}: ${md(layer.text)}`);
    }
    out.push('');
    out.push('#### Threats', '');
    if (agent.threats.length === 0) {
        out.push('No threats.', '');
        return out;
    }
    out.push('| Threat | Title | Layer | Catalog | AIVSS | Mitigations |', '|---|---|---|---|---|---|');
    for (const threat of agent.threats) {
        const catalog = threat.catalog ? `${md(threat.catalog)}${threat.catalogName ? ` ${md(threat.catalogName)}` : ''}` : '—';
        const score = threat.score ? `${threat.score} ${threat.severity}` : `incomplete — ${md(threat.blockers.join(', '))}`;
        const mitigations = threat.mitigations.length > 0 ? threat.mitigations.map(md).join('; ') : '—';
        out.push(row([md(threat.name), threat.title ? md(threat.title) : '—', md(threat.layer), catalog, score, mitigations]));
    }
    out.push('');
    return out;
}

function diagnosticsSection(diagnostics: readonly Diagnostic[]): string[] {
    if (diagnostics.length === 0) return [];
    const out = ['### Diagnostics', ''];
    for (const diagnostic of diagnostics) {
        const { line, character } = diagnostic.range.start;
        const severity = SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error';
        const code = typeof diagnostic.code === 'string' ? ` ${md(diagnostic.code)}` : '';
        out.push(`- ${line + 1}:${character + 1} ${severity}${code}: ${md(diagnosticMessage(diagnostic))}`);
    }
    out.push('');
    return out;
}

/** A table row; cells are already escaped (pipes included). */
function row(cells: readonly string[]): string {
    return `| ${cells.join(' | ')} |`;
}
