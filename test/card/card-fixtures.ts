// Shared helpers for the card tests: fixture loading and a `.tm` parser.
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { expect } from 'vitest';
import type { Agent, Model } from '../../language/generated/ast.js';
import { parseCard } from '../../language/card/card-parser.js';
import type { Card } from '../../language/card/card-types.js';
import { createThreatModelServices } from '../../language/threat-model-module.js';

export function fixture(name: string): string {
    return readFileSync(new URL(`../fixtures/cards/${name}`, import.meta.url), 'utf8');
}

/** A card fixture that must parse. */
export function cardFixture(name: string): Card {
    return parsedCard(fixture(name));
}

export function parsedCard(text: string): Card {
    const result = parseCard(text);
    if (!result.ok) {
        throw new Error(`card did not parse: ${JSON.stringify(result.errors)}`);
    }
    return result.card;
}

/** How a card file reads once line endings, the BOM and the final newline stop mattering. */
export function canonicalText(text: string): string {
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

const services = createThreatModelServices(EmptyFileSystem).ThreatModel;
const parse = parseHelper<Model>(services);

/** Parses `.tm` text that must be free of lexer and parser errors. */
export async function parseModel(text: string, validation = false): Promise<{ model: Model; diagnostics: { severity?: number; message: string }[] }> {
    const document = await parse(text, { validation });
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    const diagnostics = (document.diagnostics ?? []).map((d) => ({
        severity: d.severity,
        message: typeof d.message === 'string' ? d.message : d.message.value
    }));
    return { model: document.parseResult.value, diagnostics };
}

export async function parseAgent(text: string): Promise<Agent> {
    const { model } = await parseModel(text);
    expect(model.agents).toHaveLength(1);
    return model.agents[0]!;
}
