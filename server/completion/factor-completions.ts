import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, InsertTextMode } from 'vscode-languageserver';
import type { AivssVersion } from '../../language/aivss/aivss-types.js';
import type { FactorKeySet } from '../../language/aivss/factor-keys.js';
import { FACTOR_CONCEPTS, FACTOR_KEYS, factorKeysOf, resolveKeySet } from '../../language/aivss/factor-keys.js';
import type { FactorBlock, FactorEntry } from '../../language/generated/ast.js';
import { gapFor, isAligned, rekeyEdits, valueColumn } from '../code-actions/factor-layout.js';

/** What the factor completions need to know about the position. */
export interface FactorSite {
    /** The block the cursor is in; undefined while it does not parse yet. */
    readonly block: FactorBlock | undefined;
    /** The entry whose key is being typed (excluded from "present"). */
    readonly editing: FactorEntry | undefined;
    readonly version: AivssVersion;
    /** The indentation of a new line of entries. */
    readonly indent: string;
    /** True when a value already follows the key being typed: then only the key is inserted. */
    readonly valueFollows: boolean;
    /** True when the cursor's line holds nothing before the key: a multi-line insert may start here. */
    readonly atLineStart: boolean;
}

/**
 * The keys a `factors` block may still take: those of its key set (spec/aivss.md) that are
 * absent, in the set's order; while the block's keys do not yet pin a set, the other set's
 * version-only keys follow. A concept that is present is never proposed again.
 */
export function factorKeyItems(site: FactorSite): CompletionItem[] {
    const others = (site.block?.entries ?? []).filter((entry) => entry !== site.editing);
    const present = new Set(others.map((entry) => FACTOR_KEYS.get(entry.key)?.concept).filter((concept) => concept !== undefined));
    const keys = others.map((entry) => entry.key);
    const { set, pinned } = keySetOf(keys, site.version);
    const missing = factorKeysOf(set).filter((key) => !present.has(FACTOR_KEYS.get(key)!.concept));
    const otherSet: FactorKeySet = set === 'v0.8' ? 'v0.5' : 'v0.8';
    const alternatives = pinned
        ? []
        : factorKeysOf(otherSet).filter((key) => FACTOR_KEYS.get(key)!.membership !== 'shared' && !present.has(FACTOR_KEYS.get(key)!.concept));
    const aligned = site.block ? isAligned(site.block) : true;
    const item = (key: string, sortText: string): CompletionItem => {
        const column = valueColumn([...keys, key]);
        const realign = site.block && aligned ? rekeyEdits(site.block, new Map(), [key], site.editing) : [];
        return {
            label: key,
            kind: CompletionItemKind.Property,
            detail: FACTOR_KEYS.get(key)!.name,
            documentation: factorDocumentation(key),
            insertText: site.valueFollows ? key : `${key}${gapFor(key, column, aligned)}\${1:0.0}`,
            insertTextFormat: site.valueFollows ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
            additionalTextEdits: realign.length > 0 ? realign : undefined,
            sortText
        };
    };
    const items = [
        ...missing.map((key, index) => item(key, `01${String(index).padStart(2, '0')}`)),
        ...alternatives.map((key, index) => item(key, `02${String(index).padStart(2, '0')}`))
    ];
    if (missing.length > 1 && site.atLineStart && !site.valueFollows) {
        items.push(allMissingItem(site, keys, missing, set, aligned));
    }
    return items;
}

/** The set a block's keys pin (a version-only key), or the model's version when they pin none. */
function keySetOf(keys: readonly string[], version: AivssVersion): { set: FactorKeySet; pinned: boolean } {
    const pinned = keys.some((key) => {
        const membership = FACTOR_KEYS.get(key)?.membership;
        return membership === 'v0.5' || membership === 'v0.8';
    });
    return { set: resolveKeySet(keys, version).set, pinned };
}

/** One snippet with every missing key at 0.0, a tab stop on each value. */
function allMissingItem(site: FactorSite, keys: readonly string[], missing: readonly string[], set: FactorKeySet, aligned: boolean): CompletionItem {
    const column = valueColumn([...keys, ...missing]);
    const lines = missing.map((key, index) => `${key}${gapFor(key, column, aligned)}\${${index + 1}:0.0}`);
    const realign = site.block && aligned ? rekeyEdits(site.block, new Map(), missing, site.editing) : [];
    return {
        label: 'all missing factors',
        kind: CompletionItemKind.Snippet,
        detail: `${missing.length} ${set} factors at 0.0`,
        documentation: `Adds ${missing.join(', ')}.`,
        insertText: lines.join(`\n${site.indent}`),
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        additionalTextEdits: realign.length > 0 ? realign : undefined,
        sortText: '00'
    };
}

/**
 * `factors { … }` with the ten keys of the model's version, for an agent that has no block:
 * `indent` is the indentation of the `factors` line.
 */
export function factorsBlockItem(version: AivssVersion, indent: string): CompletionItem {
    const set: FactorKeySet = version === '0.5' ? 'v0.5' : 'v0.8';
    const keys = factorKeysOf(set);
    const column = valueColumn(keys);
    const lines = keys.map((key, index) => `${indent}    ${key}${gapFor(key, column, true)}\${${index + 1}:0.0}`);
    return {
        label: 'factors { … }',
        kind: CompletionItemKind.Snippet,
        detail: `factors block with the ten AIVSS ${set} factors`,
        documentation: 'Every factor at 0.0 with a tab stop on each value, and a rationale.',
        insertText: ['factors {', ...lines, `${indent}    rationale "\${${keys.length + 1}:Why these values}"`, `${indent}}`].join('\n'),
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        filterText: 'factors',
        sortText: '0'
    };
}

/** The factor's definition and its 0.0 / 0.5 / 1.0 rubric. */
export function factorDocumentation(key: string): MarkupContent {
    const info = FACTOR_KEYS.get(key)!;
    const concept = FACTOR_CONCEPTS[info.concept];
    const names =
        info.membership === 'v0.5' && concept.v08Name
            ? `**${info.name}** (AIVSS v0.5 name; v0.8 calls it ${concept.v08Name})`
            : `**${info.name}** (AIVSS ${info.membership === 'shared' ? 'v0.5 and v0.8' : info.membership})`;
    const rubric = concept.rubric
        ? ['', '| value | means |', '|---|---|', `| 0.0 | ${concept.rubric.zero} |`, `| 0.5 | ${concept.rubric.half} |`, `| 1.0 | ${concept.rubric.one} |`]
        : ['', 'AIVSS v0.5 published no rubric for this factor.'];
    return { kind: 'markdown', value: [names, '', concept.definition, ...rubric].join('\n') };
}
