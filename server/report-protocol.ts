/**
 * The report requests: import a threat-model card, export a model in a report format, and the
 * HTML of the live report preview. Dependency-free on purpose: the client imports these
 * declarations too, so the two sides cannot disagree on names or shapes.
 *
 * The server reads no file for any of them: the client sends a card's text, and models are
 * the documents the server already holds (open editors and the workspace it indexed).
 */

export const IMPORT_CARD_REQUEST = 'threatModel/importCard';
export const EXPORT_REPORT_REQUEST = 'threatModel/exportReport';
export const REPORT_PREVIEW_REQUEST = 'threatModel/reportPreview';

/** Cards are a few kilobytes; anything far larger is not a card and is not parsed. */
export const MAX_CARD_LENGTH = 1024 * 1024;

export interface ImportCardParams {
    /** The card's text, as the client read it (UTF-8, BOM stripped or not). */
    readonly text: string;
    /** The card's file name, for the generated model's header comment. */
    readonly source?: string;
}

/** 1-based, counting the lines of the text as sent. */
export interface CardError {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type ImportCardResult =
    | {
        readonly ok: true;
        /** The generated `.tm` source. */
        readonly tm: string;
        /** The agent's name as the card gives it (`WAN 2.2-S2V`). */
        readonly name: string;
        readonly errors: readonly [];
    }
    | { readonly ok: false; readonly errors: readonly CardError[] };

export type ReportFormat = 'card' | 'markdown' | 'html' | 'json' | 'sarif';

/** The formats in the order a picker offers them, with the file name ending each is saved under. */
export const REPORT_FORMATS: ReadonlyArray<{ readonly format: ReportFormat; readonly label: string; readonly extension: string; readonly detail: string }> = [
    { format: 'html', label: 'HTML report', extension: '.html', detail: 'One self-contained page: scores, breakdowns, factor radar, layer heat map' },
    { format: 'markdown', label: 'Markdown report', extension: '.md', detail: 'The same review as Markdown, for a pull request or a wiki' },
    { format: 'json', label: 'AIVSS scores (JSON)', extension: '.json', detail: 'Every agent and threat score with its inputs, machine-readable' },
    { format: 'sarif', label: 'SARIF', extension: '.sarif', detail: 'Diagnostics and scored threats for code-scanning tools' },
    { format: 'card', label: 'Threat-model card', extension: '.card.txt', detail: 'The plain AgentReady card, one per agent (a card carries less than a model)' }
];

export interface ExportReportParams {
    /** The `.tm` document. */
    readonly uri: string;
    readonly format: ReportFormat;
}

export type ExportReportResult =
    | {
        readonly ok: true;
        readonly text: string;
        /** Card: what the model says that a card cannot carry (`Agent: …`, one line each). */
        readonly dropped: readonly string[];
        /** Card: what the card shows that the model does not say. */
        readonly notes: readonly string[];
        /** Errors in the model; the report is produced anyway, and lists them. */
        readonly errors: number;
    }
    | { readonly ok: false; readonly message: string };

export interface ReportPreviewParams {
    /** The `.tm` document. */
    readonly uri: string;
}

export interface ReportPreviewResult {
    /** `Report: wan-2.2-s2v.tm`, for the panel's tab. */
    readonly title: string;
    /**
     * The HTML report for a webview: every model string escaped, no script, and a policy that
     * allows nothing but its one stylesheet (pinned by hash).
     */
    readonly html: string;
}
