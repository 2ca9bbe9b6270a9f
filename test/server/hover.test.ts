import { clearDocuments, expectHover } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { hoverAt, plain, seed, services, shared } from './hover-helpers.js';

afterEach(() => clearDocuments(shared));

describe('hover on an agent name', () => {
    test('the seed agent: formula with its numbers, inputs with sources, factors, worst threat, coverage', async () => {
        const hover = plain(await hoverAt(seed, 'agent Wan22S2V', 'agent '.length + 3));
        expect(hover).toContain('### Agent `Wan22S2V` — “WAN 2.2-S2V”');
        expect(hover).toContain('**AIVSS 7.8 High** — from threat `UploadParsing` (L4 Deployment and Infrastructure)');
        expect(hover).toContain('AARS = (10 − 9.3) × (1.30 / 10) × 0.50 = 0.7 × 0.130 × 0.50 = 0.0455');
        expect(hover).toContain('AIVSS_raw = (9.3 + 0.0455) × 0.83 = 7.756765');
        expect(hover).toContain('AIVSS = RoundHalfUp(7.756765, 1) = 7.8 (High)');
        expect(hover).toContain('| Factor sum | 1.3 / 10 |');
        expect(hover).toContain('| ThM | 0.50 | written here (exploit unreported) |');
        expect(hover).toContain('| MF | 0.83 | from control UploadSandbox (partial), the strongest mitigating control |');
        expect(hover).toContain('| AARS (agentic uplift, v0.8) | 0.0455 |');
        expect(hover).toContain('| AIVSS | 7.8 | rounded half up to one decimal |');
        expect(hover).toContain('| Band | High |');
        expect(hover).toContain('Spec: OWASP AIVSS v0.8 · rounding half up');
        expect(hover).toContain('AARS here is the agentic uplift, not the factor sum');
        expect(hover).toContain('a mitigated score can fall below the CVSS base (9.3 here)');
        expect(hover).toContain('**Factors** (v0.5 names) — sum 1.3 / 10');
        // Each factor's exact share of the raw score: (10 − 9.3) × f × 0.50 × 0.83.
        expect(hover).toContain('| `opacity_and_reflexivity` (Opacity &amp; Reflexivity) | 0.50 | 0.5 — Partial logs; black-box reasoning. | 38.5 % | 0.0014525 |');
        expect(hover).toContain('| `autonomy_of_action` (Autonomy of Action) | 0.10 | between 0 and 0.5 (non-canonical) | 7.7 % | 0.0002905 |');
        expect(hover).toContain('**Worst threat:** `UploadParsing` 7.8 High (L4 Deployment and Infrastructure) — 1 of 10 threats scored, 9 incomplete.');
        expect(hover).toContain('**MAESTRO coverage:** 7/7 layers (6 uncertain) · uncertain: L2, L3, L4, L5, L6, L7 · missing: none');
    });

    test('expectHover: the factor sum 1.3 and the score 7.8', async () => {
        await expectHover(services)({
            text: seed.replace('agent Wan22S2V', 'agent Wan<|>22S2V'),
            index: 0,
            hover: /1\.3 \/ 10[\s\S]*7\.8|7\.8[\s\S]*1\.3 \/ 10/,
            disposeAfterCheck: true
        });
    });

    test('an agent without any CVSS says it is incomplete and what to add', async () => {
        const text = 'agent A { factors { execution_autonomy 0.5 self_modification 1 } layer L1 { threat T } }';
        const hover = plain(await hoverAt(text, 'agent A', 6));
        expect(hover).toContain('**AIVSS incomplete** — add cvss');
        expect(hover).toContain('Add `cvss "CVSS:4.0/AV:N/AC:L/…"`');
        expect(hover).toContain('Factor sum so far: 1.5 / 10.');
        expect(hover).toContain('| `natural_language_interface` (Natural Language Interface) | — (missing, counts as 0) |');
        expect(hover).toContain('missing: L2, L3, L4, L5, L6, L7');
    });

    test('an agent whose own cvss is the headline; v0.5 labels AARS as the factor sum', async () => {
        const text = 'aivss 0.5\nagent A { cvss 9.4 factors { autonomy_of_action 1 goal_driven_planning 1 self_modification 1 dynamic_tool_use 1 persistent_memory 1 contextual_awareness 1 dynamic_identity 1 multi_agent_interactions 0.5 non_determinism 0.5 opacity_and_reflexivity 0.5 } }';
        const hover = plain(await hoverAt(text, 'agent A', 6));
        // v0.5 §4.2: (9.4, 8.5) → 8.7.
        expect(hover).toContain("**AIVSS 8.7 High** — from the agent's own `cvss`");
        expect(hover).toContain('AIVSS_raw = ((9.4 + 8.50) / 2) × 0.97 = 8.6815');
        expect(hover).toContain('| AARS (factor sum, v0.5) | 8.50 |');
        expect(hover).toContain('AARS here is the factor sum (AIVSS v0.8 uses the name for the agentic uplift).');
    });

    test('model strings are escaped: no markup, link or table cell can be injected', async () => {
        const text = 'agent A "<script>alert(1)</script> [x](javascript:alert(1)) | *b*" { cvss 5.0 }';
        const hover = (await hoverAt(text, 'agent A', 6)) ?? '';
        expect(hover).not.toContain('<script>');
        // A bracket that is escaped can neither open nor close a link.
        expect(hover).not.toMatch(/(^|[^\\])\]\(/);
        expect(hover).toContain('\\[x\\]');
        expect(hover).toContain('&lt;script&gt;');
        expect(hover).toContain('\\|');
        expect(hover).toContain('\\*b\\*');
    });
});

