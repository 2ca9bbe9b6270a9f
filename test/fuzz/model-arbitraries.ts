/**
 * What the fuzz suite feeds the tool: (a) random text and token soup, (b) mutations of the
 * shipped examples and of every regression fixture, (c) generated models that are valid by
 * construction, printed with random layout and comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { V05_FACTOR_KEYS, V08_FACTOR_KEYS } from '../../language/aivss/factor-keys.js';
import { MAESTRO_CATALOG } from '../../language/maestro/maestro-catalog.js';

const root = new URL('../../', import.meta.url);

function textsIn(folder: string, suffix: string): Array<[string, string]> {
    const url = new URL(folder, root);
    return readdirSync(url)
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => [`${folder}${name}`, readFileSync(new URL(name, url), 'utf8')]);
}

/** The examples users open, the seed card, and every input that once broke something. */
export const CORPUS: ReadonlyArray<[string, string]> = [
    ...textsIn('examples/', '.tm'),
    ...textsIn('test/fixtures/', '.tm'),
    ...textsIn('test/fixtures/regressions/', '.tm')
];

// ---------------------------------------------------------------------------------------------
// (a) random text

const KEYWORDS = [
    'aivss', 'rounding', 'half_up', 'half_even', 'agent', 'summary', 'factors', 'rationale', 'cvss', 'exploit',
    'attacked', 'proof_of_concept', 'unreported', 'mitigation', 'none', 'partial', 'strong', 'published', 'layer',
    'uncertain', 'threat', 'catalog', 'mitigated_by', 'control', 'strength'
];

/** Pieces that matter to a lexer, a parser, a validator or a renderer. */
const HOSTILE_PIECES = [
    '{', '}', ',', '"', '\\', '"text"', '"unterminated', '"esc\\"aped\\\\"', '/*', '*/', '/* c */', '//', '// c\n',
    '\n', '\r\n', '\r', '\t', ' ', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029',
    '0', '-1', '1.0', '10.0', '0.123', '1e5', '99999999999999999999999', '-0', '.5', '5.', '1.5', '0.97',
    'A', '_', 'a_b', 'L1', 'L4', 'XL', 'L9', 'M1.2', 'MX.5', 'M9.99', 'autonomy_of_action', 'execution_autonomy',
    '"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"', '"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"',
    '"CVSS:4.0/AV:N"', '"CVSS:4.0/AV:N/AV:N/AC:L"', '"Foundation Models"', '"Data Operations"',
    '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\u00AD', '\uFEFF', '\u061C', 'а', 'Ρ', 'pаypal',
    '\u0000', '\uFFFD', '\uD800', '\uDC00', '😀', '𝔸', 'é', 'e\u0301',
    '<<<<<<< HEAD\n', '=======\n', '>>>>>>> branch\n', '|||||||\n',
    '<script>alert(1)</script>', '](javascript:alert(1))', '`', '*', '|', '${x}', '%s', '\u001b[31m'
];

export const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }
);

const separator = fc.constantFrom(' ', ' ', '\n', '  ', '\t', '', '\r\n', '\n\n');

/** Keywords, braces, strings and hostile characters in random order. */
export const tokenSoup = fc
    .array(fc.tuple(token, separator), { maxLength: 120 })
    .map((pairs) => pairs.map(([t, s]) => t + s).join(''));

/** Any code points, lone surrogates included. */
export const randomText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...'agent{}"\\/*\n L1 0.5'.split('')), maxLength: 300 })
);

// ---------------------------------------------------------------------------------------------
// (b) mutations

export type Mutation =
    | { readonly kind: 'delete'; readonly at: number; readonly length: number }
    | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
    | { readonly kind: 'swap'; readonly at: number; readonly length: number; readonly to: number }
    | { readonly kind: 'truncate'; readonly at: number }
    | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const offset = fc.nat({ max: 1_000_000 });
