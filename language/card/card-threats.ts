/**
 * Threats named in a card's layer paragraphs. A card lists them in one sentence after a lead-in
 * ("Key threats include a, b, and c."); nothing else in a paragraph is taken for a threat.
 * Splitting is conservative: only commas (outside parentheses) and a ", and" before the last
 * item separate threats, so "integration between A and B" stays one threat.
 */
import { matchCatalogThreat } from '../maestro/maestro-catalog.js';
import { asciiWords, toIdentifier } from './card-names.js';
import type { CardLayer, CardLayerId } from './card-types.js';

export interface CardThreat {
    /** PascalCase, unique within the agent. */
    readonly name: string;
    /** The phrase as it stands in the paragraph. */
    readonly phrase: string;
    /** The phrase with a capital first letter, for the `.tm` threat title. */
    readonly title: string;
    readonly layer: CardLayerId;
    readonly catalogId: string | undefined;
}

// "Key threats include", "Potential threats include", "Threats include", anywhere in the text.
const LEAD_IN = /\b(?:(?:key|potential)\s+)?threats\s+include\s*:?\s*/gi;
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|incl|approx)$/i;

/** The threat phrases of one paragraph, in order; none when it has no lead-in. */
export function threatPhrases(paragraph: string): string[] {
    const phrases: string[] = [];
    for (const lead of paragraph.matchAll(LEAD_IN)) {
        const start = lead.index + lead[0].length;
        // A loop, not `push(...items)`: a hostile card's list can exceed the spread limit.
        for (const phrase of splitList(paragraph.slice(start, sentenceEnd(paragraph, start)))) phrases.push(phrase);
    }
    return phrases;
}

/** Where the sentence that starts the list ends: a full stop before a capital, or the end. */
function sentenceEnd(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
        const c = text[i]!;
        if (c !== '.' && c !== '!' && c !== '?') {
            continue;
        }
        const after = text.slice(i + 1);
        if (after.trim().length === 0 || (/^\s+[A-Z"“(]/.test(after) && !ABBREVIATION.test(text.slice(from, i)))) {
            return i;
        }
    }
    return text.length;
}

function splitList(list: string): string[] {
    const items: string[] = [];
    let depth = 0;
    let current = '';
    for (const c of list) {
        if (c === '(' || c === '[') {
            depth++;
        } else if ((c === ')' || c === ']') && depth > 0) {
            depth--;
        } else if (c === ',' && depth === 0) {
            items.push(current);
            current = '';
            continue;
        }
        current += c;
    }
    items.push(current);
    return items
        .map((item, index) => {
            const trimmed = item.trim().replace(/[.;:]+$/, '').trim();
            return index > 0 ? trimmed.replace(/^(?:and|or)\s+/i, '') : trimmed;
        })
        .filter((item) => item.length > 0);
}

// Leading words that never start a name ("the", "potential", "risk of").
const SKIPPED_LEADS = new Set(['a', 'an', 'the', 'potential', 'possible', 'various', 'other', 'further', 'any', 'some']);
const RISK_NOUNS = new Set(['risk', 'risks', 'threat', 'threats', 'danger', 'dangers']);
// Words that join a name's words; kept only while the name is still a single word ("DenialOfService").
const JOINERS = new Set([
    'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'via', 'from', 'into', 'through', 'between',
    'against', 'over', 'under', 'about', 'regarding', 'during', 'across', 'within', 'without', 'after',
    'before', 'behind', 'beyond', 'around', 'among', 'per', 'like', 'toward', 'towards', 'upon', 'and', 'or'
]);
// Words that start a clause: the name ends before them.
const CLAUSE_WORDS = new Set([
    'that', 'which', 'who', 'where', 'when', 'while', 'if', 'as', 'than', 'because', 'so', 'due', 'such',
    'leading', 'designed', 'causing', 'allowing', 'enabling', 'resulting', 'targeting', 'exploiting',
    'using', 'affecting', 'exposing', 'is', 'are', 'could', 'can', 'may', 'might',
    'hidden', 'driven', 'written', 'taken', 'given', 'made', 'built', 'sent'
]);
const MAX_NAME_WORDS = 4;

/**
 * A short PascalCase name for a threat phrase: its head noun phrase, at most four significant
 * words. "model stealing of this closed-source asset" → `ModelStealing`; "denial of service" →
 * `DenialOfService`. Parenthesised asides ("(DoS)") are left out.
 */
export function threatNameFromPhrase(phrase: string): string {
    let words = asciiWords(phrase.replace(/\([^)]*\)/g, ' '));
    while (words.length > 0 && SKIPPED_LEADS.has(words[0]!.toLowerCase())) {
        words = words.slice(1);
    }
    if (words.length > 2 && RISK_NOUNS.has(words[0]!.toLowerCase()) && words[1]!.toLowerCase() === 'of') {
        words = words.slice(2);
    }
    const kept: string[] = [];
    let pending: string[] = [];
    let significant = 0;
    for (const word of words) {
        const lower = word.toLowerCase();
        // After a two-word head, a past participle starts a reduced clause ("inputs designed
        // to…", "attacks launched from…"); before it, "-ed" words are adjectives ("poisoned data").
        const clause = CLAUSE_WORDS.has(lower) || (significant >= 2 && lower.endsWith('ed'));
        if (clause || (JOINERS.has(lower) && significant >= 2)) {
            break;
        }
        if (JOINERS.has(lower)) {
            pending.push(word);
            continue;
        }
        if (SKIPPED_LEADS.has(lower)) {
            continue;
        }
        for (const joiner of pending) kept.push(joiner);
        kept.push(word);
        pending = [];
        significant++;
        if (significant === MAX_NAME_WORDS) {
            break;
        }
    }
    return toIdentifier(kept, 'Threat');
}

/** A capital first letter, unless the word is mixed-case already (`iOS`, `eBPF`). */
function titleOf(phrase: string): string {
    return /^[a-z][^A-Z]/.test(phrase) || /^[a-z]$/.test(phrase) ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}

/**
 * The threats of all layers of one card, named uniquely within the agent: a name already taken
 * in another layer gets that layer's id (`DenialOfServiceL4`), a repeat within a layer a number.
 */
export function cardThreats(layers: readonly CardLayer[]): CardThreat[] {
    const threats: CardThreat[] = [];
    const taken = new Map<string, CardLayerId>();
    for (const layer of layers) {
        for (const phrase of threatPhrases(layer.paragraph)) {
            const name = uniqueName(threatNameFromPhrase(phrase), layer.id, taken);
            taken.set(name, layer.id);
            threats.push({
                name,
                phrase,
                title: titleOf(phrase),
                layer: layer.id,
                catalogId: matchCatalogThreat(phrase, layer.id)?.id
            });
        }
    }
    return threats;
}

function uniqueName(base: string, layer: CardLayerId, taken: ReadonlyMap<string, CardLayerId>): string {
    const owner = taken.get(base);
    if (owner === undefined) {
        return base;
    }
    const stem = owner === layer ? base : `${base}${layer}`;
    if (!taken.has(stem)) {
        return stem;
    }
    // `DenialOfServiceL4_2`, not `DenialOfServiceL42`, when the stem already ends in a digit.
    const separator = /\d$/.test(stem) ? '_' : '';
    let n = 2;
    while (taken.has(`${stem}${separator}${n}`)) {
        n++;
    }
    return `${stem}${separator}${n}`;
}
