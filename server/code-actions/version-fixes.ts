import { AstUtils } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';
import { isAivssHeader } from '../../language/generated/ast.js';
import type { FixContext } from './code-action-support.js';
import { propertyNode, quickFix, replaceNode } from './code-action-support.js';
import { insertBefore } from './member-insertion.js';

const VERSIONS = [
    { version: '0.8', what: 'current', zeros: /^0\.80*$/ },
    { version: '0.5', what: 'legacy', zeros: /^0\.50*$/ }
] as const;

/**
 * `unknown-aivss-version`: either formula this engine implements. One is preferred only when
 * the written version is that number with trailing zeros (`0.80`); `0.6` could mean either.
 */
export function unknownVersionFixes(context: FixContext): CodeAction[] {
    const header = context.node && isAivssHeader(context.node) ? context.node : undefined;
    const token = header ? propertyNode(header, 'version') : undefined;
    if (!token) return [];
    return VERSIONS.map(({ version, what, zeros }) =>
        quickFix(`Change to aivss ${version} (${what})`, context, [replaceNode(token, version)], zeros.test(token.text)));
}

/**
 * `cvss-version-mismatch`: AIVSS v0.8 takes only CVSS 4.0, and a 3.1 vector has no exact 4.0
 * translation (scope, user interaction and the subsequent-system impacts are modelled
 * differently), so the one exact fix is the one the message names: score the file with the
 * legacy v0.5 formula, which accepts 3.1. It rescores every agent of the file, so it is never
 * preferred; rewriting the vector in 4.0 is left to the user, with the vector's completion.
 */
export function cvssVersionFixes(context: FixContext): CodeAction[] {
    const node = context.node;
    if (!node) return [];
    const model = AstUtils.findRootNode(node) as Model;
    const edit = legacyHeaderEdit(context, model);
    return edit ? [quickFix('Score this file with the legacy AIVSS 0.5 formula, which takes CVSS 3.1 (rescores every agent)', context, [edit])] : [];
}

function legacyHeaderEdit(context: FixContext, model: Model): TextEdit | undefined {
    const token = model.header ? propertyNode(model.header, 'version') : undefined;
    if (token) return replaceNode(token, '0.5');
    const first = model.agents[0];
    // The header goes where it is written in the examples: above the first agent (and the
    // comment lines that document it), a blank line between.
    return first ? insertBefore(context.document, first, 'aivss 0.5\n', '') : undefined;
}