const span = fc.integer({ min: 1, max: 400 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: offset, length: span }),
    fc.record({ kind: fc.constant('duplicate' as const), at: offset, length: span, to: offset }),
    fc.record({ kind: fc.constant('swap' as const), at: offset, length: span, to: offset }),
    fc.record({ kind: fc.constant('truncate' as const), at: offset }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: offset, text: token }) }
);

/** Applies one mutation; offsets are taken modulo the text length so every draw is meaningful. */
export function mutate(text: string, m: Mutation): string {
    const n = text.length;
    if (n === 0) return m.kind === 'insert' ? m.text : text;
    const at = m.at % (n + 1);
    switch (m.kind) {
        case 'delete':
            return text.slice(0, at) + text.slice(at + m.length);
        case 'truncate':
            return text.slice(0, at);
        case 'insert':
            return text.slice(0, at) + m.text + text.slice(at);
        case 'duplicate': {
            const piece = text.slice(at, at + m.length);
            const to = m.to % (n + 1);
            return text.slice(0, to) + piece + text.slice(to);
        }
        case 'swap': {
            // Two non-overlapping pieces change places.
            const a = text.slice(at, at + m.length);
            const rest = text.slice(0, at) + text.slice(at + m.length);
            const to = m.to % (rest.length + 1);
            const b = rest.slice(to, to + m.length);
            const without = rest.slice(0, to) + rest.slice(to + b.length);
            return without.slice(0, at) + b + without.slice(at, to) + a + without.slice(to);
        }
    }
}

