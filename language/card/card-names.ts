/**
 * Identifiers made from card text: the agent name from the card title and threat names from
 * threat phrases. Both must match the grammar's ID (`[_a-zA-Z]\w*`), and both are PascalCase,
 * which also keeps them clear of the grammar's keywords (all lower case).
 */

/**
 * One word in PascalCase. Words with digits (`S2V`, `27B`) and short acronyms (`AI`) are kept;
 * a shouted word of three letters or more is treated as a word (`WAN` → `Wan`, `GPU` → `Gpu`),
 * as TypeScript naming guides do with acronyms.
 */
function pascalWord(word: string): string {
    if (/\d/.test(word) || word.length <= 2) {
        return word.charAt(0).toUpperCase() + word.slice(1);
    }
    if (word === word.toUpperCase()) {
        return word.charAt(0) + word.slice(1).toLowerCase();
    }
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** ASCII words of a text: accents folded, every other character a separator. */
export function asciiWords(text: string): string[] {
    return text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^A-Za-z0-9]+/)
        .filter((word) => word.length > 0);
}

/** PascalCase of the given words, made a valid ID (`fallback` in front of a leading digit). */
export function toIdentifier(words: readonly string[], fallback: string): string {
    const joined = words.map(pascalWord).join('');
    if (joined.length === 0) {
        return fallback;
    }
    return /^[0-9]/.test(joined) ? `${fallback}${joined}` : joined;
}

/** The agent name for a card title: `WAN 2.2-S2V` → `Wan22S2V`. */
export function agentNameFromTitle(title: string): string {
    return toIdentifier(asciiWords(title), 'Agent');
}
