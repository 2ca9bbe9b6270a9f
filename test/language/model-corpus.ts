import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { generateModel } from '../../bench/model-generator.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';

let counter = 0;

/** Builds `text` as a new in-memory document (a fresh URI under `memory:///<folder>/`), validated. */
export async function buildModel(services: ThreatModelServices, folder: string, text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${folder}/${++counter}.tm`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/**
 * Every model we have (examples and fixtures), a generated one and three broken variants of it:
 * the inputs on which a faster implementation must give exactly what the reference one gives.
 */
export function modelCorpus(): Array<[string, string]> {
    const root = join(import.meta.dirname, '..', '..');
    const files: Array<[string, string]> = [];
    for (const dir of ['examples', 'test/fixtures', 'test/fixtures/cli', 'test/fixtures/regressions', 'test/fixtures/cards']) {
        for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.tm'))) {
            files.push([`${dir}/${name}`, readFileSync(join(root, dir, name), 'utf8')]);
        }
    }
    const generated = generateModel({ lines: 1500, seed: 7 }).text;
    files.push(['generated 1.5k lines', generated]);
    // Broken on purpose: unresolved and duplicate references, a syntax error mid-model, a
    // reference to a control of another agent (allowed: names are unique per file).
    files.push(['generated, unresolved references', generated.replace(/mitigated_by (\w+)/g, (_, name: string, at: number) => `mitigated_by ${at % 3 === 0 ? 'Missing' : name}, ${name}`)]);
    files.push(['generated, syntax error', generated.replace('factors {', 'factors { oops = ')]);
    files.push(['generated, truncated', generated.slice(0, Math.floor(generated.length / 2))]);
    return files;
}
