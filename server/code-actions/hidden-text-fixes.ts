import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { FixContext } from './code-action-support.js';
import { quickFix } from './code-action-support.js';

const WHAT: Readonly<Record<string, { one: string; many: string }>> = {
    'bidi-control': { one: 'bidirectional control character', many: 'bidirectional control characters' },
    'invisible-character': { one: 'invisible character', many: 'invisible characters' }
};

/**
 * `bidi-control` / `invisible-character`: remove this character (preferred: it has no business
 * in a threat model), and, when the file holds more of the same kind, all of them at once.
 */
export function hiddenCharacterFixes(context: FixContext): CodeAction[] {
    const code = String(context.data['code']);
    const what = WHAT[code];
    if (!what) return [];
    const character = typeof context.data['character'] === 'string' ? ` ${context.data['character']}` : '';
    const actions = [quickFix(`Remove the ${what.one}${character}`, context, [{ range: context.diagnostic.range, newText: '' }], true)];
    const all = (context.document.diagnostics ?? []).filter((diagnostic) => codeOf(diagnostic) === code);
    if (all.length > 1) {
        const edits = all.map((diagnostic) => ({ range: diagnostic.range, newText: '' }));
        actions.push(quickFix(`Remove all ${all.length} ${what.many} in this file`, context, edits));
    }
    return actions;
}

function codeOf(diagnostic: Diagnostic): unknown {
    return (diagnostic.data as { code?: unknown } | undefined)?.code;
}
