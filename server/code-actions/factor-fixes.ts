import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { FactorKeySet } from '../../language/aivss/factor-keys.js';
import { FACTOR_KEYS, renameToV05, renameToV08 } from '../../language/aivss/factor-keys.js';
import type { Agent, FactorBlock, FactorEntry, Model } from '../../language/generated/ast.js';
import { isAgent, isFactorBlock, isFactorEntry } from '../../language/generated/ast.js';
import type { FixContext } from './code-action-support.js';
import { dataString, dataStrings, deleteNode, quickFix } from './code-action-support.js';
import { entryTokens, gapFor, isAligned, rekeyEdits, valueColumn } from './factor-layout.js';
import { agentMembers, insertAfter, insertAtEnd, insertAtStart, insertBefore, memberIndent } from './member-insertion.js';

/** `missing-factor`: the missing keys at 0.0 in the block, or a whole block for an agent without one. */
export function missingFactorFixes(context: FixContext): CodeAction[] {
    const missing = dataStrings(context, 'missing').filter((key) => FACTOR_KEYS.has(key));
    if (missing.length === 0 || !context.node) return [];
    const set = dataString(context, 'set');
    if (isAgent(context.node)) {
        const edit = newFactorBlock(context.document, context.node, missing);
        return edit ? [quickFix(`Add a factors block with the ${missing.length} factors at 0.0`, context, [edit], true)] : [];
    }
    if (!isFactorBlock(context.node)) return [];
    const edits = missingEntries(context.document, context.node, missing);
    const what = missing.length === 1 ? `factor ${missing[0]}` : `${missing.length} missing${set ? ` ${set}` : ''} factors`;
    return edits.length > 0 ? [quickFix(`Add ${what} at 0.0`, context, edits, true)] : [];
}

/** The entries for `keys`, one per line below the block's last entry, lined up like the block. */
function missingEntries(document: LangiumDocument, block: FactorBlock, keys: readonly string[]): TextEdit[] {
    const aligned = block.entries.length === 0 || isAligned(block);
    const column = valueColumn([...block.entries.map((entry) => entry.key), ...keys]);
    const lines = keys.map((key) => `${key}${gapFor(key, column, aligned)}0.0`).join('\n');
    const indent = memberIndent(document, block, [...block.entries, ...block.rationales]);
    const last = block.entries[block.entries.length - 1];
    const firstRationale = block.rationales[0];
    const insertion = last
        ? insertAfter(document, last, lines, indent)
        : firstRationale
          ? insertBefore(document, firstRationale, lines, indent)
          : insertAtEnd(document, block, lines, indent);
    if (!insertion) return [];
    return [...(aligned ? rekeyEdits(block, new Map(), keys) : []), insertion];
}

/** `factors { … }` with `keys` at 0.0, after the agent's summary or first in it. */
function newFactorBlock(document: LangiumDocument, agent: Agent, keys: readonly string[]): TextEdit | undefined {
    const column = valueColumn(keys);
    const block = ['factors {', ...keys.map((key) => `    ${key}${gapFor(key, column, true)}0.0`), '}'].join('\n');
    const indent = memberIndent(document, agent, agentMembers(agent));
    const summary = agent.summaries[agent.summaries.length - 1];
    return summary ? insertAfter(document, summary, block, indent) : insertAtStart(document, agent, block, indent);
}

/** `unknown-factor`: the suggested key, keeping the block aligned. */
export function unknownFactorFixes(context: FixContext): CodeAction[] {
    const entry = context.node && isFactorEntry(context.node) ? context.node : undefined;
    const suggestion = dataString(context, 'suggestion');
    if (!entry || !suggestion || !FACTOR_KEYS.has(suggestion)) return [];
    const edits = rekeyEdits(entry.$container, new Map([[entry, suggestion]]), []);
    return [quickFix(`Change to '${suggestion}' (${FACTOR_KEYS.get(suggestion)!.name})`, context, edits, true)];
}

/**
 * `duplicate-factor`: the repeat goes (preferred: only the first counts, so the score stays);
 * when the two say different things, the earlier one can go instead, so this value counts.
 * The block's values move to the column its remaining keys need.
 */
