/**
 * The preview's own pages (no model open, the server unavailable): a message under the
 * strictest policy, everything escaped. The report itself comes from the server. No `vscode`
 * import, so tests can load it.
 */

/** Nothing may load or run: not even a stylesheet. */
export const MESSAGE_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'";

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function messagePage(title: string, message: string): string {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${MESSAGE_PAGE_CSP}">`,
        `<title>${escapeHtml(title)}</title>`,
        '</head>',
        '<body>',
        `<h1>${escapeHtml(title)}</h1>`,
        `<p>${escapeHtml(message)}</p>`,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
