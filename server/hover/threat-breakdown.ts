/**
 * The breakdown of one threat (its name's hover, a threat's breakdown page): where it sits,
 * its score with formula and input sources, its mitigations, and the agent's factors.
 */
import { catalogThreatById } from '../../language/maestro/maestro-catalog.js';
import { getMaestroLayer } from '../../language/maestro/maestro-layers.js';
import { strengthMf100 } from '../../language/scoring/input-resolution.js';
import type { AgentScore, ThreatScore } from '../../language/scoring/score-types.js';
import { factorTable } from './factor-table.js';
import { findingSection, scoreHeadline } from './finding-breakdown.js';
import { blocks, bullets, code, quoted, text } from './markdown.js';
import { multiplierText, scoreText } from './score-text.js';

export function threatBreakdown(score: AgentScore, threat: ThreatScore): string {
    const node = threat.node;
    return blocks(
        `### Threat ${code(threat.name)}${quoted(node.title)}`,
        placeLine(score, threat),
        `${scoreHeadline(threat, threat.blockers)}${headlineRelation(score, threat)}`,
        findingSection(threat),
        mitigationSection(threat),
        factorTable(score, threat.result?.inputs)
    );
}

function placeLine(score: AgentScore, threat: ThreatScore): string {
    const parts = [`Agent ${code(score.agent.name)}`];
    if (threat.layerId) {
        parts.push(`layer ${threat.layerId} (${text(getMaestroLayer(threat.layerId).name)})${threat.layer.uncertain ? ', uncertain' : ''}`);
    }
    if (threat.catalog) {
        const entry = catalogThreatById(threat.catalog);
        parts.push(`catalog ${code(threat.catalog)}${entry ? ` ${text(entry.name)}` : ' (not in the MAESTRO catalog)'}`);
    }
    return parts.join(' · ');
}

function headlineRelation(score: AgentScore, threat: ThreatScore): string {
    const headline = score.headline;
    if (!threat.result || !headline?.result) return '';
    if (headline === threat) return ' — the agent\'s headline (its worst complete score).';
    return ` — the agent's headline is ${scoreText(headline.result)} from ${headline.kind === 'agent' ? 'its own `cvss`' : code(headline.name)}.`;
}

function mitigationSection(threat: ThreatScore): string | undefined {
    const items: string[] = [];
    const written = threat.node.mitigations[0];
    if (written) items.push(`\`mitigation ${text(written.level ?? written.value ?? '?')}\` on the threat (takes precedence over controls)`);
    for (const reference of threat.node.mitigatedBy.flatMap((m) => m.controls)) {
        const control = reference.ref;
        if (!control) {
            items.push(`${code(reference.$refText)}: unresolved (no control of that name in this file)`);
            continue;
        }
        const strength = control.strengths[0];
        const mf100 = strength ? strengthMf100(strength) : undefined;
        const level = strength
            ? `strength ${text(strength.level ?? strength.value ?? '?')}${mf100 === undefined ? '' : ` → MF ${multiplierText(mf100)}`}`
            : 'no strength (does not change MF)';
        items.push(`${code(control.name)}${quoted(control.title)}: ${level}`);
    }
    return items.length > 0 ? blocks('**Mitigated by:**', bullets(items)) : undefined;
}
