import type { AstNode, GrammarAST } from 'langium';
import { AstUtils } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import type { AivssVersion, ExploitLevel, MitigationLevel } from '../../language/aivss/aivss-types.js';
import { formatScaled } from '../../language/aivss/decimal.js';
import { exploitThm100, mitigationMf100 } from '../../language/aivss/multipliers.js';
import type { Agent, Control, Threat } from '../../language/generated/ast.js';
import { isAgent, isControl, isThreat } from '../../language/generated/ast.js';

type Owner = Agent | Threat | Control;

/**
 * Members that hold one value per owner: proposing their keyword where one is already written
 * would only produce a `duplicate-member` error. Keyed by the parser rule the keyword opens.
 */
const SINGLE_MEMBERS: Readonly<Record<string, (owner: Owner) => readonly AstNode[] | undefined>> = {
    Summary: (owner) => (isAgent(owner) ? owner.summaries : undefined),
    FactorBlock: (owner) => (isAgent(owner) ? owner.factorBlocks : undefined),
    PublishedScore: (owner) => (isAgent(owner) ? owner.published : undefined),
    CvssSetting: (owner) => (isControl(owner) ? undefined : owner.cvss),
    ExploitSetting: (owner) => (isControl(owner) ? undefined : owner.exploits),
    MitigationSetting: (owner) => (isControl(owner) ? undefined : owner.mitigations),
    CatalogRef: (owner) => (isThreat(owner) ? owner.catalogs : undefined),
    StrengthSetting: (owner) => (isControl(owner) ? owner.strengths : undefined)
};

/**
 * False for a member keyword whose member the enclosing agent, threat or control already has
 * (the one at the cursor, being retyped, does not count).
 */
export function isUsefulKeyword(keyword: GrammarAST.Keyword, ruleName: string | undefined, node: AstNode | undefined, offset: number): boolean {
    const existing = ruleName ? SINGLE_MEMBERS[ruleName] : undefined;
    if (!existing || !node) return true;
    const owner = AstUtils.getContainerOfType<Owner>(node, (n): n is Owner => isAgent(n) || isThreat(n) || isControl(n));
    const members = owner ? existing(owner) : undefined;
    if (!members) return true;
    const firstKeyword = keyword.$container === undefined || (keyword.$container as { elements?: unknown[] }).elements?.[0] === keyword;
    if (!firstKeyword) return true;
    return !members.some((member) => {
        const cst = member.$cstNode;
        return !cst || cst.offset > offset || cst.end < offset;
    });
}

const EXPLOIT_MEANINGS: Readonly<Record<ExploitLevel, string>> = {
    attacked: 'Attacks have been reported, or easy-to-use exploit tools exist.',
    proof_of_concept: 'A proof-of-concept exploit is public; no attacks are known. The default.',
    unreported: 'Neither a proof of concept nor attacks are known.'
};

const MITIGATION_MEANINGS: Readonly<Record<MitigationLevel, string>> = {
    none: 'No mitigation, or a weak one. The default.',
    partial: 'A partial mitigation is in place.',
    strong: 'A strong mitigation is in place.'
};

const ROUNDING_MEANINGS: Readonly<Record<string, string>> = {
    half_up: 'Ties round up (8.65 → 8.7), as the AIVSS spec says. The default.',
    half_even: 'Ties round to the even digit (9.25 → 9.2), as some publishers (AgentReady) do.'
};

/**
 * The detail of a value keyword: the multiplier an exploit or mitigation level stands for
 * under the model's formula version, or what a rounding mode does. Undefined for other keywords.
 */
export function valueKeywordItem(ruleName: string | undefined, value: string, version: AivssVersion): Partial<CompletionItem> | undefined {
    if (ruleName === 'ExploitLevel' && value in EXPLOIT_MEANINGS) {
        const level = value as ExploitLevel;
        return {
            kind: CompletionItemKind.EnumMember,
            detail: `ThM ${formatScaled(exploitThm100(level, version), 2)}`,
            documentation: EXPLOIT_MEANINGS[level],
            sortText: orderOf(EXPLOIT_MEANINGS, value)
        };
    }
    if (ruleName === 'MitigationLevel' && value in MITIGATION_MEANINGS) {
        const level = value as MitigationLevel;
        const ignored = version === '0.5' ? ' (ignored: AIVSS v0.5 has no mitigation factor)' : '';
        return {
            kind: CompletionItemKind.EnumMember,
            detail: `MF ${formatScaled(mitigationMf100(level), 2)}${ignored}`,
            documentation: MITIGATION_MEANINGS[level],
            sortText: orderOf(MITIGATION_MEANINGS, value)
        };
    }
    if (ruleName === 'RoundingMode' && value in ROUNDING_MEANINGS) {
        return {
            kind: CompletionItemKind.EnumMember,
            detail: 'Rounding of the final score',
            documentation: ROUNDING_MEANINGS[value],
            sortText: orderOf(ROUNDING_MEANINGS, value)
        };
    }
    return undefined;
}

/** Values sort in the order the tables list them (strongest exploit first, no mitigation first). */
function orderOf(table: Readonly<Record<string, string>>, value: string): string {
    return `0${Object.keys(table).indexOf(value)}`;
}
