import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AivssVersion } from '../../language/aivss/aivss-types.js';
import type { CvssCatalog, CvssMetricDef } from '../../language/aivss/cvss-catalog.js';
import { findMetric } from '../../language/aivss/cvss-catalog.js';
import { CVSS_CATALOGS } from '../../language/aivss/cvss-vector.js';
import { rangeOf } from './completion-text.js';

/** Re-opens the suggestion list after a prefix or a metric name, where the next step is obvious. */
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** A `cvss "…` string being typed: where its content starts and what precedes the cursor. */
export interface VectorPosition {
    /** Offset of the first character after the opening quote. */
    readonly contentStart: number;
    /** The vector text from the opening quote to the cursor. */
    readonly typed: string;
    readonly offset: number;
}

/** `cvss "CVSS:4.0/AV:` on the cursor's line, closed or not; undefined elsewhere. */
export function vectorPositionAt(linePrefix: string, offset: number): (VectorPosition & { keywordOffset: number }) | undefined {
    const match = /\bcvss\s+"([^"\\]*)$/.exec(linePrefix);
    if (!match) return undefined;
    const typed = match[1]!;
    return { contentStart: offset - typed.length, typed, offset, keywordOffset: offset - linePrefix.length + match.index };
}

/**
 * Completion inside a CVSS vector string: the version prefixes at its start, then for each
 * `/` the next metric in the canonical order the vector needs, and after `METRIC:` the values
 * of that metric with their meanings. Only what the strict vector parser accepts is offered.
 */
export function cvssVectorCompletions(document: TextDocument, at: VectorPosition, version: AivssVersion): CompletionItem[] {
    const segments = at.typed.split('/');
    if (segments.length === 1) {
        return prefixItems(document, at, version);
    }
    const catalog = Object.values(CVSS_CATALOGS).find((candidate) => candidate.prefix === `${segments[0]}/`);
    if (!catalog) return [];
    const current = segments[segments.length - 1]!;
    const currentStart = at.offset - current.length;
    const colon = current.indexOf(':');
    if (colon >= 0) {
        const def = findMetric(catalog, current.slice(0, colon));
        return def ? valueItems(document, def, currentStart + colon + 1, at.offset) : [];
    }
    const written = segments.slice(1, -1).map((segment) => segment.split(':')[0]!);
    return nextMetricItems(document, catalog, written, currentStart, at.offset);
}

function prefixItems(document: TextDocument, at: VectorPosition, version: AivssVersion): CompletionItem[] {
    const range = rangeOf(document, at.contentStart, at.offset);
    const items: CompletionItem[] = [
        {
            label: 'CVSS:4.0/',
            kind: CompletionItemKind.Constant,
            detail: 'CVSS v4.0 vector',
            documentation: 'AIVSS v0.8 takes CVSS v4.0 base scores (§3.1.1).',
            textEdit: { range, newText: 'CVSS:4.0/' },
            command: TRIGGER_SUGGEST,
            sortText: '0',
            preselect: true
        },
        {
            label: 'CVSS:4.0/AV:…/SA:…',
            kind: CompletionItemKind.Snippet,
            detail: 'CVSS v4.0 base vector, one choice per metric',
            documentation: 'All eleven base metrics in order; pick each value with Tab.',
            textEdit: { range, newText: baseVectorSnippet(CVSS_CATALOGS['4.0']) },
            insertTextFormat: InsertTextFormat.Snippet,
            filterText: 'CVSS:4.0/',
            sortText: '1'
        }
    ];
    // Under v0.8 a 3.1 vector is an error (cvss-version-mismatch), so it is not proposed.
    if (version === '0.5') {
        items.push({
            label: 'CVSS:3.1/',
            kind: CompletionItemKind.Constant,
            detail: 'CVSS v3.1 vector (legacy, AIVSS v0.5 only)',
            textEdit: { range, newText: 'CVSS:3.1/' },
            command: TRIGGER_SUGGEST,
            sortText: '2'
        });
    }
    return items;
}

/** `CVSS:4.0/AV:${1|N,A,L,P|}/AC:${2|L,H|}/…` over the mandatory metrics. */
export function baseVectorSnippet(catalog: CvssCatalog): string {
    const metrics = catalog.metrics.filter((def) => def.mandatory);
    const parts = metrics.map((def, index) => `${def.metric}:\${${index + 1}|${def.values.map((value) => value.code).join(',')}|}`);
    return `${catalog.prefix}${parts.join('/')}`;
}

function valueItems(document: TextDocument, def: CvssMetricDef, start: number, offset: number): CompletionItem[] {
    const range = rangeOf(document, start, offset);
    return def.values.map((value, index) => ({
        label: value.code,
        kind: CompletionItemKind.EnumMember,
        labelDetails: { description: value.name },
        detail: `${def.name}: ${value.name}`,
        documentation: value.meaning,
        textEdit: { range, newText: value.code },
        sortText: String(index).padStart(2, '0')
    }));
}

/**
 * The metrics that may follow the ones written: those after the last one in canonical order.
 * While a mandatory (base) metric is still missing, only the next one is proposed, since any
 * other choice would leave the vector invalid.
 */
function nextMetricItems(document: TextDocument, catalog: CvssCatalog, written: readonly string[], start: number, offset: number): CompletionItem[] {
    const indices = written.map((metric) => catalog.metrics.findIndex((def) => def.metric === metric));
    // reduce, not Math.max(...indices): a hostile vector can hold more metrics than a spread allows.
    const last = indices.reduce((max, index) => Math.max(max, index), -1);
    const following = catalog.metrics.slice(last + 1).filter((def) => !written.includes(def.metric));
    const candidates = following[0]?.mandatory ? following.slice(0, 1) : following;
    const range = rangeOf(document, start, offset);
    return candidates.map((def, index) => ({
        label: def.metric,
        kind: CompletionItemKind.Property,
        labelDetails: { description: def.name },
        detail: `${def.name} (${def.group}${ignoredByAivss(catalog, def) ? ', not used by AIVSS' : ''})`,
        documentation: def.values.map((value) => `${value.code} — ${value.name}: ${value.meaning}`).join('\n\n'),
        textEdit: { range, newText: `${def.metric}:` },
        command: TRIGGER_SUGGEST,
        sortText: String(index).padStart(2, '0'),
        preselect: index === 0
    }));
}

/** AIVSS takes the base score, plus the 4.0 `E` as its threat multiplier; other metrics change nothing. */
function ignoredByAivss(catalog: CvssCatalog, def: CvssMetricDef): boolean {
    return def.group !== 'base' && !(catalog.version === '4.0' && def.metric === 'E');
}
