/**
 * Realistic `.tm` models of any size for the benchmarks: agents with all ten v0.8 factors, the
 * seven MAESTRO layers (sometimes the cross-layer one too), threats with catalog ids, CVSS 4.0
 * vectors, exploit and mitigation settings, controls with strengths and `mitigated_by`
 * references, summaries, rationales and comments. Seeded and deterministic: the same options
 * give the same text on every machine, so figures from different runs measure the same input.
 *
 * The models are what a platform team would write: they check without errors; a few hints
 * (non-canonical values) and the odd warning (a missing layer) keep the diagnostic path busy.
 */

export interface ModelOptions {
    /** Lines to generate; the model stops at the first agent boundary at or past this count. */
    readonly lines: number;
    readonly seed: number;
    /** Prefix of agent names, so files of one workspace do not look alike. */
    readonly agentPrefix?: string;
}

export interface GeneratedModel {
    readonly text: string;
    readonly lines: number;
    readonly agents: number;
    readonly threats: number;
}

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function createRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const FACTOR_KEYS = [
    'execution_autonomy',
    'external_tool_control_surface',
    'natural_language_interface',
    'contextual_awareness',
    'behavioral_non_determinism',
    'opacity_and_reflexivity',
    'persistent_state_retention',
    'dynamic_identity',
    'multi_agent_interactions',
    'self_modification'
] as const;
const KEY_WIDTH = Math.max(...FACTOR_KEYS.map((key) => key.length)) + 2;

const LAYERS: ReadonlyArray<{ id: string; name: string; catalog: number }> = [
    { id: 'L1', name: 'Foundation Models', catalog: 7 },
    { id: 'L2', name: 'Data Operations', catalog: 5 },
    { id: 'L3', name: 'Agent Frameworks', catalog: 6 },
    { id: 'L4', name: 'Deployment and Infrastructure', catalog: 6 },
    { id: 'L5', name: 'Evaluation and Observability', catalog: 6 },
    { id: 'L6', name: 'Security and Compliance', catalog: 7 },
    { id: 'L7', name: 'Agent Ecosystem', catalog: 13 }
];

const WORDS = (
    'agent tool model prompt memory vector store planner retrieval pipeline upload document user tenant ' +
    'sandbox policy token secret credential queue webhook browser plugin schema output input trace log ' +
    'review approval workflow cluster container gateway identity session cache index embedding dataset ' +
    'customer invoice ticket report summary request response operator partner service endpoint audit'
).split(' ');
const VERBS = 'reads writes plans delegates summarises routes validates stores fetches ranks drafts escalates'.split(' ');
const THREAT_HEADS = 'Injected Poisoned Leaked Forged Replayed Escalated Hijacked Exfiltrated Spoofed Unbounded'.split(' ');
const EXPLOITS = ['attacked', 'proof_of_concept', 'unreported'] as const;
const EXPLOIT_E: Readonly<Record<(typeof EXPLOITS)[number], string>> = { attacked: 'A', proof_of_concept: 'P', unreported: 'U' };
const STRENGTHS = ['none', 'partial', 'strong'] as const;

class Writer {
    readonly out: string[] = [];
    line(indent: number, text: string): void {
        this.out.push(text === '' ? '' : '    '.repeat(indent) + text);
    }
}

class ModelBuilder {
    private threatCount = 0;

