import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { MarkupContent } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

export const { shared, ThreatModel: services } = createThreatModelLspServices(EmptyFileSystem);
export const seed = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');
export const parse = parseHelper<Model>(services);

/**
 * The hover Markdown at `delta` characters into the `occurrence`-th match of `needle`
 * (occurrences count from 0), or undefined when there is no hover.
 */
export async function hoverAt(text: string, needle: string, delta = 0, occurrence = 0): Promise<string | undefined> {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in the text`);
    }
    const document = await parse(text);
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + delta)
    });
    return hover && MarkupContent.is(hover.contents) ? hover.contents.value : undefined;
}

/** Markdown with backslash escapes removed, for asserting on what the reader sees. */
export function plain(markdown: string | undefined): string {
    return (markdown ?? '').replace(/\\([\\`*_{}[\]()#+\-.!|~:])/g, '$1');
}

/** The seed with an agent-level `cvss 5.3` inserted before its first layer. */
export function seedWithAgentCvss(): string {
    return seed.replace('    layer L1 {', '    cvss 5.3\n\n    layer L1 {');
}
