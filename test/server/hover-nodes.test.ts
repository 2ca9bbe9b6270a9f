import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { hoverAt, plain, seed, shared } from './hover-helpers.js';

afterEach(() => clearDocuments(shared));

const UPLOAD_VECTOR = '"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"';

describe('hover on a cvss setting', () => {
    test('a CVSS 4.0 vector: every metric in words, the base score, the version', async () => {
        // Occurrence 0 is in a comment, occurrence 1 is UploadParsing's vector.
        const hover = plain(await hoverAt(seed, '"CVSS:4.0/', 5, 1));
        expect(hover).toContain('**CVSS 4.0** — base-only score (CVSS-B) **9.3**.');
        expect(hover).toContain('| `AV` Attack Vector | `N` Network | Exploitable remotely, across the network or the Internet. | base |');
        expect(hover).toContain('| `VC` Vulnerable System Confidentiality Impact | `H` High |');
        expect(hover).toContain('| `SA` Subsequent System Availability Impact | `N` None |');
        expect(hover).toContain('Threat-level: used by this threat only');
    });

    test('E:U becomes ThM, other metrics are ignored, the agent-level value is inherited', async () => {
        const vector = UPLOAD_VECTOR.replace('SA:N"', 'SA:N/E:U/CR:H"');
        const text = `agent A { cvss ${vector} layer L1 { threat T threat U { cvss 4.0 } } }`;
        const hover = plain(await hoverAt(text, 'cvss "', 8));
        expect(hover).toContain('**CVSS 4.0** — base-only score (CVSS-B) **9.3**.');
        expect(hover).toContain('`E:U` becomes ThM 0.50 (AIVSS v0.8)');
        expect(hover).toContain('`CR:H` do not change the base score.');
        expect(hover).toContain("Agent-level: scores the agent's own finding and is inherited by 1 threat without a `cvss` of their own.");
    });

    test('an invalid vector lists its errors; a 3.1 vector under v0.8 is refused', async () => {
        const invalid = plain(await hoverAt('agent A { cvss "CVSS:4.0/AV:N/AC:L" }', 'cvss', 1));
        expect(invalid).toContain('**Invalid CVSS vector**');
        expect(invalid).toContain("missing the mandatory base metric 'AT'");
        const v31 = plain(await hoverAt('agent A { cvss "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }', 'CVSS:3.1', 3));
        expect(v31).toContain('**CVSS 3.1** — base score **9.8**. AIVSS v0.8 (§3.1.1) accepts only CVSS 4.0');
    });

    test('a number', async () => {
        expect(plain(await hoverAt('agent A { cvss 5.3 }', '5.3', 1))).toContain('**CVSS base 5.3**, written as a number');
        expect(plain(await hoverAt('agent A { cvss 5.35 }', '5.35', 1))).toContain('invalid');
    });
});

describe('hover on a layer', () => {
    test('MAESTRO name, description, catalog threats (referenced ones marked) and mitigation hints', async () => {
        const hover = plain(await hoverAt(seed, 'layer L1 {', 7));
        expect(hover).toContain('### MAESTRO L1 — Foundation Models');
        expect(hover).toContain('The core model');
        expect(hover).toContain('| `M1.2` ✓ | Model Stealing |');
        expect(hover).toContain('| `M1.1` ✓ | Adversarial Examples |');
        expect(hover).toContain('| `M1.3` | Backdoor Attacks |');
        expect(hover).toContain('- input/output guardrails and injection filtering');
    });

    test('by quoted name, uncertain, and unknown ids', async () => {
        const named = plain(await hoverAt('agent A { layer "Data Operations" uncertain }', 'Data', 1));
        expect(named).toContain('### MAESTRO L2 — Data Operations');
        expect(named).toContain('Marked `uncertain`');
        const unknown = plain(await hoverAt('agent A { layer l4 }', 'l4', 1));
        expect(unknown).toContain('**Unknown MAESTRO layer** `l4`');
        expect(unknown).toContain('Did you mean `L4` (Deployment and Infrastructure)?');
    });
});

describe('hover on a catalog id', () => {
    test('the catalog entry', async () => {
        const hover = plain(await hoverAt(seed, 'catalog M1.2', 9));
        expect(hover).toContain('### MAESTRO `M1.2` — Model Stealing');
        expect(hover).toContain('Layer L1 (Foundation Models)');
        expect(hover).toContain('rebuild a working copy of the model');
    });

    test('a layer mismatch and an unknown id', async () => {
        const mismatch = plain(await hoverAt('agent A { layer L2 { threat T { catalog M1.2 } } }', 'M1.2', 1));
        expect(mismatch).toContain('This threat is filed under L2, but the catalog entry belongs to L1.');
        const unknown = plain(await hoverAt('agent A { layer L1 { threat T { catalog M1.9 } } }', 'M1.9', 1));
        expect(unknown).toContain('**Unknown MAESTRO catalog id** `M1.9`');
    });
});

describe('hover on a control', () => {
    test('declaration and reference: strength, MF and the threats it mitigates', async () => {
        for (const [needle, delta] of [['control UploadSandbox', 10], ['mitigated_by UploadSandbox', 16]] as const) {
            const hover = plain(await hoverAt(seed, needle, delta));
            expect(hover).toContain('### Control `UploadSandbox` — “Audio files are decoded in an isolated, network-less sandbox”');
            expect(hover).toContain('Strength **partial** → MF **0.83**.');
            expect(hover).toContain('| `UploadParsing` | `Wan22S2V` | 0.83 | this control |');
        }
    });

    test('a weaker control loses to a stronger one; a control without strength', async () => {
        const text = [
            'agent A {',
            '    layer L1 { threat T { mitigated_by Weak, Strong } }',
            '    control Weak { strength partial }',
            '    control Strong { strength strong }',
            '    control Doc',
            '}'
        ].join('\n');
        const weak = plain(await hoverAt(text, 'control Weak', 9));
        expect(weak).toContain('| `T` | `A` | 0.67 | from control Strong (strong), the strongest mitigating control |');
        const doc = plain(await hoverAt(text, 'control Doc', 9));
        expect(doc).toContain('No `strength`');
        expect(doc).toContain('Not referenced by any `mitigated_by` in this file.');
    });
});

test('no hover on comments, keywords without meaning, or whitespace', async () => {
    expect(await hoverAt(seed, '// WAN', 4)).toBeUndefined();
    expect(await hoverAt(seed, 'summary "', 2)).toBeUndefined();
    expect(await hoverAt(seed, '    layer L1', 1)).toBeUndefined();
});
