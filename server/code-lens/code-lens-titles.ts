/**
 * The one-line titles of the AIVSS code lenses. An agent's lens gives its headline and where it
 * comes from, the factor sum and the layer coverage; a threat's lens gives its score and only
 * the inputs it does not take from its agent (or the defaults), so the differences stand out.
 */
import type { AgentScore, FactorSummary, ThreatScore } from '../../language/scoring/score-types.js';
import {
    agentBlockers, controlName, coverageText, cvssText, factorSumText, isOwnOrigin, multiplierText, scoreText
} from '../hover/score-text.js';

/** `AIVSS 7.8 High (UploadParsing) · factor sum 1.3/10 · 7/7 layers (6 uncertain)`. */
export function agentLensTitle(score: AgentScore): string {
    const headline = score.headline;
    const first = headline?.result
        ? `AIVSS ${scoreText(headline.result)} (${headline.kind === 'agent' ? 'own cvss' : headline.name})`
        : `AIVSS incomplete — ${agentBlockers(score).join(', ')}`;
    return [first, factorPart(score.factors), coverageText(score.coverage)].join(' · ');
}

function factorPart(factors: FactorSummary): string {
    if (factors.sum100 === undefined) return 'factor sum invalid';
    const missing = factors.missing.length > 0 ? ` (${factors.missing.length} missing)` : '';
    return `factor sum ${factorSumText(factors.sum100)}/10${missing}`;
}

/** `AIVSS 7.8 High · CVSS 9.3 · ThM 0.50 (exploit unreported) · MF 0.83 (control UploadSandbox)`. */
export function threatLensTitle(threat: ThreatScore): string {
    const result = threat.result;
    if (!result) {
        const reasons = threat.blockers.map((blocker) => (blocker === 'add cvss' ? 'no CVSS' : blocker));
        return `AIVSS incomplete — ${reasons.join(', ')}`;
    }
    const parts = [`AIVSS ${scoreText(result)}`];
    if (threat.cvss?.origin === 'written') parts.push(`CVSS ${cvssText(threat.cvss.base10)}`);
    const { thm, mf } = threat;
    if (thm && isOwnOrigin(thm.origin)) parts.push(`ThM ${multiplierText(thm.value100)} (${thm.label})`);
    if (mf && threat.version === '0.8' && isOwnOrigin(mf.origin)) {
        const control = controlName(mf);
        parts.push(`MF ${multiplierText(mf.value100)} (${control ? `control ${control}` : mf.label})`);
    }
    return parts.join(' · ');
}
