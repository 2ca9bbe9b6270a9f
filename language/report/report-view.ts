/**
 * What the human-readable reports (Markdown, HTML) show, computed once from the scored model.
 * Every string here is raw model text: each renderer escapes it for its own syntax.
 */
import type { Severity } from '../aivss/aivss-types.js';
import { formatScaled } from '../aivss/decimal.js';
import { factorKeysOf, FACTOR_KEYS } from '../aivss/factor-keys.js';
import { catalogThreatById } from '../maestro/maestro-catalog.js';
import { getMaestroLayer, STACK_LAYER_IDS } from '../maestro/maestro-layers.js';
import { layerIdOf } from '../scoring/layer-coverage.js';
import type { AgentScore, FindingScore, ThreatScore } from '../scoring/score-types.js';
import { formulaLines } from './breakdown.js';
import { nameOf } from './report-types.js';

export interface InputView {
    readonly name: string;
    readonly value: string;
    readonly source: string;
}

export interface FactorView {
    readonly key: string;
    /** Two decimals, or undefined when the block does not give this factor. */
    readonly value: string | undefined;
    readonly value100: number;
}

export interface LayerView {
    readonly id: string;
    readonly name: string;
    readonly status: 'covered' | 'uncertain' | 'missing';
    readonly threats: number;
    /** The highest complete threat score filed under the layer, in tenths. */
    readonly max10: number | undefined;
    /** The layer's free text (its paragraphs), joined. */
    readonly text: string | undefined;
}

export interface ThreatView {
    readonly name: string;
    readonly title: string | undefined;
    readonly layer: string;
    readonly catalog: string | undefined;
    readonly catalogName: string | undefined;
    /** `7.8` or undefined when incomplete. */
    readonly score: string | undefined;
    readonly severity: Severity | undefined;
    readonly blockers: readonly string[];
    readonly mitigations: readonly string[];
}

export interface AgentView {
    readonly name: string;
    readonly title: string | undefined;
    readonly summary: string | undefined;
    readonly rationale: string | undefined;
    readonly version: string;
    readonly rounding: string;
    readonly score: string | undefined;
    readonly score10: number | undefined;
    readonly severity: Severity | undefined;
    /** `the agent's own score` or the threat's name. */
    readonly headlineFrom: string | undefined;
    readonly factorSum: string | undefined;
    readonly factors: readonly FactorView[];
    readonly formula: readonly string[];
    readonly inputs: readonly InputView[];
    readonly layers: readonly LayerView[];
    readonly threats: readonly ThreatView[];
}

/** Agents with the highest headline first; incomplete ones last; ties keep file order. */
export function agentViews(agents: readonly AgentScore[]): AgentView[] {
    return agents
        .map((score, index) => ({ view: agentView(score), index }))
        .sort((a, b) => (b.view.score10 ?? -1) - (a.view.score10 ?? -1) || a.index - b.index)
        .map((entry) => entry.view);
}

export function agentView(score: AgentScore): AgentView {
    const { agent, headline, factors } = score;
    const result = headline?.result;
    const byKey = new Map(factors.values.map((value) => [FACTOR_KEYS.get(value.key)!.concept, value]));
    const factorViews: FactorView[] = factorKeysOf(factors.set).map((key) => {
        const value = byKey.get(FACTOR_KEYS.get(key)!.concept);
        return { key: value?.key ?? key, value: value ? formatScaled(value.value100, 2) : undefined, value100: value?.value100 ?? 0 };
    });
    return {
        name: nameOf(agent.name),
        title: agent.title,
        summary: agent.summaries[0]?.text,
        rationale: factors.block?.rationales[0]?.text,
        version: score.version,
        rounding: score.rounding,
        score: result ? formatScaled(result.score10, 1) : undefined,
        score10: result?.score10,
        severity: result?.severity,
        headlineFrom: headline ? (headline.kind === 'agent' ? 'the agent\'s own score' : nameOf(headline.name)) : undefined,
        factorSum: factors.sum100 === undefined ? undefined : formatScaled(factors.sum100, 2),
        factors: factorViews,
        formula: result ? formulaLines(result) : [],
        inputs: headline ? inputViews(headline) : [],
        layers: layerViews(score),
        threats: score.threats.map(threatView)
    };
}

function inputViews(finding: FindingScore): InputView[] {
    const inputs: InputView[] = [];
    if (finding.cvss) {
        const where = finding.cvss.origin === 'written' ? `written on ${nameOf(finding.name)}` : 'inherited from the agent';
        const vector = finding.cvss.vector ? `: ${finding.cvss.vector.vector} (CVSS ${finding.cvss.vector.version})` : '';
        inputs.push({ name: 'CVSS base', value: formatScaled(finding.cvss.base10, 1), source: `${where}${vector}` });
    }
    if (finding.factorSum100 !== undefined) {
        inputs.push({ name: 'Factor sum', value: formatScaled(finding.factorSum100, 2), source: 'the agent\'s factors' });
    }
    if (finding.thm) inputs.push({ name: 'ThM', value: formatScaled(finding.thm.value100, 2), source: finding.thm.label });
    if (finding.mf && finding.version === '0.8') {
        inputs.push({ name: 'MF', value: formatScaled(finding.mf.value100, 2), source: finding.mf.label });
    }
    return inputs;
}

function layerViews(score: AgentScore): LayerView[] {
    const { coverage } = score;
    return STACK_LAYER_IDS.map((id) => {
        const threats = score.threats.filter((threat) => threat.layerId === id);
        const paragraphs = score.agent.layers
            .filter((layer) => layerIdOf(layer) === id)
            .flatMap((layer) => layer.paragraphs.map((paragraph) => paragraph.text));
        const scores = threats.flatMap((threat) => (threat.result ? [threat.result.score10] : []));
        const status = coverage.uncertain.includes(id) ? 'uncertain' : coverage.covered.includes(id) ? 'covered' : 'missing';
        return {
            id,
            name: getMaestroLayer(id).name,
            status,
            threats: threats.length,
            // reduce, not Math.max(...scores): a layer can hold more threats than a spread allows.
            max10: scores.length > 0 ? scores.reduce((max, score) => Math.max(max, score)) : undefined,
            text: paragraphs.length > 0 ? paragraphs.join(' ') : undefined
        };
    });
}

function threatView(threat: ThreatScore): ThreatView {
    const mitigations: string[] = [];
    const written = threat.node.mitigations[0];
    if (written) mitigations.push(`mitigation ${written.level ?? written.value}`);
    for (const reference of threat.node.mitigatedBy.flatMap((m) => m.controls)) {
        const control = reference.ref;
        if (!control) {
            mitigations.push(`${reference.$refText} (unresolved)`);
            continue;
        }
        const strength = control.strengths[0];
        const level = strength ? ` (${strength.level ?? strength.value})` : '';
        mitigations.push(`${nameOf(control.name)}${level}${control.title ? `: ${control.title}` : ''}`);
    }
    return {
        name: nameOf(threat.name),
        title: threat.node.title,
        layer: threat.layerId ?? threat.layer.layerId ?? threat.layer.label ?? '?',
        catalog: threat.catalog,
        catalogName: threat.catalog ? catalogThreatById(threat.catalog)?.name : undefined,
        score: threat.result ? formatScaled(threat.result.score10, 1) : undefined,
        severity: threat.result?.severity,
        blockers: threat.blockers,
        mitigations
    };
}
