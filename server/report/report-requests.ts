/**
 * Serves `threatModel/importCard`, `threatModel/exportReport` and `threatModel/reportPreview`.
 * Models are read from the documents the server holds, between builds (under the workspace
 * lock), so a report never mixes an edit's new text with the previous build's scores.
 */
import type { DocumentValidator, LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, RequestType } from 'vscode-languageserver';
import type { AtmConfigProvider } from '../../language/config/atm-config-provider.js';
import { renderExport } from '../../language/report/export-report.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type {
    ExportReportParams,
    ExportReportResult,
    ImportCardParams,
    ImportCardResult,
    ReportFormat,
    ReportPreviewParams,
    ReportPreviewResult
} from '../report-protocol.js';
import { EXPORT_REPORT_REQUEST, IMPORT_CARD_REQUEST, REPORT_FORMATS, REPORT_PREVIEW_REQUEST } from '../report-protocol.js';
import { importCard } from './card-import.js';
import type { ReportInputs } from './model-report.js';
import { documentName, modelReportFile } from './model-report.js';
import { TOOL_HOME, TOOL_VERSION } from './tool-info.js';
import { renderWebviewReport } from './webview-report.js';

const importCardRequest = new RequestType<ImportCardParams, ImportCardResult, void>(IMPORT_CARD_REQUEST);
const exportReportRequest = new RequestType<ExportReportParams, ExportReportResult, void>(EXPORT_REPORT_REQUEST);
const reportPreviewRequest = new RequestType<ReportPreviewParams, ReportPreviewResult | null, void>(REPORT_PREVIEW_REQUEST);

export interface ReportRequestServices {
    readonly shared: LangiumSharedServices;
    readonly scoring: { readonly ModelScorer: ModelScorer };
    readonly config: { readonly AtmConfig: AtmConfigProvider };
    readonly validation: { readonly DocumentValidator: DocumentValidator };
}

export class ReportRequestHandler {
    protected readonly shared: LangiumSharedServices;
    protected readonly scorer: ModelScorer;
    protected readonly config: AtmConfigProvider;
    protected readonly validator: DocumentValidator;

    constructor(services: ReportRequestServices) {
        this.shared = services.shared;
        this.scorer = services.scoring.ModelScorer;
        this.config = services.config.AtmConfig;
        this.validator = services.validation.DocumentValidator;
        const connection = services.shared.lsp.Connection;
        connection?.onRequest(importCardRequest, (params) => this.importCard(params));
        connection?.onRequest(exportReportRequest, (params) => this.exportReport(params));
        connection?.onRequest(reportPreviewRequest, (params) => this.preview(params));
    }

    importCard(params: ImportCardParams): ImportCardResult {
        return importCard(params ?? { text: '' });
    }

    async exportReport(params: ExportReportParams): Promise<ExportReportResult> {
        const format = params?.format;
        if (!REPORT_FORMATS.some((choice) => choice.format === format)) {
            return { ok: false, message: `unknown report format '${String(format)}': one of ${REPORT_FORMATS.map((c) => c.format).join(', ')}` };
        }
        const result = await this.withDocument(params.uri, async (document) => {
            const report = await modelReportFile(document, this.inputs());
            const { minSeverity } = this.config.get().export;
            const exported = renderExport(format as ReportFormat, report, {
                toolVersion: TOOL_VERSION,
                informationUri: TOOL_HOME,
                ...(minSeverity ? { minSeverity } : {})
            });
            if (!exported.ok) return { ok: false, message: `${report.path}: ${exported.message}` } as const;
            const errors = report.diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error).length;
            return {
                ok: true,
                text: exported.text,
                dropped: exported.losses.flatMap(({ agent, dropped }) => dropped.map((line) => `${agent}: ${line}`)),
                notes: exported.losses.flatMap(({ agent, notes }) => notes.map((line) => `${agent}: ${line}`)),
                errors
            } as const;
        });
        return result ?? { ok: false, message: `not a model the language server knows: ${String(params.uri)}` };
    }

    async preview(params: ReportPreviewParams): Promise<ReportPreviewResult | null> {
        return this.withDocument(params?.uri, async (document) => {
            const report = await modelReportFile(document, this.inputs());
            return { title: `Report: ${documentName(document)}`, html: renderWebviewReport(report) };
        });
    }

    /**
     * Runs `action` on the document once it is linked, between builds (so its scores and
     * diagnostics belong to one text); null for a document the server does not hold.
     */
    protected async withDocument<T>(uri: unknown, action: (document: LangiumDocument) => Promise<T>): Promise<T | null> {
        if (typeof uri !== 'string') return null;
        const parsed = URI.parse(uri);
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        if (!workspace.LangiumDocuments.hasDocument(parsed)) return null;
        // Rejected when the document was reset by an edit whose build has not started yet:
        // the read below is queued behind that build.
        await workspace.DocumentBuilder.waitUntil(DocumentState.Linked, parsed).catch(() => undefined);
        return workspace.WorkspaceLock.read(async () => {
            const document = workspace.LangiumDocuments.getDocument(parsed);
            if (!document) return null;
            if (document.state < DocumentState.Linked) throw new Error(`${uri} is not analysed yet; try again in a moment`);
            return action(document);
        });
    }

    protected inputs(): ReportInputs {
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        return { scorer: this.scorer, validator: this.validator, folders: folders.map((folder) => folder.uri) };
    }
}
