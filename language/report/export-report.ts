/**
 * One scored model in one export format: what `atm export` writes and what the editor's
 * "Export report…" saves, from the same code so the two never differ. Pure: a ReportFile in,
 * text out; where the text goes is the caller's business.
 */
import type { Severity } from '../aivss/aivss-types.js';
import { exportCard } from '../card/card-export.js';
import type { ExportFormat } from '../config/atm-config.js';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import type { ReportFile } from './report-types.js';
import { nameOf } from './report-types.js';
import { renderSarif } from './sarif-report.js';
import { renderScoreJson } from './score-json.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['card', 'markdown', 'html', 'json', 'sarif'];

export interface ExportOptions {
    /** The SARIF tool description. */
    readonly toolVersion: string;
    readonly informationUri: string;
    /** The lowest band the SARIF export reports as a scored-threat result. */
    readonly minSeverity?: Severity;
}

/** What a card export left out of one agent's card, and what it had to make up. */
export interface CardLosses {
    readonly agent: string;
    /** What the agent says that a card cannot carry, as the card exporter words it. */
    readonly dropped: readonly string[];
    /** What the card shows that the agent does not say. */
    readonly notes: readonly string[];
}

export type ExportResult =
    | {
        readonly ok: true;
        readonly text: string;
        /** Card only: one entry per agent, in order (a printer strips control characters for its medium). */
        readonly losses: readonly CardLosses[];
    }
    | { readonly ok: false; readonly message: string };

export function renderExport(format: ExportFormat, report: ReportFile, options: ExportOptions): ExportResult {
    switch (format) {
        case 'card': return cardExport(report);
        case 'json': return textOnly(renderScoreJson([report]));
        case 'markdown': return textOnly(renderMarkdownReport([report]));
        case 'html': return textOnly(renderHtmlReport([report]));
        case 'sarif': {
            const { toolVersion, informationUri, minSeverity } = options;
            return textOnly(renderSarif([report], { toolVersion, informationUri, ...(minSeverity ? { minSeverity } : {}) }));
        }
    }
}

function textOnly(text: string): ExportResult {
    return { ok: true, text, losses: [] };
}

/** One card per agent, separated by a `---` line. */
function cardExport(report: ReportFile): ExportResult {
    const agents = report.score?.agents ?? [];
    if (agents.length === 0) return { ok: false, message: 'no agent to export as a card' };
    const cards: string[] = [];
    const losses: CardLosses[] = [];
    for (const { agent } of agents) {
        const card = exportCard(agent);
        losses.push({ agent: nameOf(agent.name), dropped: card.dropped, notes: card.notes });
        cards.push(card.text.endsWith('\n') ? card.text : `${card.text}\n`);
    }
    return { ok: true, text: cards.join('---\n'), losses };
}
