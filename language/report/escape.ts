/**
 * Escaping for every string a model supplies. Titles, summaries, rationales and layer text are
 * free text written by whoever wrote the model (or the card it was imported from), so a report
 * must never let them become markup, links, scripts or table structure.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '\'': '&#39;'
};

/** Text for HTML or SVG element content and quoted attribute values. */
export function escapeHtml(text: string): string {
    return stripControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Inline Markdown text. `&`, `<` and `>` become entities, so `<script>` or an autolink
 * `<javascript:…>` is text in every renderer. The characters that make inline structure are
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped): brackets (so `](…)`
 * never closes a link), emphasis, code, table pipes, strikethrough, math. Line breaks become
 * spaces and a leading block marker (`#`, `-`, `+`, `=`, `1.`) is escaped: a model string can
 * never start a block of its own.
 */
export function escapeMarkdown(text: string): string {
    return stripControls(text)
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .trim()
        .replace(/[\\`*_[\]|~!$]/g, '\\$&')
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!);
}

/** Control characters (other than line breaks and tabs) have no business in a report. */
function stripControls(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}