export const mutatedCorpus = fc
    .record({ source: fc.constantFrom(...CORPUS), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
    .map(({ source: [name, text], mutations }) => ({ name, mutations, text: mutations.reduce(mutate, text) }));

// ---------------------------------------------------------------------------------------------
// (c) generated valid models

/** A `.tm` string literal holding any text: the grammar knows `\"` and `\\`. */
export function tmString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Free text for titles, summaries and layer paragraphs, hostile payloads included. */
const freeText = fc
    .oneof(
        { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }
    )
    // NUL and U+FFFD make the whole file `invalid-encoding` (a lone surrogate becomes U+FFFD
    // on disk); a valid model has none of them.
    .map((text) => text.replace(/[\u0000\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'));

const identifier = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,10}$/);
const decimal2 = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((v) => (v / 100).toFixed(v % 100 === 0 ? 1 : v % 10 === 0 ? 1 : 2));
const cvssBase = fc.integer({ min: 0, max: 100 }).map((v) => (v / 10).toFixed(1));

const cvss40Vector = fc
    .record({
        AV: fc.constantFrom('N', 'A', 'L', 'P'), AC: fc.constantFrom('L', 'H'), AT: fc.constantFrom('N', 'P'),
        PR: fc.constantFrom('N', 'L', 'H'), UI: fc.constantFrom('N', 'P', 'A'),
        VC: fc.constantFrom('H', 'L', 'N'), VI: fc.constantFrom('H', 'L', 'N'), VA: fc.constantFrom('H', 'L', 'N'),
        SC: fc.constantFrom('H', 'L', 'N'), SI: fc.constantFrom('H', 'L', 'N'), SA: fc.constantFrom('H', 'L', 'N'),
        E: fc.option(fc.constantFrom('X', 'A', 'P', 'U'), { nil: undefined })
    })
    .map(({ E, ...base }) => `CVSS:4.0/${Object.entries(base).map(([k, v]) => `${k}:${v}`).join('/')}${E ? `/E:${E}` : ''}`);

const cvssSetting = fc.oneof(cvssBase, cvss40Vector.map(tmString)).map((value) => `cvss ${value}`);
const exploitSetting = fc.oneof(fc.constantFrom('attacked', 'proof_of_concept', 'unreported'), decimal2(0.01, 1.5)).map((v) => `exploit ${v}`);
const mitigationSetting = fc.oneof(fc.constantFrom('none', 'partial', 'strong'), decimal2(0.01, 1)).map((v) => `mitigation ${v}`);
const strengthSetting = fc.oneof(fc.constantFrom('none', 'partial', 'strong'), decimal2(0.01, 1)).map((v) => `strength ${v}`);

/** One statement of the printed model: a list of tokens the layout puts gaps between. */
type Tokens = string[];

const factorsBlock = fc
    .record({
        set: fc.constantFrom(V05_FACTOR_KEYS, V08_FACTOR_KEYS),
        values: fc.array(decimal2(0, 1), { minLength: 10, maxLength: 10 }),
        count: fc.integer({ min: 0, max: 10 }),
        rationale: fc.option(freeText, { nil: undefined })
    })
    .map(({ set, values, count, rationale }): Tokens => [
        'factors', '{',
        ...set.slice(0, count).flatMap((key, i) => [key, values[i]!]),
        ...(rationale === undefined ? [] : ['rationale', tmString(rationale)]),
        '}'
    ]);

interface GeneratedAgent {
    readonly name: string;
    readonly tokens: Tokens;
}

function threatTokens(name: string, controls: readonly string[]) {
    return fc
        .record({
            title: fc.option(freeText, { nil: undefined }),
            catalog: fc.option(fc.constantFrom(...MAESTRO_CATALOG.map((entry) => entry.id)), { nil: undefined }),
            cvss: fc.option(cvssSetting, { nil: undefined }),
            exploit: fc.option(exploitSetting, { nil: undefined }),
            mitigation: fc.option(mitigationSetting, { nil: undefined }),
            mitigatedBy: fc.subarray([...controls]),
            block: fc.boolean()
        })
        .map(({ title, catalog, cvss, exploit, mitigation, mitigatedBy, block }): Tokens => {
            const members = [
                ...(catalog ? [['catalog', catalog]] : []),
                ...[cvss, exploit, mitigation].filter((s): s is string => s !== undefined).map(splitSetting),
                ...(mitigatedBy.length > 0 ? [['mitigated_by', ...mitigatedBy.flatMap((c: string, i: number) => (i === 0 ? [c] : [',', c]))]] : [])
            ];
            const head = ['threat', name, ...(title === undefined ? [] : [tmString(title)])];
            return block || members.length > 0 ? [...head, '{', ...members.flat(), '}'] : head;
        });
}

function threatList(names: readonly string[], controls: readonly string[]): fc.Arbitrary<Tokens[]> {
    return names.length === 0 ? fc.constant([]) : fc.tuple(...names.map((name) => threatTokens(name, controls)));
}

/** `cvss "CVSS:…"` is two tokens however the value was spelt. */
function splitSetting(setting: string): Tokens {
    const space = setting.indexOf(' ');
    return [setting.slice(0, space), setting.slice(space + 1)];
}

const LAYER_HEADS: readonly Tokens[] = [
    ['layer', 'L1'], ['layer', 'L2', '"Data Operations"'], ['layer', '"Agent Frameworks"'], ['layer', 'L4'],
    ['layer', 'L5', '"Evaluation & Observability"'], ['layer', 'L6'], ['layer', 'L7'], ['layer', 'XL']
];

function agentArbitrary(name: string): fc.Arbitrary<GeneratedAgent> {
    return fc
        .record({
            title: fc.option(freeText, { nil: undefined }),
            summary: fc.option(freeText, { nil: undefined }),
            factors: fc.option(factorsBlock, { nil: undefined }),
            cvss: fc.option(cvssSetting, { nil: undefined }),
            exploit: fc.option(exploitSetting, { nil: undefined }),
            mitigation: fc.option(mitigationSetting, { nil: undefined }),
            controls: fc.uniqueArray(identifier.map((id) => `C${id}`), { maxLength: 3 }),
            layers: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7])
        })
        .chain((agent) =>
            fc
                .record({
                    layerBodies: fc.tuple(
                        ...agent.layers.map((layer) =>
                            fc.record({
                                uncertain: fc.boolean(),
                                paragraphs: fc.array(freeText, { maxLength: 2 }),
                                threats: fc
                                    .uniqueArray(identifier.map((id) => `T${layer}${id}`), { maxLength: 2 })
                                    .chain((names) => threatList(names, agent.controls))
                            })
                        )
                    ),
                    strengths: fc.tuple(...agent.controls.map(() => fc.option(strengthSetting, { nil: undefined }))),
                    controlTitles: fc.tuple(...agent.controls.map(() => fc.option(freeText, { nil: undefined }))),
                    order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 })
                })
                .map(({ layerBodies, strengths, controlTitles, order }): GeneratedAgent => {
                    const members: Tokens[] = [];
                    if (agent.summary !== undefined) members.push(['summary', tmString(agent.summary)]);
                    if (agent.factors) members.push(agent.factors);
                    for (const setting of [agent.cvss, agent.exploit, agent.mitigation]) {
                        if (setting !== undefined) members.push(splitSetting(setting));
                    }
                    agent.layers.forEach((layer, i) => {
                        const body = layerBodies[i]!;
                        const inner = [...body.paragraphs.map(tmString), ...body.threats.flat()];
                        const head = [...LAYER_HEADS[layer]!, ...(body.uncertain ? ['uncertain'] : [])];
                        members.push(inner.length > 0 || i % 2 === 0 ? [...head, '{', ...inner, '}'] : head);
                    });
                    agent.controls.forEach((control, i) => {
                        const title = controlTitles[i];
                        const strength = strengths[i];
                        members.push([
                            'control', control, ...(title === undefined ? [] : [tmString(title)]),
                            ...(strength === undefined ? [] : ['{', ...splitSetting(strength), '}'])
                        ]);
                    });
                    // Members of an agent may come in any order.
                    const shuffled = members
                        .map((member, i) => ({ member, key: order[i % order.length]! + i / 100 }))
                        .sort((a, b) => a.key - b.key)
                        .map(({ member }) => member);
                    const head = ['agent', name, ...(agent.title === undefined ? [] : [tmString(agent.title)]), '{'];
                    return { name, tokens: [...head, ...shuffled.flat(), '}'] };
                })
        );
}

