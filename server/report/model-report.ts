/**
 * A document the server holds, as the input of the report functions: its score, its
 * diagnostics, its text, and a path as a user reads it (relative to the workspace folder).
 */
import type { LangiumDocument } from 'langium';
import { DocumentState, URI, UriUtils } from 'langium';
import type { DocumentValidator } from 'langium';
import type { ReportFile } from '../../language/report/report-types.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';

export interface ReportInputs {
    readonly scorer: ModelScorer;
    readonly validator: DocumentValidator;
    /** Workspace folder URIs, first match wins. */
    readonly folders: readonly string[];
}

export async function modelReportFile(document: LangiumDocument, inputs: ReportInputs): Promise<ReportFile> {
    return {
        path: reportPath(document, inputs.folders),
        score: inputs.scorer.scoreDocument(document),
        diagnostics: await diagnosticsOf(document, inputs.validator),
        text: document.textDocument.getText()
    };
}

/**
 * Open documents are validated on every change. Workspace files nobody opened are only
 * linked (Langium validates what the editor shows), so their report validates them here,
 * the way `atm export` would.
 */
async function diagnosticsOf(document: LangiumDocument, validator: DocumentValidator) {
    if (document.state >= DocumentState.Validated && document.diagnostics) return document.diagnostics;
    return validator.validateDocument(document);
}

/** `models/agent.tm` inside a workspace folder; the file name outside any (or unsaved). */
export function reportPath(document: LangiumDocument, folders: readonly string[]): string {
    const uri = document.uri;
    for (const folder of folders) {
        const root = URI.parse(folder);
        const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
        if (uri.scheme === root.scheme && uri.authority === root.authority && uri.path.startsWith(prefix)) {
            return uri.path.slice(prefix.length);
        }
    }
    return documentName(document);
}

/** The file name of the document: `agent.tm`, `Untitled-1`. */
export function documentName(document: LangiumDocument): string {
    return UriUtils.basename(document.uri) || document.uri.toString();
}
