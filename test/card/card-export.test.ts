import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportCard } from '../../language/card/card-export.js';
import { twoDecimals } from '../../language/card/card-export-factors.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import { canonicalText, cardFixture, fixture, parseAgent, parsedCard } from './card-fixtures.js';

/** A small agent around the given members, with all seven layers unless told otherwise. */
function agentSource(members: string, layers = defaultLayers()): string {
    return `aivss 0.8\nagent Bot "Bot" {\n    summary "A bot."\n${members}\n${layers}\n}\n`;
}

function defaultLayers(): string {
    return ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'].map((id) => `    layer ${id} { "Layer ${id}." }`).join('\n');
}

function rows(text: string): string[] {
    return text.split('\n').filter((line) => line.startsWith('|'));
}

function paragraphs(text: string): string[] {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line.startsWith('Per-layer threats'));
    return lines.slice(start + 1, start + 8);
}

describe('round trips', () => {
    const sharedSeed = '/work/shared/examples/wan-2.2-s2v.card.txt';

    test.skipIf(!existsSync(sharedSeed))('the fixture is the shared seed card, unchanged', () => {
        expect(fixture('wan-2.2-s2v.card.txt')).toBe(readFileSync(sharedSeed, 'utf8'));
    });

    test('the seed card: export(parse(cardToTm(parseCard(seed)))) is the seed', async () => {
        const seed = fixture('wan-2.2-s2v.card.txt');
        const agent = await parseAgent(cardToTm(parsedCard(seed)));
        const { text } = exportCard(agent);
        expect(text).toBe(`${seed}\n`);
    });

    test('a hand-made plain card with CRLF, a BOM and a back-link line', async () => {
        const original = fixture('odd-name-crlf-bom.card.txt');
        const card = parsedCard(original);
        const agent = await parseAgent(cardToTm(card));
        const { text, dropped, notes } = exportCard(agent, { backLink: card.backLink !== undefined });
        expect(canonicalText(text)).toBe(canonicalText(original));
        expect(notes).toEqual([]);
        // Only what import added on top of the card: the catalog ids it recognised.
        expect(dropped.every((line) => /^catalog M\S+ of threat \w+ \(L\d\): a card has no catalog ids$/.test(line))).toBe(true);
    });

    test('a rich card exports as its plain rendering and reports the score as dropped', async () => {
        const agent = await parseAgent(cardToTm(cardFixture('ledgerly-rich.card.txt')));
        const { text, dropped } = exportCard(agent);
        expect(text).toBe(fixture('ledgerly-rich.expected-plain.card.txt'));
        expect(dropped.slice(0, 4)).toEqual([
            'cvss 5.0: a plain card carries no AIVSS score or score inputs',
            'exploit 1.0: a plain card carries no AIVSS score or score inputs',
            'mitigation 1.0: a plain card carries no AIVSS score or score inputs',
            'published 5.2: a plain card carries no AIVSS score or score inputs'
        ]);
        const reread = parsedCard(text);
        expect(reread.rendering).toBe('plain');
        expect(reread.layers).toEqual(parsedCard(fixture('ledgerly-rich.card.txt')).layers);
    });
});

