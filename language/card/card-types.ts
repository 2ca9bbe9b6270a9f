/**
 * What a threat-model card holds once read (shared/spec/maestro.md §3). Numbers stay source
 * text, as in the AST, so that import and export never round a value.
 */
import type { LayerId } from '../maestro/maestro-layers.js';

/** The ten factor rows of a card, by their `.tm` (v0.5) keys. */
export type CardFactorKey =
    | 'autonomy_of_action' | 'goal_driven_planning' | 'self_modification' | 'dynamic_tool_use'
    | 'persistent_memory' | 'contextual_awareness' | 'dynamic_identity' | 'multi_agent_interactions'
    | 'non_determinism' | 'opacity_and_reflexivity';

/** A card has a paragraph for each stacked layer and none for the cross-layer bucket. */
export type CardLayerId = Exclude<LayerId, 'XL'>;

export interface CardFactor {
    /** The canonical display name, e.g. `Opacity & Reflexivity` (whatever spelling the card used). */
    readonly displayName: string;
    readonly key: CardFactorKey;
    /** As printed, e.g. `0.10`. */
    readonly valueText: string;
}

export interface CardLayer {
    readonly id: CardLayerId;
    /** True when the card says "Not certain from the listing" (or, rich, "⚠ not certain"). */
    readonly uncertain: boolean;
    /** The paragraph without the "Not certain from the listing — " prefix, case preserved. */
    readonly paragraph: string;
}

/** The numbers only the rich rendering prints, as text. */
export interface CardScore {
    readonly score: string;
    readonly severity: string;
    readonly cvssBase: string;
    readonly aarsUplift: string;
    readonly factorSum: string;
    readonly thm: string;
    readonly mf: string;
}

export interface Card {
    readonly rendering: 'plain' | 'rich';
    /** The agent name of the title line, exactly as printed. */
    readonly name: string;
    /** The name on the optional `← Name` line; undefined when the card has none. */
    readonly backLink: string | undefined;
    /** True when the rich page's `AgentReadyHomeAgent Listing` navigation line is present. */
    readonly navigation: boolean;
    readonly summary: string;
    /** Always ten, in the card's fixed order. */
    readonly factors: readonly CardFactor[];
    /** The "Scored with the canonical OWASP AIVSS formula …" sentence as printed, if present. */
    readonly rationale: string | undefined;
    /** Always seven, L1…L7. */
    readonly layers: readonly CardLayer[];
    readonly score: CardScore | undefined;
}

/** `line` and `column` are 1-based and count the lines of the text as given (BOM excluded). */
export interface CardParseError {
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type CardParseResult =
    | { readonly ok: true; readonly card: Card }
    | { readonly ok: false; readonly errors: readonly CardParseError[] };

/** `line 7: expected …`, the form the CLI and the import command print. */
export function formatCardError(error: CardParseError): string {
    return `line ${error.line}: ${error.message}`;
}
