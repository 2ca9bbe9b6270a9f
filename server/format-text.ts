import type { LangiumCoreServices } from 'langium';
import { TextDocument, URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { FormattingOptions } from 'vscode-languageserver';
import { ThreatModelFormatter } from './threat-model-formatter.js';

/** A `.tm` text the formatter refuses: formatting a broken parse could garble it. */
export class UnformattableTextError extends Error {
    constructor(readonly problems: ReadonlyArray<{ line: number; column: number; message: string }>) {
        const first = problems[0];
        super(first ? `syntax error at ${first.line}:${first.column}: ${first.message}` : 'syntax error');
        this.name = 'UnformattableTextError';
    }
}

const DEFAULT_OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

/** A string literal or a comment (the grammar's terminals), else a line break between tokens. */
const LINE_BREAK_OR_LITERAL = /"[^"\\]*(?:\\.[^"\\]*)*"|\/\*[\s\S]*?\*\/|\/\/[^\n\r]*|\r?\n/g;

let counter = 0;

/**
 * Formats the text of a `.tm` document exactly as the editor's "Format Document" does, for
 * `atm fmt` and tests. Takes the core services (what the CLI loads) or the server's; the
 * document is parsed in memory and never added to the workspace, so repeated calls do not
 * leak. Keeps the text's line endings. Throws `UnformattableTextError` on lexer or parser
 * errors, because Langium's formatter leaves a broken document unchanged and the caller
 * should say so rather than report "already formatted".
 */
export async function formatModelText(
    services: LangiumCoreServices | LangiumServices,
    text: string,
    options: FormattingOptions = DEFAULT_OPTIONS
): Promise<string> {
    const uri = URI.parse(`memory:///format-${++counter}.tm`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    const { lexerErrors, parserErrors } = document.parseResult;
    const problems = [
        ...lexerErrors.map((e) => ({ line: e.line ?? 0, column: e.column ?? 0, message: e.message })),
        ...parserErrors.map((e) => ({ line: e.token.startLine ?? 0, column: e.token.startColumn ?? 0, message: e.message }))
    ];
    if (problems.length > 0) {
        throw new UnformattableTextError(problems);
    }
    const formatter = ('lsp' in services ? services.lsp.Formatter : undefined) ?? new ThreatModelFormatter();
    const edits = await formatter.formatDocument(document, { textDocument: { uri: uri.toString() }, options });
    const formatted = TextDocument.applyEdits(document.textDocument, edits);
    // The formatter writes '\n'; a CRLF file stays CRLF. Only the line breaks between tokens
    // are converted: one inside a string literal is part of its value, one inside a comment the
    // author's.
    return text.includes('\r\n') ? formatted.replace(LINE_BREAK_OR_LITERAL, (match) => (match.endsWith('\n') ? '\r\n' : match)) : formatted;
}