export function duplicateFactorFixes(context: FixContext): CodeAction[] {
    const entry = context.node && isFactorEntry(context.node) ? context.node : undefined;
    const concept = entry ? FACTOR_KEYS.get(entry.key)?.concept : undefined;
    if (!entry || !concept) return [];
    const block = entry.$container;
    const first = block.entries.find((other) => FACTOR_KEYS.get(other.key)?.concept === concept);
    if (!first || first === entry) return [];
    const without = (removed: FactorEntry): TextEdit[] => {
        const edit = deleteNode(context.document, removed);
        if (!edit) return [];
        // Realigning reads every entry's tokens; a block of 150 000 repeats brings 100 of these
        // diagnostics per request, so do it only when the removed key alone set the column.
        return columnDependsOn(block, removed) ? [...rekeyEdits(block, new Map(), [], removed), edit] : [edit];
    };
    const actions: CodeAction[] = [];
    const repeat = without(entry);
    if (repeat.length > 0) actions.push(quickFix(`Remove the repeated '${entry.key} ${entry.value}' (the first one counts)`, context, repeat, true));
    const earlier = without(first);
    if (earlier.length > 0 && (first.key !== entry.key || first.value !== entry.value)) {
        actions.push(quickFix(`Remove the earlier '${first.key} ${first.value}' so that this one counts`, context, earlier));
    }
    return actions;
}

/** True when `entry` has the block's longest key and no other entry's key is as long. */
function columnDependsOn(block: FactorBlock, entry: FactorEntry): boolean {
    const length = (entry.key ?? '').length;
    for (const other of block.entries) {
        if (other !== entry && (other.key ?? '').length >= length) return false;
    }
    return true;
}

/** The renames of a block to one key set: only the four renamed concepts move. */
function renames(block: FactorBlock, target: FactorKeySet): Map<FactorEntry, string> {
    const rename = target === 'v0.8' ? renameToV08 : renameToV05;
    const result = new Map<FactorEntry, string>();
    for (const entry of block.entries) {
        const renamed = rename(entry.key);
        if (renamed !== undefined) result.set(entry, renamed);
    }
    return result;
}

/**
 * Rewrites a block's keys to one version's names. Goal-Driven Planning and Natural Language
 * Interface are different concepts, never renamed into each other, so a block holding one of
 * them keeps it (and stays mixed if it holds both).
 */
function renameAction(document: LangiumDocument, block: FactorBlock, target: FactorKeySet, diagnostic: Diagnostic | undefined): CodeAction | undefined {
    const map = renames(block, target);
    if (map.size === 0) return undefined;
    const edits = rekeyEdits(block, map, []);
    const title = `Rename factors to AIVSS ${target} names`;
    if (diagnostic) return quickFix(title, { document, diagnostic }, edits);
    return { title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [document.textDocument.uri]: edits } } };
}

/** `mixed-factor-versions`: rename to either set; neither is the obvious choice. */
export function mixedFactorVersionFixes(context: FixContext): CodeAction[] {
    const block = context.node && isFactorBlock(context.node) ? context.node : undefined;
    if (!block) return [];
    return (['v0.8', 'v0.5'] as const)
        .map((target) => renameAction(context.document, block, target, context.diagnostic))
        .filter((action): action is CodeAction => action !== undefined);
}

/**
 * Without a diagnostic (a block in one set is valid either way), the rename is a refactoring,
 * offered when the range touches a key that has a counterpart in the other version.
 */
export function factorRenameRefactors(document: LangiumDocument, range: Range): CodeAction[] {
    const model = document.parseResult.value as Model;
    const start = document.textDocument.offsetAt(range.start);
    const end = document.textDocument.offsetAt(range.end);
    for (const block of model.agents.flatMap((agent) => agent.factorBlocks)) {
        const touched = block.entries.find((entry) => {
            const key = entryTokens(entry)?.key;
            return key !== undefined && key.offset <= end && start <= key.end && (renameToV08(entry.key) ?? renameToV05(entry.key)) !== undefined;
        });
        if (!touched) continue;
        const target: FactorKeySet = renameToV08(touched.key) !== undefined ? 'v0.8' : 'v0.5';
        const action = renameAction(document, block, target, undefined);
        return action ? [action] : [];
    }
    return [];
}
