/**
 * Writes a parsed card as `.tm` source that reads like shared/design/example.tm: the card's
 * summary, factors and layer paragraphs, and the threats its paragraphs list.
 */
import { TITLE_SUFFIX } from './card-format.js';
import { agentNameFromTitle } from './card-names.js';
import type { CardThreat } from './card-threats.js';
import { cardThreats } from './card-threats.js';
import type { Card } from './card-types.js';

export interface CardToTmOptions {
    /** Where the card came from (a file name or URL), named in the header comment. */
    readonly source?: string;
}

const INDENT = '    ';

/** A `.tm` string literal; the grammar's STRING knows `\"` and `\\` (and `\n`, `\r`, `\t`). */
export function tmString(text: string): string {
    const escaped = text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t');
    return `"${escaped}"`;
}

/**
 * Text for a `//` comment: a line break (or any control character) in a card title or a file
 * name would otherwise end the comment and inject model source.
 */
function commentText(text: string): string {
    return text.replace(/[\u0000-\u001F\u007F\u2028\u2029]/g, ' ');
}

export function cardToTm(card: Card, options: CardToTmOptions = {}): string {
    const lines: string[] = [];
    const origin = options.source ? ` ${commentText(options.source)}` : '';
    lines.push(`// ${commentText(card.name)}${TITLE_SUFFIX}`);
    lines.push(`// Imported from the AgentReady threat-model card${origin} (${card.rendering} rendering).`);
    if (!card.score) {
        lines.push('// The plain card publishes no AIVSS score or CVSS base: add a `cvss` to score this agent.');
    }
    lines.push('');
    // The directory that publishes the cards rounds exact ties to even; its scores only
    // reproduce under that rounding.
    lines.push(card.score ? 'aivss 0.8 rounding half_even' : 'aivss 0.8');
    lines.push('');
    lines.push(`agent ${agentNameFromTitle(card.name)} ${tmString(card.name)} {`);
    lines.push(`${INDENT}summary ${tmString(card.summary)}`);
    lines.push('');
    lines.push(...factorLines(card));
    if (card.score) {
        const s = card.score;
        lines.push('');
        lines.push(`${INDENT}// The card's score: AIVSS ${s.score} · ${s.severity} (AARS uplift ${s.aarsUplift}, factor sum ${s.factorSum}/10).`);
        lines.push(`${INDENT}cvss ${s.cvssBase}`);
        lines.push(`${INDENT}exploit ${s.thm}`);
        lines.push(`${INDENT}mitigation ${s.mf}`);
        lines.push(`${INDENT}published ${s.score}`);
    }
    lines.push('');
    const threats = cardThreats(card.layers);
    for (const layer of card.layers) {
        lines.push(`${INDENT}layer ${layer.id}${layer.uncertain ? ' uncertain' : ''} {`);
        lines.push(`${INDENT}${INDENT}${tmString(layer.paragraph)}`);
        for (const threat of threats.filter((t) => t.layer === layer.id)) {
            lines.push(`${INDENT}${INDENT}${threatLine(threat)}`);
        }
        lines.push(`${INDENT}}`);
    }
    lines.push('}');
    return `${lines.join('\n')}\n`;
}

function factorLines(card: Card): string[] {
    // Values line up in one column, as in example.tm.
    const width = Math.max(...card.factors.map((factor) => factor.key.length)) + 2;
    const lines = [`${INDENT}factors {`];
    for (const factor of card.factors) {
        lines.push(`${INDENT}${INDENT}${factor.key.padEnd(width)}${factor.valueText}`);
    }
    if (card.rationale !== undefined) {
        lines.push(`${INDENT}${INDENT}rationale ${tmString(card.rationale)}`);
    }
    lines.push(`${INDENT}}`);
    return lines;
}

function threatLine(threat: CardThreat): string {
    const head = `threat ${threat.name} ${tmString(threat.title)}`;
    return threat.catalogId ? `${head} { catalog ${threat.catalogId} }` : head;
}
