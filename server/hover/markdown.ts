/**
 * Markdown building blocks for hovers and the breakdown page. Every string a model supplies
 * (titles, summaries, rationales, vectors, even names) goes through `text` or `code`, so a
 * model can never inject markup, links or table structure into the editor.
 */
import { escapeMarkdown } from '../../language/report/escape.js';

/** Model text as inline Markdown. */
export function text(value: string): string {
    return escapeMarkdown(value);
}

/**
 * Model text as an inline code span when it is a plain token (names, ids, vectors), else as
 * escaped text: a code span cannot escape a backtick, so anything unusual is not put in one.
 */
export function code(value: string): string {
    return /^[\w.:/+-]+$/.test(value) ? `\`${value}\`` : escapeMarkdown(value);
}

/** A quoted title, or nothing. */
export function quoted(title: string | undefined): string {
    return title ? ` — “${escapeMarkdown(title)}”` : '';
}

/** A table; cells must already be Markdown (escaped). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Engine-generated lines (formulas) in a fenced block; they contain digits and operators only. */
export function codeBlock(lines: readonly string[]): string {
    return ['```text', ...lines, '```'].join('\n');
}

export function bullets(items: readonly string[]): string {
    return items.map((item) => `- ${item}`).join('\n');
}

/** Blocks separated by blank lines; empty ones are dropped. */
export function blocks(...parts: ReadonlyArray<string | undefined | false>): string {
    return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}
