/**
 * Every input that once crashed, hung or misled the tool, kept as a fixture under
 * test/fixtures/regressions/ and replayed through the whole pipeline (`.tm`) or the card
 * importer (`.card.txt`). The mutation fuzzer also starts from these files. To add one: save
 * the counterexample fast-check printed, with a comment saying what broke.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCard } from '../../language/card/card-parser.js';
import { cardToTm } from '../../language/card/card-to-tm.js';
import { formatModelText, UnformattableTextError } from '../../server/format-text.js';
import { analyse, services } from './analyse.js';
import { expectFormattingKeepsMeaning } from './model-meaning.js';

const folder = new URL('../fixtures/regressions/', import.meta.url);
const files = readdirSync(folder).sort();
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

describe('regression fixtures', () => {
    test('the folder holds models and cards', () => {
        expect(files.filter((name) => name.endsWith('.tm')).length).toBeGreaterThan(0);
    });

    for (const name of files.filter((file) => file.endsWith('.tm'))) {
        test(`${name}: every feature answers`, async () => {
            const text = read(name);
            // Every offset of a small fixture, so hover, completion and rename see each token.
            const offsets = text.length <= 400 ? Array.from({ length: text.length + 1 }, (_, i) => i) : undefined;
            await analyse(text, offsets ? { offsets } : {});
        });

        test(`${name}: formatting is refused, or idempotent and keeps the meaning`, async () => {
            const text = read(name);
            const refused = await formatModelText(services, text).then(
                () => false,
                (error: unknown) => error instanceof UnformattableTextError
            );
            if (!refused) await expectFormattingKeepsMeaning(text);
        });
    }

    for (const name of files.filter((file) => file.endsWith('.card.txt'))) {
        test(`${name}: the importer answers within a second, with located errors or a model`, async () => {
            const started = performance.now();
            const result = parseCard(read(name));
            expect(performance.now() - started).toBeLessThan(1_000);
            if (result.ok) {
                await analyse(cardToTm(result.card), { features: false });
            } else {
                for (const error of result.errors) {
                    expect(error.line).toBeGreaterThanOrEqual(1);
                    expect(error.column).toBeGreaterThanOrEqual(1);
                    expect(error.message.length).toBeGreaterThan(0);
                }
            }
        });
    }
});
