import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * What one document may report, so that a mangled or hostile file cannot flood the editor, the
 * CLI or a SARIF log:
 * - a message keeps at most `MAX_MESSAGE_LENGTH` characters: the parser quotes the token it
 *   did not expect, and rules quote names and words, any of which can be megabytes long;
 * - at most `MAX_SYNTAX_ERRORS` syntax errors are listed, then one more error says how many
 *   follow: megabytes of stray keywords made hundreds of thousands of them (50 MB of JSON from
 *   `atm check`), and beyond the first few they only echo the first.
 * Diagnostics of the other rules are not capped: they are bounded by the model's size.
 */
export const MAX_MESSAGE_LENGTH = 500;
export const MAX_SYNTAX_ERRORS = 1_000;

export function limitDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const result: Diagnostic[] = [];
    let syntaxErrors = 0;
    let firstUnlisted: Diagnostic | undefined;
    for (const diagnostic of diagnostics) {
        if (diagnostic.code === 'syntax-error' && ++syntaxErrors > MAX_SYNTAX_ERRORS) {
            firstUnlisted ??= diagnostic;
            continue;
        }
        result.push(shortened(diagnostic));
    }
    if (firstUnlisted) {
        const more = syntaxErrors - MAX_SYNTAX_ERRORS;
        result.push({
            ...firstUnlisted,
            message: `${more} more syntax error${more === 1 ? '' : 's'} from here on are not listed (at most ${MAX_SYNTAX_ERRORS} per file)`
        });
    }
    return result;
}

function shortened(diagnostic: Diagnostic): Diagnostic {
    const message = diagnostic.message;
    if (typeof message !== 'string' || message.length <= MAX_MESSAGE_LENGTH) {
        return diagnostic;
    }
    let cut = MAX_MESSAGE_LENGTH - 1;
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(message.charAt(cut - 1))) cut--;
    return { ...diagnostic, message: `${message.slice(0, cut)}…` };
}
