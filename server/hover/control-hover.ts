/**
 * Hover on a control (its declaration or a `mitigated_by` reference): its strength and MF, and
 * every threat of the file it mitigates with the MF that threat ends up using.
 */
import type { AivssVersion } from '../../language/aivss/aivss-types.js';
import type { Control, Model } from '../../language/generated/ast.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import { strengthMf100 } from '../../language/scoring/input-resolution.js';
import type { ThreatScore } from '../../language/scoring/score-types.js';
import { blocks, code, quoted, table, text } from './markdown.js';
import { controlName, multiplierText, originText } from './score-text.js';

export function controlHover(control: Control, scorer: ModelScorer): string {
    const model = control.$container.$container as Model;
    const agents = model.agents.map((agent) => scorer.scoreOf(agent));
    const version: AivssVersion = agents[0]?.version ?? '0.8';
    const mitigated: Array<{ agent: string; threat: ThreatScore }> = [];
    for (const score of agents) {
        for (const threat of score.threats) {
            if (threat.node.mitigatedBy.some((m) => m.controls.some((ref) => ref.ref === control))) {
                mitigated.push({ agent: score.agent.name, threat });
            }
        }
    }
    const rows = mitigated.map(({ agent, threat }) => [
        code(threat.name),
        code(agent),
        threat.mf ? multiplierText(threat.mf.value100) : 'invalid',
        threat.mf ? (controlName(threat.mf) === control.name ? 'this control' : text(originText(threat.mf))) : ''
    ]);
    return blocks(
        `### Control ${code(control.name)}${quoted(control.title)}`,
        strengthLine(control, version),
        rows.length > 0
            ? blocks(`**Mitigates** ${rows.length} threat${rows.length === 1 ? '' : 's'}:`, table(['Threat', 'Agent', 'MF used', 'MF from'], rows))
            : 'Not referenced by any `mitigated_by` in this file.',
        'A threat takes the strongest (lowest MF) of its controls; a `mitigation` written on the threat takes precedence.'
    );
}

function strengthLine(control: Control, version: AivssVersion): string {
    const strength = control.strengths[0];
    if (!strength) return 'No `strength`: the control documents a mitigation but does not change MF.';
    const mf100 = strengthMf100(strength);
    const written = text(strength.level ?? strength.value ?? '?');
    if (mf100 === undefined) return `Strength ${written} — invalid, so the threats it mitigates are not scored.`;
    const ignored = version === '0.5' ? ' (AIVSS v0.5 has no mitigation factor: ignored there)' : '';
    return `Strength **${written}** → MF **${multiplierText(mf100)}**${ignored}.`;
}