/** A gap between two tokens: whitespace, line endings, comments (whose text may be hostile too). */
const gap = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(' ', '\n', '\n    ', '  ', '\t', '\n\n', '\r\n', ' \r\n\t') },
    { weight: 1, arbitrary: freeText.map((t) => ` /* ${t.replace(/\*\//g, '* /')} */ `) },
    { weight: 1, arbitrary: freeText.map((t) => ` // ${t.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}\n`) }
);

export interface GeneratedModel {
    readonly text: string;
    readonly agents: readonly string[];
}

/** A model that parses and links without an error, in a random but legal layout. */
export const generatedModel: fc.Arbitrary<GeneratedModel> = fc
    .record({
        header: fc.option(fc.constantFrom(['aivss', '0.8'], ['aivss', '0.5'], ['aivss', '0.8', 'rounding', 'half_even'], ['aivss', '0.8', 'rounding', 'half_up']), { nil: undefined }),
        names: fc.uniqueArray(identifier.map((id) => `A${id}`), { minLength: 0, maxLength: 3 }),
        gaps: fc.array(gap, { minLength: 1, maxLength: 40 }),
        leading: fc.option(gap, { nil: undefined })
    })
    .chain(({ header, names, gaps, leading }) =>
        (names.length === 0 ? fc.constant([] as GeneratedAgent[]) : fc.tuple(...names.map(agentArbitrary))).map((agents) => {
            const tokens = [...(header ?? []), ...agents.flatMap((agent) => agent.tokens)];
            const text = (leading?.trimStart() ?? '') + tokens.map((t, i) => (i === 0 ? t : gaps[i % gaps.length]! + t)).join('') + '\n';
            return { text, agents: names };
        })
    );
