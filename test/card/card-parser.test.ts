import { describe, expect, test } from 'vitest';
import { parseCard } from '../../language/card/card-parser.js';
import { formatCardError } from '../../language/card/card-types.js';
import { cardFixture, fixture, parsedCard } from './card-fixtures.js';

const SEED = fixture('wan-2.2-s2v.card.txt');

/** The formatted errors of a text that must not parse. */
function rejection(text: string): string[] {
    const result = parseCard(text);
    if (result.ok) {
        throw new Error('the card parsed');
    }
    return result.errors.map(formatCardError);
}

function seedWith(edit: (lines: string[]) => void): string {
    const lines = SEED.split('\n');
    edit(lines);
    return lines.join('\n');
}

describe('parseCard on the seed card (plain rendering)', () => {
    const card = cardFixture('wan-2.2-s2v.card.txt');

    test('reads the title, summary and rationale', () => {
        expect(card.rendering).toBe('plain');
        expect(card.name).toBe('WAN 2.2-S2V');
        expect(card.backLink).toBeUndefined();
        expect(card.navigation).toBe(false);
        expect(card.summary).toMatch(/^WAN 2\.2-S2V is a specialized video generation agent .* guardrails\.$/);
        expect(card.rationale).toBe(
            'Scored with the canonical OWASP AIVSS formula (AIVSS calculator reference); agentic risk factors estimated from the agent’s described capabilities.'
        );
        expect(card.score).toBeUndefined();
    });

    test('reads the ten factors with their keys and printed values', () => {
        expect(card.factors.map((f) => `${f.key}=${f.valueText}`)).toEqual([
            'autonomy_of_action=0.10', 'goal_driven_planning=0.10', 'self_modification=0.00', 'dynamic_tool_use=0.00',
            'persistent_memory=0.00', 'contextual_awareness=0.20', 'dynamic_identity=0.00',
            'multi_agent_interactions=0.00', 'non_determinism=0.40', 'opacity_and_reflexivity=0.50'
        ]);
        expect(card.factors[9]!.displayName).toBe('Opacity & Reflexivity');
    });

    test('reads seven layers, the caveat removed and the case kept', () => {
        expect(card.layers.map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
        expect(card.layers.map((l) => l.uncertain)).toEqual([false, true, true, true, true, true, true]);
        expect(card.layers[0]!.paragraph).toMatch(/^Uses a 27B Parameter/);
        expect(card.layers[1]!.paragraph).toMatch(/^The data pipeline for storing/);
        expect(card.layers[6]!.paragraph).toBe(
            'The agent operates as a standalone horizontal tool with no described multi-agent or marketplace ecosystem. Ecosystem threats are currently negligible unless integrated into external automated workflows.'
        );
    });
});

describe('parseCard tolerates what captures vary in', () => {
    test('CRLF, a BOM, a back-link line and lower case after the caveat', () => {
        // Guard the fixture itself: a line-ending-normalising checkout would make this test vacuous.
        const raw = fixture('odd-name-crlf-bom.card.txt');
        expect(raw.startsWith('\uFEFF←')).toBe(true);
        expect(raw.split('\r\n')).toHaveLength(26);
        const card = cardFixture('odd-name-crlf-bom.card.txt');
        expect(card.name).toBe('Wan2.2 S2V AI: S2VAI Speech to Vide');
        expect(card.backLink).toBe('Wan2.2 S2V AI: S2VAI Speech to Vide');
        expect(card.layers.map((l) => l.uncertain)).toEqual([false, true, true, true, false, true, true]);
        expect(card.layers[1]!.paragraph).toMatch(/^likely keeps uploaded voice clips/);
        expect(card.layers[2]!.paragraph).toMatch(/^details of the job queue/);
    });

    test('blank lines, trailing spaces, indentation, `and` for `&`, an en dash title', () => {
        const text = seedWith((lines) => {
            lines[0] = 'WAN 2.2-S2V – agentic threat model   ';
            lines[12] = '|  Opacity and Reflexivity  |  0.50  |  |';
            lines[4] = '  | Goal Driven Planning | 0.10 | |';
        }).replace(/\n/g, '\n\n  ');
        const card = parsedCard(text);
        expect(card.name).toBe('WAN 2.2-S2V');
        expect(card.factors[1]!.valueText).toBe('0.10');
        expect(card.factors[9]!.valueText).toBe('0.50');
        expect(card.layers[3]!.paragraph).toMatch(/^Hosting, sandboxing/);
    });

    test('a card without the optional scoring and per-layer sentences', () => {
        const card = parsedCard(seedWith((lines) => lines.splice(13, 1)).replace(/\nPer-layer threats[^\n]*/, ''));
        expect(card.rationale).toBeUndefined();
        expect(card.layers[0]!.paragraph).toMatch(/^Uses a 27B/);
    });
});

describe('parseCard on the rich rendering', () => {
    const card = cardFixture('ledgerly-rich.card.txt');

    test('reads the navigation, back-link, score block and factors', () => {
        expect(card.rendering).toBe('rich');
        expect(card.navigation).toBe(true);
        expect(card.backLink).toBe('Ledgerly Invoice Assistant');
        expect(card.name).toBe('Ledgerly Invoice Assistant');
        expect(card.score).toEqual({
            score: '5.2', severity: 'Medium', cvssBase: '5.0', aarsUplift: '0.25', factorSum: '0.5', thm: '1.0', mf: '1.0'
        });
        expect(card.factors.map((f) => f.valueText).join(' ')).toBe('0.10 0.10 0.00 0.10 0.00 0.10 0.00 0.00 0.10 0.00');
        expect(card.rationale).toBeUndefined();
    });

    test('reads layer headings with their status, `&` or `and`', () => {
        expect(card.layers.map((l) => l.uncertain)).toEqual([false, true, false, true, false, true, false]);
        expect(card.layers[1]!.paragraph).toMatch(/^The retention of parsed invoices/);
        expect(card.layers[5]!.paragraph).toBe('no audit certifications are listed, although the vendor mentions GDPR compliance.');
    });

    test('rejects a heading whose name is another layer', () => {
        const text = fixture('ledgerly-rich.card.txt').replace('L2 · Data Operations', 'L2 · Foundation Models');
        expect(rejection(text)).toEqual(["line 35: layer heading 'L2 · Foundation Models⚠ not certain from listing': 'Foundation Models' names L1"]);
    });

    test('rejects a score line without its inputs line', () => {
        const text = fixture('ledgerly-rich.card.txt').replace(/\nCVSS base[^\n]*/, '');
        expect(rejection(text)).toEqual(["line 7: the score line is not followed by the 'CVSS base … Mitigation ×…' inputs line"]);
    });

    test('rejects a missing factor, naming the line', () => {
        const text = fixture('ledgerly-rich.card.txt').replace('Goal-Driven Planning\n0.10\n', '');
        expect(rejection(text)).toEqual(["line 13: expected the factor row 'Goal-Driven Planning', found 'Self-Modification'"]);
    });

    test('rejects a missing layer heading', () => {
        const text = fixture('ledgerly-rich.card.txt').replace(/\nL7 · Agent Ecosystem✓ mapped\n[^\n]*/, '');
        expect(rejection(text)).toEqual(['line 46: expected the heading of L7, found the footer (6 of 7 layers)']);
    });
});

describe('parseCard rejects what is not a card, naming the line', () => {
    test('sections in the wrong order', () => {
        expect(rejection(fixture('reject-wrong-sections.card.txt'))).toEqual([
            "line 3: expected 'OWASP AIVSS score rationale', found 'MAESTRO 7-layer threat model'"
        ]);
    });

    test('a missing factor row', () => {
        expect(rejection(fixture('reject-missing-factor-row.card.txt'))).toEqual([
            "line 9: expected the factor row 'Goal-Driven Planning', found '| Self-Modification | 0.00 | |'"
        ]);
    });

    test('a factor value out of range, with its column', () => {
        const result = parseCard(fixture('reject-factor-out-of-range.card.txt'));
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.errors).toEqual([{ line: 9, column: 26, message: 'factor value 1.7 is outside 0.00–1.00' }]);
    });

    test('a text without a card title', () => {
        expect(rejection(fixture('reject-not-a-card.txt'))).toEqual([
            "line 1: not a threat-model card: no '… — agentic threat model' title line"
        ]);
        expect(rejection('')).toEqual(["line 1: not a threat-model card: no '… — agentic threat model' title line"]);
    });

    test('every bad factor value, not just the first', () => {
        const text = seedWith((lines) => {
            lines[3] = '| Autonomy of Action | 0.125 | |';
            lines[6] = '| Dynamic Tool Use | high | |';
            lines[11] = '| Non-Determinism | 1.01 | |';
        });
        expect(rejection(text)).toEqual([
            'line 4: factor value 0.125 has more than two decimals',
            "line 7: factor value 'high' is not a number",
            'line 12: factor value 1.01 is outside 0.00–1.00'
        ]);
    });

    test('the wrong number of layer paragraphs', () => {
        expect(rejection(seedWith((lines) => lines.splice(20, 1)))).toEqual([
            'line 23: expected 7 layer paragraphs (L1…L7), found 6'
        ]);
        expect(rejection(seedWith((lines) => lines.splice(20, 0, 'An eighth paragraph.')))).toEqual([
            'line 24: expected 7 layer paragraphs (L1…L7), found 8'
        ]);
    });

    test('a missing footer, or text after it', () => {
        expect(rejection(seedWith((lines) => lines.pop()))).toEqual([
            "line 23: expected the footer 'MAESTRO — the 7-layer agentic threat-modeling framework …' after the layer paragraphs, found the end of the text"
        ]);
        expect(rejection(`${SEED}\nShare this card`)).toEqual(["line 25: unexpected text after the footer: 'Share this card'"]);
    });

    test('an eleventh factor row, or a missing summary', () => {
        expect(rejection(seedWith((lines) => lines.splice(13, 0, '| Extra Factor | 0.10 | |')))).toEqual([
            "line 14: expected 'MAESTRO 7-layer threat model' after the ten factor rows, found '| Extra Factor | 0.10 | |'"
        ]);
        expect(rejection(seedWith((lines) => lines.splice(1, 1)))).toEqual([
            "line 2: expected the summary paragraph after the title line, found 'OWASP AIVSS score rationale'"
        ]);
    });
});
