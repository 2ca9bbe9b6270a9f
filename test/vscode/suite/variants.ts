// Variants of the seed model that the tests open. Each edit must apply: a seed that changed shape
// fails here, loudly, instead of letting a test pass on the unchanged text.
function mustReplace(text: string, pattern: RegExp | string, replacement: string): string {
    const next = text.replace(pattern, replacement);
    if (next === text) throw new Error(`the seed model no longer contains ${String(pattern)}`);
    return next;
}

/** The seed without its L7 layer: one `missing-layer` warning. */
export function withoutLayerL7(seed: string): string {
    return mustReplace(seed, /\n {4}layer L7 uncertain \{\n[^\n]*\n {4}\}\n/, '\n');
}

/** The seed with a misspelt factor key: one `unknown-factor` error on exactly that key. */
export const MISSPELT_FACTOR = 'autonomy_of_acton';
export function withMisspeltFactor(seed: string): string {
    return mustReplace(seed, /\bautonomy_of_action\b/, MISSPELT_FACTOR);
}

/** The seed with an agent-level CVSS base of 5.3, right before its first layer. */
export function withAgentCvss(seed: string): string {
    return mustReplace(seed, /\n( {4})layer L1 \{/, '\n$1cvss 5.3\n\n$1layer L1 {');
}

/** The seed's factors block without two factors, and an empty line where completion is asked. */
export const REMOVED_FACTORS = ['dynamic_identity', 'non_determinism'];
export const COMPLETION_MARK = '        \n        rationale';
export function withoutTwoFactors(seed: string): string {
    let text = seed;
    for (const key of REMOVED_FACTORS) text = mustReplace(text, new RegExp(`\\n {8}${key} +[0-9.]+`), '');
    return mustReplace(text, /\n {8}rationale/, `\n${COMPLETION_MARK}`);
}

/** The seed with every line's indentation gone and members run together: work for a formatter. */
export function scrambledLayout(seed: string): string {
    return seed
        .split('\n')
        .map((line, i) => (i % 3 === 0 ? line.trimStart() : `  ${line.trim()}   `))
        .join('\n');
}
