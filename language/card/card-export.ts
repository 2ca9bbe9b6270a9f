/**
 * Writes one agent of a `.tm` model as a plain threat-model card, in exactly the format of the
 * seed card (shared/spec/maestro.md §3). A card carries less than a model; everything left out
 * is listed in `dropped`, and anything the card needs but the agent lacks is in `notes`.
 *
 * String values come from the AST already unquoted and unescaped: the grammar's terminal is
 * named STRING, so Langium's DefaultValueConverter applies `convertString` to it.
 */
import type { Agent } from '../generated/ast.js';
import {
    BACK_LINK_PREFIX,
    CARD_FACTORS,
    FOOTER,
    MAESTRO_HEADER,
    PER_LAYER_SENTENCE,
    RATIONALE_HEADER,
    SCORED_SENTENCE,
    TITLE_SUFFIX,
    UNCERTAIN_PREFIX
} from './card-format.js';
import { collectCardFactors } from './card-export-factors.js';
import { collectCardLayers } from './card-export-layers.js';

export interface CardExportOptions {
    /** Print the `← Name` back-link line some captures start with. */
    readonly backLink?: boolean;
    /**
     * Append the threats a layer's paragraph does not mention to it ("Threats include …"),
     * instead of dropping them. Off by default: the paragraphs are then printed as written.
     */
    readonly stateThreats?: boolean;
}

export interface CardExport {
    /** The card, ending with a newline. */
    readonly text: string;
    /** What the agent says that a card cannot carry, one readable line each. */
    readonly dropped: string[];
    /** What the card shows that the agent does not say (placeholders, renamed factors). */
    readonly notes: string[];
}

const NO_SCORE = 'a plain card carries no AIVSS score or score inputs';

export function exportCard(agent: Agent, options: CardExportOptions = {}): CardExport {
    const dropped: string[] = [];
    const notes: string[] = [];
    const title = oneLine(agent.title ?? agent.name);
    const lines: string[] = [];
    if (options.backLink) {
        lines.push(`${BACK_LINK_PREFIX}${title}`);
    }
    lines.push(`${title}${TITLE_SUFFIX}`);
    lines.push(summaryOf(agent, notes));
    lines.push(RATIONALE_HEADER);
    const values = collectCardFactors(agent, dropped, notes);
    dropScoreInputs(agent, dropped);
    CARD_FACTORS.forEach(({ displayName, key }, index) => {
        const last = index === CARD_FACTORS.length - 1;
        lines.push(`| ${displayName} | ${values.get(key)} |${last ? '' : ' |'}`);
    });
    lines.push(SCORED_SENTENCE);
    lines.push(MAESTRO_HEADER);
    lines.push(PER_LAYER_SENTENCE);
    for (const layer of collectCardLayers(agent, options.stateThreats ?? false, dropped, notes)) {
        lines.push(`${layer.uncertain ? UNCERTAIN_PREFIX : ''}${oneLine(layer.paragraph)}`);
    }
    lines.push(FOOTER);
    for (const control of agent.controls) {
        dropped.push(`control ${control.name}: a card has no controls`);
    }
    return { text: `${lines.join('\n')}\n`, dropped, notes };
}

function summaryOf(agent: Agent, notes: string[]): string {
    const summary = agent.summaries.map((s) => oneLine(s.text)).filter((s) => s.length > 0).join(' ');
    if (summary.length > 0) {
        return summary;
    }
    notes.push('the agent has no summary; the card says "No summary given."');
    return 'No summary given.';
}

function dropScoreInputs(agent: Agent, dropped: string[]): void {
    for (const cvss of agent.cvss) {
        dropped.push(`cvss ${cvss.vector ?? cvss.base ?? ''}: ${NO_SCORE}`);
    }
    for (const exploit of agent.exploits) {
        dropped.push(`exploit ${exploit.level ?? exploit.value ?? ''}: ${NO_SCORE}`);
    }
    for (const mitigation of agent.mitigations) {
        dropped.push(`mitigation ${mitigation.level ?? mitigation.value ?? ''}: ${NO_SCORE}`);
    }
    for (const published of agent.published) {
        dropped.push(`published ${published.value}: ${NO_SCORE}`);
    }
}

/**
 * Card items are single lines: a line break inside a `.tm` string becomes a space, U+2028 and
 * U+2029 included (the card reader's patterns, `.` among them, stop at them as at a newline).
 */
export function oneLine(text: string | undefined): string {
    // After a syntax error the parser's recovery can leave a name or string undefined.
    return (text ?? '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}