describe('hover on a threat name', () => {
    test('UploadParsing: its own breakdown, place, mitigation', async () => {
        const hover = plain(await hoverAt(seed, 'threat UploadParsing', 9));
        expect(hover).toContain('### Threat `UploadParsing` — “Audio upload parsing open to remote code execution or SSRF”');
        expect(hover).toContain('Agent `Wan22S2V` · layer L4 (Deployment and Infrastructure), uncertain');
        expect(hover).toContain("**AIVSS 7.8 High** — the agent's headline (its worst complete score).");
        expect(hover).toContain('AIVSS_raw = (9.3 + 0.0455) × 0.83 = 7.756765');
        expect(hover).toContain('written on `UploadParsing`: `CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N` (CVSS 4.0, base-only score CVSS-B)');
        expect(hover).toContain('- `UploadSandbox` — “Audio files are decoded in an isolated, network-less sandbox”: strength partial → MF 0.83');
    });

    test('ModelStealing: incomplete, with its catalog entry and what is known', async () => {
        const hover = plain(await hoverAt(seed, 'threat ModelStealing', 9));
        expect(hover).toContain('catalog `M1.2` Model Stealing');
        expect(hover).toContain('**AIVSS incomplete** — add cvss');
        expect(hover).toContain('Known so far: factor sum 1.3 / 10 · ThM 0.97 (default) · MF 1.00 (default).');
    });

    test('after the agent gets cvss 5.3, ModelStealing scores 5.9 Medium with inherited inputs', async () => {
        const text = seed.replace('    layer L1 {', '    cvss 5.3\n\n    layer L1 {');
        const hover = plain(await hoverAt(text, 'threat ModelStealing', 9));
        expect(hover).toContain("**AIVSS 5.9 Medium** — the agent's headline is 7.8 High from `UploadParsing`.");
        expect(hover).toContain('AIVSS_raw = (5.3 + 0.59267) × 1.00 = 5.89267');
        expect(hover).toContain('| CVSS base | 5.3 | inherited from the agent, as a number |');
        expect(hover).toContain('| ThM | 0.97 | default |');
    });
});

describe('hover on a factor', () => {
    test('names in both versions, rubric, value and its exact effect on the headline', async () => {
        const hover = plain(await hoverAt(seed, 'autonomy_of_action', 3));
        expect(hover).toContain('AIVSS v0.5: **Autonomy of Action** (`autonomy_of_action`) · AIVSS v0.8: **Execution Autonomy** (`execution_autonomy`, spec key `autonomy`)');
        expect(hover).toContain('How far the agent acts without a human approving each step.');
        expect(hover).toContain('- 0 — A human is always in the loop.');
        expect(hover).toContain('- 1 — Commits actions autonomously in production or critical systems.');
        expect(hover).toContain('Value here: **0.10** — between 0 and 0.5 (non-canonical); the factor sum is 1.3 / 10.');
        expect(hover).toContain('- at 0: 7.8 High (raw 7.75386, from `UploadParsing`)');
        expect(hover).toContain('- at 0.5: 7.8 High (raw 7.768385, from `UploadParsing`)');
        expect(hover).toContain('- at 1: 7.8 High (raw 7.78291, from `UploadParsing`)');
        expect(hover).toContain('MAESTRO layers L3, L6');
    });

    test('hovering the value works too, and the rescoring crosses into another score', async () => {
        const factors = ['execution_autonomy', 'external_tool_control_surface', 'natural_language_interface', 'contextual_awareness',
            'behavioral_non_determinism', 'opacity_and_reflexivity', 'persistent_state_retention', 'dynamic_identity',
            'multi_agent_interactions', 'self_modification'].map((key) => `${key} 0.5`).join(' ');
        const text = `agent A { cvss 6.5 factors { ${factors} } }`;
        const hover = plain(await hoverAt(text, 'execution_autonomy 0.5', 'execution_autonomy '.length + 1));
        // C 6.5, ThM 0.97, MF 1: factor sum 4.5 / 5.0 / 5.5.
        expect(hover).toContain('- at 0: 8.0 High (raw 8.02775');
        expect(hover).toContain('- at 0.5: 8.2 High (raw 8.1975');
        expect(hover).toContain('- at 1: 8.4 High (raw 8.36725');
        expect(hover).toContain('Usually evidenced on MAESTRO layers L3, L6');
    });

    test('an unknown key suggests the one meant', async () => {
        const hover = plain(await hoverAt('agent A { factors { autonomy_of_actoin 0.1 } }', 'autonomy_of_actoin', 2));
        expect(hover).toContain('**Unknown factor key** `autonomy_of_actoin`');
        expect(hover).toContain('Did you mean `autonomy_of_action`?');
    });
});
