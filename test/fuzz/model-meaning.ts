/**
 * What a model means, as a comparable value: the AST without positions (references by their
 * text), the comments in order, and the scores. Formatting must not change any of it.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils, isReference } from 'langium';
import { expect } from 'vitest';
import type { ModelScore } from '../../language/scoring/score-types.js';
import { formatModelText } from '../../server/format-text.js';
import { analyse, forget, services } from './analyse.js';

export function astDigest(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(astDigest);
    if (isReference(node)) return { ref: node.$refText };
    if (node !== null && typeof node === 'object') {
        const result: Record<string, unknown> = { type: (node as AstNode).$type };
        for (const [key, value] of Object.entries(node)) {
            if (!key.startsWith('$')) result[key] = astDigest(value);
        }
        return result;
    }
    return node;
}

/** The comments of a document in order, without their indentation. */
export function commentsOf(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return [...CstUtils.flattenCst(root)]
        .filter((leaf) => leaf.hidden && leaf.text.trim().length > 0)
        .map((leaf) => leaf.text.split(/\r?\n/).map((line) => line.trim()).join('\n'));
}

/** Every score and its inputs, by agent and finding. */
export function scoreDigest(score: ModelScore): unknown {
    return score.agents.map((agent) => ({
        agent: agent.agent.name,
        headline: agent.headline?.result?.score10,
        coverage: agent.coverage,
        factors: agent.factors.sum100,
        findings: [agent.own, ...agent.threats].map((finding) =>
            finding ? { name: finding.name, score10: finding.result?.score10, raw: finding.result?.raw, blockers: finding.blockers } : undefined
        )
    }));
}

/** The meaning of a text and the codes of its diagnostics. */
export async function meaningOf(text: string): Promise<{ meaning: unknown; codes: string[] }> {
    const { document, diagnostics, score } = await analyse(text, { features: false, exports: false, keep: true });
    try {
        const meaning = { ast: astDigest(document.parseResult.value), comments: commentsOf(document), score: scoreDigest(score) };
        return { meaning, codes: diagnostics.map((d) => String(d.code)).sort() };
    } finally {
        await forget(document);
    }
}

/** `atm fmt` / Format Document: a fixed point after one pass, and the same model before and after. */
export async function expectFormattingKeepsMeaning(text: string): Promise<string> {
    const before = await meaningOf(text);
    const once = await formatModelText(services, text);
    const twice = await formatModelText(services, once);
    expect(twice).toBe(once);
    const after = await meaningOf(once);
    expect(after.meaning).toEqual(before.meaning);
    // The only diagnostic formatting may remove: an invisible U+FEFF between tokens is
    // whitespace to the lexer (`\s`), and the formatter rewrites whitespace.
    const invisible = (codes: string[]) => codes.filter((code) => code === 'invisible-character').length;
    const others = (codes: string[]) => codes.filter((code) => code !== 'invisible-character');
    expect(others(after.codes)).toEqual(others(before.codes));
    expect(invisible(after.codes)).toBeLessThanOrEqual(invisible(before.codes));
    return once;
}
