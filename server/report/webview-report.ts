/**
 * The HTML report as the preview webview shows it. The page is the exported HTML report (every
 * model string escaped by its renderer) under a stricter policy than the file's: nothing is
 * allowed but its one stylesheet, pinned by its SHA-256, so neither a script nor an injected
 * `<style>` or `style=""` could ever apply, even if escaping failed.
 */
import { createHash } from 'node:crypto';
import { renderHtmlReport, REPORT_STYLE } from '../../language/report/html-report.js';
import type { ReportFile } from '../../language/report/report-types.js';

/**
 * The report is a white page in every theme: its severity colours and text are chosen for
 * white, and a webview otherwise shows the editor's (possibly dark) background through it.
 */
export const WEBVIEW_STYLE = `${REPORT_STYLE}
html,body{background:#fff;color:#222}`;

/** `sha256-…` of the stylesheet, as CSP source expressions spell a hash. */
export function styleHash(style: string): string {
    return `sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}`;
}

export const WEBVIEW_CSP = `default-src 'none'; style-src '${styleHash(WEBVIEW_STYLE)}'; base-uri 'none'; form-action 'none'`;

export function renderWebviewReport(report: ReportFile): string {
    return renderHtmlReport([report], { contentSecurityPolicy: WEBVIEW_CSP, style: WEBVIEW_STYLE });
}
