// Property: for any well-formed plain card, export(parse(cardToTm(parseCard(card)))) is the card.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportCard } from '../../language/card/card-export.js';
import {
    CARD_FACTORS,
    FOOTER,
    MAESTRO_HEADER,
    PER_LAYER_SENTENCE,
    RATIONALE_HEADER,
    SCORED_SENTENCE,
    UNCERTAIN_PREFIX
} from '../../language/card/card-format.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import { canonicalText, parseAgent, parsedCard } from './card-fixtures.js';

// Words chosen to stress escaping, punctuation, Unicode and the threat splitter.
const WORDS = [
    'agent', 'data', 'model', 'the', 'of', 'and', 'or', 'denial', 'service', 'poisoning', 'stealing',
    '"quoted"', 'C:\\path\\', 'don’t', '(e.g.,', 'SOC2)', '2.2', 'L4', 'Ümlaut', 'naïve', '27B',
    'threats', 'include', 'a', '—', '“curly”', 'x\\"y', '#1', '{brace}', '//', '/*'
];
const FIRST_WORDS = ['Uses', 'The', 'No', 'Hosting', 'There', 'Runs', 'Data', 'Model', 'Some'];

const word = fc.constantFrom(...WORDS);
const sentence = fc
    .tuple(fc.constantFrom(...FIRST_WORDS), fc.array(word, { minLength: 0, maxLength: 12 }))
    .map(([first, rest]) => `${[first, ...rest].join(' ')}.`);
const threatList = fc
    .array(fc.array(fc.constantFrom(...WORDS.filter((w) => !w.includes(','))), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
    .map((items) => items.map((w) => w.join(' ')))
    .map((items) => `Key threats include ${items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)!}`}.`);
const paragraph = fc
    .tuple(sentence, fc.option(threatList, { nil: undefined }), fc.option(sentence, { nil: undefined }))
    .map((parts) => parts.filter((part) => part !== undefined).join(' '));
const layer = fc.record({ uncertain: fc.boolean(), text: paragraph });
const name = fc
    .array(fc.constantFrom('WAN', '2.2-S2V', 'Wan2.2', 'S2V', 'AI:', 'Speech', 'to', 'Vide', 'Ünïcode', 'x"y', 'C:\\a'), { minLength: 1, maxLength: 6 })
    .map((words) => words.join(' '));

const card = fc.record({
    backLink: fc.boolean(),
    name,
    summary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
    factors: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 10, maxLength: 10 }),
    layers: fc.array(layer, { minLength: 7, maxLength: 7 })
});

function cardText(c: {
    backLink: boolean; name: string; summary: string; factors: number[]; layers: { uncertain: boolean; text: string }[];
}): string {
    const lines = [
        ...(c.backLink ? [`← ${c.name}`] : []),
        `${c.name} — agentic threat model`,
        c.summary,
        RATIONALE_HEADER,
        ...CARD_FACTORS.map(({ displayName }, i) => {
            const hundredths = c.factors[i]!;
            const value = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
            return `| ${displayName} | ${value} |${i === CARD_FACTORS.length - 1 ? '' : ' |'}`;
        }),
        SCORED_SENTENCE,
        MAESTRO_HEADER,
        PER_LAYER_SENTENCE,
        ...c.layers.map((l) => `${l.uncertain ? UNCERTAIN_PREFIX : ''}${l.text}`),
        FOOTER
    ];
    return lines.join('\n');
}

describe('card round trip (property)', () => {
    test('export ∘ import is the identity on plain cards', async () => {
        await fc.assert(
            fc.asyncProperty(card, async (c) => {
                const text = cardText(c);
                const parsed = parsedCard(text);
                const agent = await parseAgent(cardToTm(parsed));
                const exported = exportCard(agent, { backLink: c.backLink });
                expect(canonicalText(exported.text)).toBe(canonicalText(text));
                expect(exported.notes).toEqual([]);
            }),
            { numRuns: 60 }
        );
    });
});
