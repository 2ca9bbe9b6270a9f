import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatModelText } from '../../server/format-text.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

const services = createThreatModelLspServices(EmptyFileSystem).ThreatModel;
const example = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');

interface Gap {
    start: number;
    end: number;
    /** Newlines in the original gap. */
    newlines: number;
    /** The gap precedes a trailing comment, whose spacing the formatter must keep. */
    beforeTrailingComment: boolean;
    /** Blank lines here are the author's to keep (before the first statement). */
    blankLinesFixed: boolean;
}

/** The whitespace between consecutive tokens (comments included) of the seed card. */
function gapsOf(text: string): Gap[] {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///gaps.tm'));
    const leaves = [...CstUtils.flattenCst(document.parseResult.value.$cstNode!)];
    const firstStatement = leaves.find((leaf) => !leaf.hidden);
    const gaps: Gap[] = [];
    for (let i = 1; i < leaves.length; i++) {
        const previous = leaves[i - 1]!;
        const leaf = leaves[i]!;
        const whitespace = text.slice(previous.end, leaf.offset);
        const newlines = whitespace.split('\n').length - 1;
        gaps.push({
            start: previous.end,
            end: leaf.offset,
            newlines,
            beforeTrailingComment: leaf.hidden && newlines === 0,
            blankLinesFixed: leaf === firstStatement
        });
    }
    return gaps;
}

const gaps = gapsOf(example);

/** A random whitespace of the same line structure for every gap (one draw per gap). */
const perturbation = fc.tuple(
    fc.array(fc.integer({ min: 0, max: 12 }), { minLength: gaps.length, maxLength: gaps.length }),
    fc.array(fc.integer({ min: 2, max: 4 }), { minLength: gaps.length, maxLength: gaps.length })
);

function perturb(indents: number[], blankRuns: number[]): string {
    let result = '';
    let cursor = 0;
    gaps.forEach((gap, i) => {
        result += example.slice(cursor, gap.start);
        const original = example.slice(gap.start, gap.end);
        if (gap.beforeTrailingComment || original === '') {
            result += original;
        } else if (gap.newlines === 0) {
            result += ' '.repeat(1 + (indents[i]! % 4));
        } else {
            const newlines = gap.newlines >= 2 && !gap.blankLinesFixed ? blankRuns[i]! : gap.newlines;
            result += '\n'.repeat(newlines) + ' '.repeat(indents[i]!);
        }
        cursor = gap.end;
    });
    return result + example.slice(cursor);
}

describe('formatter: property', () => {
    test('the perturbation really moves tokens', () => {
        expect(gaps.length).toBeGreaterThan(100);
        expect(perturb(gaps.map(() => 7), gaps.map(() => 3))).not.toBe(example);
    });

    test('any re-spacing of the seed card that keeps its lines formats back to the seed card', async () => {
        await fc.assert(
            fc.asyncProperty(perturbation, async ([indents, blankRuns]) => {
                const perturbed = perturb(indents, blankRuns);
                expect(await formatModelText(services, perturbed)).toBe(example);
            }),
            { numRuns: 60 }
        );
    });

    test('formatting is idempotent on re-spaced inputs', async () => {
        await fc.assert(
            fc.asyncProperty(perturbation, async ([indents, blankRuns]) => {
                const once = await formatModelText(services, perturb(indents, blankRuns));
                expect(await formatModelText(services, once)).toBe(once);
            }),
            { numRuns: 30 }
        );
    });
});
