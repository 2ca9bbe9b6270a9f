/**
 * How the parser recognises each kind of card line. Tolerant of what real captures vary in
 * (case, spacing, `&` vs `and`, en dash or hyphen for the em dash), strict about the words.
 */
import { normalizeFactorName } from './card-format.js';

export const NAVIGATION_RE = /^AgentReady\s*Home\s*Agent\s*Listing$/i;
export const BACK_LINK_RE = /^←\s*(.*)$/;
export const TITLE_RE = /^(.*\S)\s+(?:—|–|--?)\s+agentic threat model$/i;
export const RATIONALE_HEADER_RE = /^OWASP AIVSS score rationale$/i;
export const MAESTRO_HEADER_RE = /^MAESTRO 7-layer threat model$/i;
export const SCORED_SENTENCE_RE = /^Scored with the canonical OWASP AIVSS formula\b/i;
export const PER_LAYER_SENTENCE_RE = /^Per-layer threats for this agent\b/i;
export const FOOTER_RE = /^MAESTRO\s+(?:—|–|--?)\s+the 7-layer agentic threat-modeling framework\b/i;
export const UNCERTAIN_RE = /^Not certain from the listing\s*(?:—|–|--?)\s*/i;

const NUMBER = '(\\d+(?:\\.\\d+)?)';
/** `5.8AIVSS 5.8 · Medium`: the big number run into its label. */
export const SCORE_HEADLINE_RE = new RegExp(`^${NUMBER}\\s*AIVSS\\s+${NUMBER}\\s*·\\s*(None|Low|Medium|High|Critical)$`, 'i');
export const FORMULA_RE = /^AIVSS\s*=/;
/** `CVSS base 6.0AARS uplift 0.5Factor sum 1.3/10Threat ×0.97Mitigation ×1.0`. */
export const SCORE_INPUTS_RE = new RegExp(
    `^CVSS base\\s*${NUMBER}\\s*AARS uplift\\s*${NUMBER}\\s*Factor sum\\s*${NUMBER}\\s*/\\s*10\\s*` +
    `Threat\\s*[×x]\\s*${NUMBER}\\s*Mitigation\\s*[×x]\\s*${NUMBER}$`,
    'i'
);
/**
 * `| Name | 0.10 | |`, or the last row's `| Name | 0.50 |`; the cells are captured untrimmed.
 * (Trimming inside the pattern, `\s*([^|]*?)\s*\|`, backtracks cubically on a long cell that
 * never closes: a 4 000-character line took a minute.)
 */
export const FACTOR_ROW_RE = /^\|([^|]*)\|([^|]*)\|(?:\s*\|)?$/;
/** `L4 · Deployment & Infrastructure⚠ not certain from listing`, status run into the name. */
export const LAYER_HEADING_RE = /^L(\d+)\s*·\s*(.*?)\s*(✓\s*mapped|⚠\s*not certain from listing)$/i;

export function sameFactorName(a: string, b: string): boolean {
    return normalizeFactorName(a) === normalizeFactorName(b);
}

/** Lines that open a later part of the card: finding one early means a section is missing. */
export function isSectionLine(text: string): boolean {
    return [RATIONALE_HEADER_RE, MAESTRO_HEADER_RE, FOOTER_RE, LAYER_HEADING_RE, FACTOR_ROW_RE].some((re) => re.test(text));
}
