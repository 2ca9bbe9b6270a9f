import type { RuleSeverity } from '../config/atm-config.js';

/**
 * Every diagnostic the language reports, with its default severity and the one-line help that
 * the CLI, the editor and SARIF rules share. Codes are stable: users silence or promote them by
 * name in `atm.config.json`, and CI pipelines grep for them.
 */
export const DIAGNOSTIC_CODES = {
    // input
    'syntax-error': { severity: 'error', help: 'The text does not follow the .tm grammar.' },
    'invalid-encoding': { severity: 'error', help: 'The file is binary or not valid UTF-8 text.' },
    'file-too-large': { severity: 'error', help: 'The file is larger than the size limit and was not parsed.' },
    'invalid-number': { severity: 'error', help: 'A number has more decimals than its input allows; inputs are never rounded silently.' },
    'unknown-aivss-version': { severity: 'error', help: 'The aivss header names a formula version other than 0.8 or 0.5.' },
    'duplicate-member': { severity: 'error', help: 'A setting that may appear once (summary, cvss, exploit, mitigation, factors, catalog, strength) appears twice.' },
    // layers
    'missing-layer': { severity: 'warning', help: 'An agent does not cover one of the seven MAESTRO layers L1–L7.' },
    'duplicate-layer': { severity: 'error', help: 'An agent declares the same MAESTRO layer twice.' },
    'unknown-layer': { severity: 'error', help: 'A layer id or name is not a MAESTRO layer (L1–L7, XL) or a documented alias.' },
    'layer-name-mismatch': { severity: 'warning', help: 'A layer id and the name written beside it denote different MAESTRO layers.' },
    'empty-layer': { severity: 'hint', help: 'A layer has neither a description nor threats.' },
    'layer-alias': { severity: 'hint', help: 'A layer is named by an alias; the canonical id (L1–L7, XL) reads the same everywhere.' },
    // factors
    'unknown-factor': { severity: 'error', help: 'A factor key is not one of the AIVSS agentic risk factors.' },
    'missing-factor': { severity: 'warning', help: 'A factors block lacks one of the ten factors of its key set; the score uses the factors present.' },
    'duplicate-factor': { severity: 'error', help: 'A factors block names the same AIVSS factor concept twice.' },
    'mixed-factor-versions': { severity: 'warning', help: 'A factors block mixes v0.5-only and v0.8-only factor keys.' },
    'factor-out-of-range': { severity: 'error', help: 'A factor value lies outside 0.0–1.0.' },
    'non-canonical-factor': { severity: 'hint', help: 'A factor value is not one of the spec’s levels 0, 0.5 or 1.' },
    // CVSS
    'invalid-cvss': { severity: 'error', help: 'A CVSS vector or base score is malformed or out of range.' },
    'cvss-version-mismatch': { severity: 'error', help: 'AIVSS v0.8 requires CVSS v4.0 base scores (§3.1.1); a v3.1 vector was given.' },
    'legacy-cvss-version': { severity: 'warning', help: 'A CVSS v3.1 vector is used under the legacy AIVSS v0.5 formula.' },
    'cvss-metrics-ignored': { severity: 'info', help: 'Environmental or supplemental CVSS metrics do not change the base score AIVSS uses.' },
    'missing-cvss': { severity: 'info', help: 'No CVSS base applies, so the AIVSS score is incomplete.' },
    // multipliers
    'threat-multiplier-out-of-range': { severity: 'error', help: 'A threat multiplier (exploit) must be above 0 and at most 1.5.' },
    'elevated-threat-multiplier': { severity: 'warning', help: 'A threat multiplier above 1.0 is an “elevated threat” estimate outside the spec.' },
    'mitigation-out-of-range': { severity: 'error', help: 'A mitigation factor must be above 0 and at most 1.0.' },
    'non-canonical-multiplier': { severity: 'hint', help: 'A threat or mitigation multiplier is not one of the spec’s canonical values.' },
    'exploit-contradicts-vector': { severity: 'warning', help: 'An explicit exploit level contradicts the E: metric of the CVSS vector at the same level.' },
    'mitigation-ignored': { severity: 'info', help: 'AIVSS v0.5 has no mitigation factor; mitigations and control strengths do not enter the score.' },
    // catalog, names, references
    'unknown-catalog-id': { severity: 'error', help: 'A catalog id is not in the MAESTRO threat catalog (M1.1 … MX.5).' },
    'catalog-layer-mismatch': { severity: 'warning', help: 'A catalog threat is filed under a layer other than its own.' },
    'duplicate-name': { severity: 'error', help: 'Agent and control names are unique per file, threat names per agent.' },
    'unresolved-reference': { severity: 'error', help: 'A mitigated_by reference names no control of this file.' },
    'published-score-mismatch': { severity: 'warning', help: 'The recomputed AIVSS score differs from the published one.' },
    // hostile text
    'bidi-control': { severity: 'warning', help: 'A bidirectional control character can make the text read differently from how it parses (Trojan Source).' },
    'invisible-character': { severity: 'warning', help: 'An invisible character (zero-width, soft hyphen) hides in the text.' },
    'mixed-script-text': { severity: 'warning', help: 'A word mixes letters of different scripts (a look-alike such as a Cyrillic “а” in a Latin word).' }
} as const satisfies Record<string, { severity: Exclude<RuleSeverity, 'off'>; help: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, code);
}
