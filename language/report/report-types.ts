import type { Diagnostic } from 'vscode-languageserver-types';
import type { ModelScore } from '../scoring/score-types.js';

/**
 * What every report takes: one scored file with its diagnostics. The report functions are pure
 * (this in, a string out); reading files and building documents is the caller's business.
 */
export interface ReportFile {
    /** The path as users should see it; SARIF uses it as the artifact URI (relative, `/`-separated). */
    readonly path: string;
    /** Undefined when the file could not be parsed at all (too large to read). */
    readonly score: ModelScore | undefined;
    /** LSP diagnostics (0-based ranges) with our stable string codes. */
    readonly diagnostics: readonly Diagnostic[];
    /** The document text, for SARIF snippets and fingerprints; optional. */
    readonly text?: string;
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup content). */
export function diagnosticMessage(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/**
 * A name as printed. After a syntax error the parser's recovery can leave a node without its
 * name although the AST type says `string`; reports must not crash on such a model.
 */
export function nameOf(name: string | undefined): string {
    return typeof name === 'string' && name.length > 0 ? name : '(unnamed)';
}
