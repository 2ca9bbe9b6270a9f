/**
 * The `threatModel/breakdown` request: the full AIVSS breakdown of an agent or a threat as
 * Markdown. Dependency-free on purpose: the client imports these declarations too, so the
 * two sides cannot disagree on names or shapes.
 */

/** The client command a code lens runs; arguments: document URI, agent name[, threat name]. */
export const SHOW_BREAKDOWN_COMMAND = 'threatModel.showBreakdown';

export const BREAKDOWN_REQUEST = 'threatModel/breakdown';

export interface BreakdownParams {
    /** The `.tm` document. */
    readonly uri: string;
    /** The agent by name; without it, the agent at `position`, else the file's first agent. */
    readonly agent?: string;
    /** A threat of that agent by name; without it (and without a threat at `position`), the agent's page. */
    readonly threat?: string;
    /** The cursor (0-based line and character), for the command run from the palette. */
    readonly position?: { readonly line: number; readonly character: number };
}

export interface BreakdownResult {
    /** `Wan22S2V` or `Wan22S2V.UploadParsing`: a short title for the preview tab. */
    readonly title: string;
    /** The agent shown (resolved from the cursor when the request named none). */
    readonly agent: string;
    /** The threat shown, if the page is a threat's. */
    readonly threat?: string;
    readonly markdown: string;
}
