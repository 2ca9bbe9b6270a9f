/**
 * Ids the client shares with package.json (`contributes.languages`, `contributes.commands`);
 * test/manifest checks that the two agree. No `vscode` import, so tests can load it.
 */

/** The language id; also the prefix of settings such as `threat-model.trace.server`. */
export const LANGUAGE_ID = 'threat-model';

export const Commands = {
    restartServer: 'threatModel.restartServer',
    /** Declared in the manifest; registered by the AIVSS breakdown feature. */
    showBreakdown: 'threatModel.showBreakdown',
    /** Registered by the report features (import-card-command.ts, export-report-command.ts, report-preview.ts). */
    importCard: 'threatModel.importCard',
    exportReport: 'threatModel.exportReport',
    showReportPreview: 'threatModel.showReportPreview'
} as const;
