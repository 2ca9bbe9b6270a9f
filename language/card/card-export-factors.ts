/**
 * The ten factor values a card prints, from an agent's `factors` blocks. v0.8 keys of renamed
 * concepts print under their v0.5 row; what has no row is reported as dropped.
 */
import type { Agent } from '../generated/ast.js';
import { CARD_FACTORS, SCORED_SENTENCE, V08_KEY_TO_CARD_KEY, V08_ONLY_KEYS } from './card-format.js';
import type { CardFactorKey } from './card-types.js';

const CARD_KEYS = new Map<string, string>(CARD_FACTORS.map((factor) => [factor.key, factor.displayName]));

function cardKeyOf(key: string): CardFactorKey | undefined {
    const direct = CARD_FACTORS.find((factor) => factor.key === key);
    return direct ? direct.key : V08_KEY_TO_CARD_KEY[key];
}

export function collectCardFactors(agent: Agent, dropped: string[], notes: string[]): Map<CardFactorKey, string> {
    const values = new Map<CardFactorKey, string>();
    const givenAs = new Map<CardFactorKey, string>();
    const rationales: string[] = [];
    for (const block of agent.factorBlocks) {
        for (const entry of block.entries) {
            // A half-written entry (syntax error) has no key or value to print.
            if (entry.key === undefined || entry.value === undefined) continue;
            const cardKey = cardKeyOf(entry.key);
            if (cardKey === undefined) {
                const why = V08_ONLY_KEYS.includes(entry.key)
                    ? 'an AIVSS v0.8 factor with no row on a card'
                    : 'not an AIVSS factor';
                dropped.push(`factor ${entry.key} ${entry.value}: ${why}`);
                continue;
            }
            const earlier = givenAs.get(cardKey);
            if (earlier !== undefined) {
                dropped.push(`factor ${entry.key} ${entry.value}: the card row '${CARD_KEYS.get(cardKey)}' already shows ${earlier}`);
                continue;
            }
            const { text, exact } = twoDecimals(entry.value);
            if (entry.key !== cardKey) {
                notes.push(`factor ${entry.key} is printed as the card row '${CARD_KEYS.get(cardKey)}'`);
            }
            if (!exact) {
                notes.push(`factor ${entry.key} ${entry.value} is printed as ${text} (a card shows two decimals)`);
            }
            givenAs.set(cardKey, entry.key);
            values.set(cardKey, text);
        }
        for (const rationale of block.rationales) {
            if (rationale.text !== undefined) rationales.push(rationale.text);
        }
    }
    for (const { key, displayName } of CARD_FACTORS) {
        if (!values.has(key)) {
            values.set(key, '0.00');
            notes.push(`factor ${key} is not given; the card row '${displayName}' shows 0.00`);
        }
    }
    for (const rationale of rationales) {
        if (rationale !== SCORED_SENTENCE) {
            dropped.push(`rationale "${rationale}": a card prints its fixed scoring sentence instead`);
        }
    }
    return values;
}

/**
 * The value with exactly two decimals, as a card prints it. Computed on the digits, never via
 * floating point; more than two decimals (invalid in `.tm` anyway) round half up.
 */
export function twoDecimals(value: string): { text: string; exact: boolean } {
    const number = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
    if (!number) {
        return { text: value, exact: false };
    }
    const [, sign, whole, decimals = ''] = number;
    if (decimals.length <= 2) {
        return { text: `${sign}${whole}.${decimals.padEnd(2, '0')}`, exact: true };
    }
    const hundredths = Number(whole) * 100 + Number(decimals.slice(0, 2)) + (decimals[2]! >= '5' ? 1 : 0);
    const digits = String(hundredths).padStart(3, '0');
    return { text: `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`, exact: false };
}
