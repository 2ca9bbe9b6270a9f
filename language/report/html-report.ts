/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no network) with
 * the Markdown report's content plus a factor radar and a layer heat map per agent. A strict
 * Content-Security-Policy forbids scripts and remote loads even if escaping ever failed.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatScaled } from '../aivss/decimal.js';
import { escapeHtml as h } from './escape.js';
import { factorRadar, layerHeatMap } from './html-charts.js';
import type { ReportFile } from './report-types.js';
import { diagnosticMessage } from './report-types.js';
import type { AgentView } from './report-view.js';
import { agentViews } from './report-view.js';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The report's stylesheet, inline in the page; a stricter policy can pin it by hash. */
export const REPORT_STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}
.sev-Critical{background:#c62828;color:#fff}.sev-High{background:#ff8a65}.sev-Medium{background:#ffcc80}.sev-Low{background:#fff3c4}
.charts{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}.missing{color:#c62828;font-weight:bold}
section.agent{border-top:2px solid #888;margin-top:2rem}`;

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;

export interface HtmlReportOptions {
    /** The policy the page declares instead of REPORT_CSP (a webview's, say); no `"` in it. */
    readonly contentSecurityPolicy?: string;
    /** The stylesheet instead of REPORT_STYLE; its one `<style>` element holds exactly this. */
    readonly style?: string;
}

export function renderHtmlReport(files: readonly ReportFile[], options: HtmlReportOptions = {}): string {
    const body: string[] = ['<h1>Agentic threat model review</h1>'];
    body.push('<p>Scores: OWASP AIVSS; coverage: the seven MAESTRO layers. Scores are ordinal: an agent&#39;s headline is the maximum of its complete scores, never an average.</p>');
    // Loops, not `push(...lines)`: a spread of over ~120 000 items overflows the stack, and a
    // big model (a 1 MB file of small agents) or a broken one has that many lines.
    for (const file of files) for (const line of fileSection(file)) body.push(line);
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${(options.contentSecurityPolicy ?? REPORT_CSP).replace(/"/g, '&quot;')}">`,
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${h(`Threat model review: ${files.map((file) => file.path).join(', ')}`)}</title>`,
        `<style>${options.style ?? REPORT_STYLE}</style>`,
        '</head>',
        '<body>',
        ...body,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

function fileSection(file: ReportFile): string[] {
    const out = [`<h2>${h(file.path)}</h2>`];
    const agents = agentViews(file.score?.agents ?? []);
    if (agents.length === 0) out.push('<p>No agents.</p>');
    if (agents.length > 0) {
        out.push('<table><thead><tr><th>Agent</th><th>AIVSS</th><th>Severity</th><th>From</th><th>Factor sum</th><th>Layers covered</th></tr></thead><tbody>');
        for (const agent of agents) {
            const covered = agent.layers.filter((layer) => layer.status !== 'missing').length;
            out.push(`<tr><td>${agentLabel(agent)}</td><td class="num">${agent.score ?? 'incomplete'}</td>${severityCell(agent.severity)}`
                + `<td>${h(agent.headlineFrom ?? '—')}</td><td class="num">${agent.factorSum ?? 'invalid'}</td><td class="num">${covered}/7</td></tr>`);
        }
        out.push('</tbody></table>');
    }
    for (const agent of agents) for (const line of agentSection(agent)) out.push(line);
    for (const line of diagnosticsSection(file.diagnostics)) out.push(line);
    return out;
}

function agentLabel(agent: AgentView): string {
    return agent.title ? `${h(agent.title)} (${h(agent.name)})` : h(agent.name);
}

function severityCell(severity: string | undefined): string {
    return severity ? `<td class="sev-${severity}">${severity}</td>` : '<td>—</td>';
}

function agentSection(agent: AgentView): string[] {
    const out = ['<section class="agent">', `<h3>${agentLabel(agent)}</h3>`];
    out.push(agent.score
        ? `<p><strong>AIVSS ${agent.score} — ${agent.severity}</strong>, from ${h(agent.headlineFrom ?? '')} (AIVSS v${h(agent.version)}, rounding ${h(agent.rounding)})</p>`
        : `<p><strong>AIVSS incomplete</strong> — no score is complete; add a <code>cvss</code> to the agent or a threat (AIVSS v${h(agent.version)})</p>`);
    if (agent.summary) out.push(`<p>${h(agent.summary)}</p>`);
    const label = agent.title ?? agent.name;
    out.push('<div class="charts">', factorRadar(agent.factors, label), layerHeatMap(agent.layers, label), '</div>');
    out.push('<h4>Score breakdown</h4>');
    if (agent.formula.length > 0) {
        out.push(`<pre>${agent.formula.map(h).join('\n')}</pre>`);
        out.push('<table><thead><tr><th>Input</th><th>Value</th><th>Source</th></tr></thead><tbody>');
        for (const input of agent.inputs) out.push(`<tr><td>${h(input.name)}</td><td class="num">${h(input.value)}</td><td>${h(input.source)}</td></tr>`);
        out.push('</tbody></table>');
    } else {
        out.push('<p>No complete score to break down.</p>');
    }
    out.push(`<table><thead><tr><th>Factor</th><th>Value</th></tr></thead><tbody>`);
    for (const factor of agent.factors) {
        out.push(`<tr><td>${h(factor.key)}</td><td class="num">${factor.value === undefined ? '<span class="missing">missing</span>' : h(factor.value)}</td></tr>`);
    }
    out.push(`<tr><th>Sum</th><th class="num">${h(agent.factorSum ?? 'invalid')}</th></tr></tbody></table>`);
    if (agent.rationale) out.push(`<p>Rationale: ${h(agent.rationale)}</p>`);
    out.push('<h4>Layer coverage</h4>', '<table><thead><tr><th>Layer</th><th>Name</th><th>Status</th><th>Threats</th><th>Highest score</th></tr></thead><tbody>');
    for (const layer of agent.layers) {
        const status = layer.status === 'missing' ? '<span class="missing">missing</span>' : h(layer.status);
        const max = layer.max10 === undefined ? '—' : formatScaled(layer.max10, 1);
        out.push(`<tr><td>${h(layer.id)}</td><td>${h(layer.name)}</td><td>${status}</td><td class="num">${layer.threats}</td><td class="num">${max}</td></tr>`);
    }
    out.push('</tbody></table>');
    const notes = agent.layers.filter((layer) => layer.text);
    if (notes.length > 0) {
        out.push('<ul>', ...notes.map((layer) => `<li>${h(layer.id)}: ${h(layer.text!)}</li>`), '</ul>');
    }
    out.push('<h4>Threats</h4>');
    if (agent.threats.length === 0) {
        out.push('<p>No threats.</p>', '</section>');
        return out;
    }
    out.push('<table><thead><tr><th>Threat</th><th>Title</th><th>Layer</th><th>Catalog</th><th>AIVSS</th><th>Severity</th><th>Mitigations</th></tr></thead><tbody>');
    for (const threat of agent.threats) {
        const catalog = threat.catalog ? `${h(threat.catalog)}${threat.catalogName ? ` ${h(threat.catalogName)}` : ''}` : '—';
        const score = threat.score ?? `incomplete — ${h(threat.blockers.join(', '))}`;
        const mitigations = threat.mitigations.length > 0 ? threat.mitigations.map(h).join('<br>') : '—';
        out.push(`<tr><td>${h(threat.name)}</td><td>${h(threat.title ?? '—')}</td><td>${h(threat.layer)}</td><td>${catalog}</td>`
            + `<td class="num">${score}</td>${severityCell(threat.severity)}<td>${mitigations}</td></tr>`);
    }
    out.push('</tbody></table>', '</section>');
    return out;
}

function diagnosticsSection(diagnostics: readonly Diagnostic[]): string[] {
    if (diagnostics.length === 0) return [];
    const out = ['<h3>Diagnostics</h3>', '<ul>'];
    for (const diagnostic of diagnostics) {
        const { line, character } = diagnostic.range.start;
        const severity = SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error';
        const code = typeof diagnostic.code === 'string' ? ` ${h(diagnostic.code)}` : '';
        out.push(`<li>${line + 1}:${character + 1} ${severity}${code}: ${h(diagnosticMessage(diagnostic))}</li>`);
    }
    out.push('</ul>');
    return out;
}