    constructor(
        private readonly random: () => number,
        private readonly writer: Writer
    ) {}

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)]!;
    }

    chance(probability: number): boolean {
        return this.random() < probability;
    }

    words(count: number): string {
        const out: string[] = [];
        for (let i = 0; i < count; i++) out.push(this.pick(WORDS));
        return out.join(' ');
    }

    sentence(min: number, max: number): string {
        const text = `${this.words(2)} ${this.pick(VERBS)} ${this.words(min + Math.floor(this.random() * (max - min)))}`;
        return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
    }

    factorValue(): string {
        // Mostly the spec's levels; a few in-between estimates (each a `non-canonical-factor` hint).
        if (this.chance(0.04)) return this.pick(['0.2', '0.3', '0.7']);
        return this.pick(['0.0', '0.5', '0.5', '1.0']);
    }

    cvss(exploit: (typeof EXPLOITS)[number] | undefined): string {
        const m = (values: string) => this.pick(values.split(''));
        const base =
            `CVSS:4.0/AV:${m('NNNAL')}/AC:${m('LLH')}/AT:${m('NNP')}/PR:${m('NLLH')}/UI:${m('NNPA')}` +
            `/VC:${m('HHLN')}/VI:${m('HLLN')}/VA:${m('HLNN')}/SC:${m('NNLH')}/SI:${m('NNL')}/SA:${m('NNL')}`;
        // The threat metric E, when present, agrees with an explicit exploit at the same level.
        if (exploit) return this.chance(0.3) ? `${base}/E:${EXPLOIT_E[exploit]}` : base;
        return this.chance(0.3) ? `${base}/E:${m('APU')}` : base;
    }

    agent(index: number, prefix: string): void {
        const w = this.writer;
        const name = `${prefix}${String(index).padStart(5, '0')}`;
        const controls = Array.from({ length: 2 + Math.floor(this.random() * 3) }, (_, i) => `${name}Control${i + 1}`);
        if (this.chance(0.3)) w.line(0, `// ${this.sentence(6, 12)}`);
        w.line(0, `agent ${name} "${this.words(3)} agent" {`);
        w.line(1, `summary "${this.sentence(10, 22)} ${this.sentence(6, 14)}"`);
        w.line(0, '');
        w.line(1, 'factors {');
        for (const key of FACTOR_KEYS) w.line(2, `${key.padEnd(KEY_WIDTH)}${this.factorValue()}`);
        w.line(2, `rationale "${this.sentence(10, 20)}"`);
        w.line(1, '}');
        const agentExploit = this.chance(0.5) ? this.pick(EXPLOITS) : undefined;
        if (this.chance(0.8)) w.line(1, `cvss "${this.cvss(agentExploit)}"`);
        if (agentExploit) w.line(1, `exploit ${agentExploit}`);
        if (this.chance(0.5)) w.line(1, `mitigation ${this.pick(STRENGTHS)}`);
        // One agent in twenty leaves a layer out: a `missing-layer` warning.
        const skipped = this.chance(0.05) ? 1 + Math.floor(this.random() * 7) : 0;
        LAYERS.forEach((layer, i) => {
            if (i + 1 !== skipped) this.layer(layer, i, name, controls);
        });
        if (this.chance(0.2)) {
            w.line(0, '');
            w.line(1, 'layer XL {');
            this.threat(name, 'MX', 5, controls);
            w.line(1, '}');
        }
        w.line(0, '');
        for (const control of controls) {
            const strength = this.chance(0.1) ? this.pick(['0.9', '0.75']) : this.pick(STRENGTHS);
            w.line(1, `control ${control} "${this.sentence(5, 10)}" { strength ${strength} }`);
        }
        w.line(0, '}');
        w.line(0, '');
    }

    layer(layer: { id: string; name: string; catalog: number }, index: number, agent: string, controls: readonly string[]): void {
        const w = this.writer;
        w.line(0, '');
        const label = this.chance(0.3) ? ` "${layer.name}"` : '';
        const uncertain = this.chance(0.15) ? ' uncertain' : '';
        w.line(1, `layer ${layer.id}${label}${uncertain} {`);
        w.line(2, `"${this.sentence(8, 18)}"`);
        const threats = Math.floor(this.random() * 3) + (index === 0 ? 1 : 0);
        for (let t = 0; t < threats; t++) this.threat(agent, `M${index + 1}`, layer.catalog, controls);
        w.line(1, '}');
    }

    threat(agent: string, catalogPrefix: string, catalogSize: number, controls: readonly string[]): void {
        const w = this.writer;
        const name = `${this.pick(THREAT_HEADS)}${this.pick(WORDS)[0]!.toUpperCase()}${++this.threatCount}`;
        const title = this.sentence(5, 12);
        const catalog = `catalog ${catalogPrefix}.${1 + Math.floor(this.random() * catalogSize)}`;
        if (this.chance(0.25)) {
            w.line(2, `threat ${name} "${title}" { ${catalog} }`);
            return;
        }
        w.line(2, `threat ${name} "${title}" {`);
        w.line(3, catalog);
        const exploit = this.chance(0.4) ? this.pick(EXPLOITS) : undefined;
        if (this.chance(0.6)) w.line(3, `cvss "${this.cvss(exploit)}"`);
        if (exploit) w.line(3, `exploit ${exploit}`);
        if (this.chance(0.6)) {
            const first = this.pick(controls);
            const second = this.pick(controls);
            w.line(3, `mitigated_by ${first === second ? first : `${first}, ${second}`}`);
        } else if (this.chance(0.3)) {
            w.line(3, `mitigation ${this.pick(STRENGTHS)}`);
        }
        w.line(2, '}');
        void agent;
    }

    get threats(): number {
        return this.threatCount;
    }
}

/** A model of about `lines` lines (never fewer; at most one agent more). */
export function generateModel(options: ModelOptions): GeneratedModel {
    const random = createRandom(options.seed);
    const writer = new Writer();
    const builder = new ModelBuilder(random, writer);
    writer.line(0, `// Generated benchmark model (seed ${options.seed}); do not edit.`);
    writer.line(0, 'aivss 0.8');
    writer.line(0, '');
    let agents = 0;
    while (writer.out.length < options.lines) {
        builder.agent(++agents, options.agentPrefix ?? 'Agent');
    }
    const text = `${writer.out.join('\n')}\n`;
    return { text, lines: writer.out.length, agents, threats: builder.threats };
}