describe('exporting the normative example.tm', () => {
    test('keeps what a card carries and lists what it drops', async () => {
        const agent = await parseAgent(readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8'));
        const { text, dropped, notes } = exportCard(agent);
        expect(parsedCard(text).name).toBe('WAN 2.2-S2V');
        expect(rows(text)).toEqual(rows(fixture('wan-2.2-s2v.card.txt')));
        expect(paragraphs(text)[1]).toBe('Not certain from the listing — The data pipeline for storing uploaded audio files and custom avatars is not detailed.');
        expect(notes).toEqual([]);
        expect(dropped).toContain('rationale "Agentic risk factors estimated from the agent\'s described capabilities.": a card prints its fixed scoring sentence instead');
        expect(dropped).toContain('threat UploadParsing (L4) "Audio upload parsing open to remote code execution or SSRF": the layer\'s paragraph does not state it');
        expect(dropped).toContain('control UploadSandbox: a card has no controls');
        expect(dropped.filter((line) => line.startsWith('threat '))).toHaveLength(10);
    });

    test('with stateThreats, threats the paragraphs omit are stated and survive re-import', async () => {
        const agent = await parseAgent(readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8'));
        const { text, dropped } = exportCard(agent, { stateThreats: true });
        expect(paragraphs(text)[3]).toBe(
            'Not certain from the listing — Hosting, sandboxing, and infrastructure details are omitted. Threats include high GPU rendering demands invite denial of service, and audio upload parsing open to remote code execution or SSRF.'
        );
        expect(dropped.filter((line) => line.startsWith('threat '))).toEqual([]);
        expect(dropped).toContain('mitigated_by UploadSandbox of threat UploadParsing (L4): a card has no controls');
        expect(dropped).toContain('catalog M4.4 of threat RenderDoS (L4): a card has no catalog ids');
        const reimported = await parseAgent(cardToTm(parsedCard(text)));
        expect(reimported.layers.flatMap((layer) => layer.threats)).toHaveLength(10);
    });
});

describe('what a card cannot carry', () => {
    test('v0.8 factor names map back to card rows; the rest is dropped or noted', async () => {
        const agent = await parseAgent(agentSource(`    factors {
        execution_autonomy 0.5
        external_tool_control_surface 1
        persistent_state_retention 0.25
        behavioral_non_determinism 0.1
        natural_language_interface 0.5
        contextual_awareness 0.20
        opacity_and_reflexivity 0.5
        autonomy_of_action 0.9
        rationale "Scored by hand."
    }`));
        const { text, dropped, notes } = exportCard(agent);
        expect(rows(text)).toEqual([
            '| Autonomy of Action | 0.50 | |',
            '| Goal-Driven Planning | 0.00 | |',
            '| Self-Modification | 0.00 | |',
            '| Dynamic Tool Use | 1.00 | |',
            '| Persistent Memory | 0.25 | |',
            '| Contextual Awareness | 0.20 | |',
            '| Dynamic Identity | 0.00 | |',
            '| Multi-Agent Interactions | 0.00 | |',
            '| Non-Determinism | 0.10 | |',
            '| Opacity & Reflexivity | 0.50 |'
        ]);
        expect(dropped).toEqual([
            'factor natural_language_interface 0.5: an AIVSS v0.8 factor with no row on a card',
            "factor autonomy_of_action 0.9: the card row 'Autonomy of Action' already shows execution_autonomy",
            'rationale "Scored by hand.": a card prints its fixed scoring sentence instead'
        ]);
        expect(notes).toEqual([
            "factor execution_autonomy is printed as the card row 'Autonomy of Action'",
            "factor external_tool_control_surface is printed as the card row 'Dynamic Tool Use'",
            "factor persistent_state_retention is printed as the card row 'Persistent Memory'",
            "factor behavioral_non_determinism is printed as the card row 'Non-Determinism'",
            "factor goal_driven_planning is not given; the card row 'Goal-Driven Planning' shows 0.00",
            "factor self_modification is not given; the card row 'Self-Modification' shows 0.00",
            "factor dynamic_identity is not given; the card row 'Dynamic Identity' shows 0.00",
            "factor multi_agent_interactions is not given; the card row 'Multi-Agent Interactions' shows 0.00"
        ]);
    });

    test('score inputs, controls, catalog ids and threat scores are dropped', async () => {
        const agent = await parseAgent(agentSource(`    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"
    exploit proof_of_concept
    mitigation partial
    published 6.1
    control Sandbox "Isolated decoding" { strength strong }`, `    layer L1 { "Key threats include model theft, and prompt injection."
        threat ModelTheft "Model theft" { catalog M1.2 cvss 7.5 exploit attacked mitigation 0.9 mitigated_by Sandbox }
        threat Unlisted "Something the paragraph does not say"
        threat NoTitle
    }
    layer XL { "Cross-layer notes." threat Spread "Spread" }
    layer "Data Operations" uncertain { "From a label." }
    layer L9 { "Nowhere." }`));
        const { text, dropped, notes } = exportCard(agent);
        expect(dropped).toEqual([
            'cvss CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N: a plain card carries no AIVSS score or score inputs',
            'exploit proof_of_concept: a plain card carries no AIVSS score or score inputs',
            'mitigation partial: a plain card carries no AIVSS score or score inputs',
            'published 6.1: a plain card carries no AIVSS score or score inputs',
            'layer XL and its 1 threat(s): a card has paragraphs for L1–L7 only',
            'layer L9: not a MAESTRO layer id',
            'catalog M1.2 of threat ModelTheft (L1): a card has no catalog ids',
            'cvss 7.5 of threat ModelTheft (L1): a plain card carries no AIVSS score or score inputs',
            'exploit attacked of threat ModelTheft (L1): a plain card carries no AIVSS score or score inputs',
            'mitigation 0.9 of threat ModelTheft (L1): a plain card carries no AIVSS score or score inputs',
            'mitigated_by Sandbox of threat ModelTheft (L1): a card has no controls',
            'threat Unlisted (L1) "Something the paragraph does not say": the layer\'s paragraph does not state it',
            'threat NoTitle (L1): the layer\'s paragraph does not state it',
            'control Sandbox: a card has no controls'
        ]);
        expect(paragraphs(text).slice(0, 3)).toEqual([
            'Key threats include model theft, and prompt injection.',
            'Not certain from the listing — From a label.',
            'Not certain from the listing — Not covered by this threat model.'
        ]);
        expect(notes).toContain('layer L3 is missing; the card says "Not certain from the listing — Not covered by this threat model."');
        expect(notes.filter((note) => note.startsWith('layer '))).toHaveLength(5);
    });

    test('string literals are unescaped once, by the value converter', async () => {
        const agent = await parseAgent(
            'agent Bot "Say \\"hi\\"" {\n    summary "A \\"quoted\\" path C:\\\\bots\\\\ here."\n    layer L1 { "One." "Two." }\n    layer L1 uncertain { "Three." }\n}\n'
        );
        const { text, notes } = exportCard(agent, { backLink: true });
        const lines = text.split('\n');
        expect(lines.slice(0, 3)).toEqual(['← Say "hi"', 'Say "hi" — agentic threat model', 'A "quoted" path C:\\bots\\ here.']);
        expect(paragraphs(text)[0]).toBe('Not certain from the listing — One. Two. Three.');
        expect(notes).toContain('layer L1 is declared 2 times; the card joins its paragraphs');
        expect(notes).toContain('factor autonomy_of_action is not given; the card row \'Autonomy of Action\' shows 0.00');
    });

    test('an agent without title or summary still makes a well-formed card', async () => {
        const agent = await parseAgent('agent Bare {\n}\n');
        const { text, notes } = exportCard(agent);
        const card = parsedCard(text);
        expect(card.name).toBe('Bare');
        expect(card.summary).toBe('No summary given.');
        expect(card.layers.every((layer) => layer.uncertain)).toBe(true);
        expect(notes[0]).toBe('the agent has no summary; the card says "No summary given."');
    });
});

describe('twoDecimals', () => {
    test.each([
        ['0.1', '0.10', true],
        ['1', '1.00', true],
        ['0.25', '0.25', true],
        ['0.125', '0.13', false],
        ['0.124', '0.12', false],
        ['0.995', '1.00', false],
        ['-0.5', '-0.50', true]
    ])('%s → %s', (value, text, exact) => {
        expect(twoDecimals(value)).toEqual({ text, exact });
    });
});
