/**
 * Extreme inputs within the stated limits (SECURITY.md) get answers, and beyond them a clear
 * diagnostic instead of a parse: a file at and past the size limit, a 1 MB line, a 5 MB string,
 * 1 000 agents in one file, unclosed and stray braces, binary text, every kind of line ending,
 * a merge conflict. Each runs the whole pipeline in-process (every LSP feature, every report),
 * serially, with a generous timeout: these are hang detectors, not benchmarks. Growth checks
 * compare a shape at n and 4n, so a quadratic phase fails on any machine.
 */
import { describe, expect, test } from 'vitest';
import { MAX_FILE_SIZE } from '../../language/workspace/text-guard.js';
import { MAX_PARSER_ERRORS } from '../../language/parser/syntax-error-limit.js';
import { MAX_MESSAGE_LENGTH, MAX_SYNTAX_ERRORS } from '../../language/validation/diagnostic-limits.js';
import { formatModelText } from '../../server/format-text.js';
import { analyse, forget, services } from '../fuzz/analyse.js';
import { expectFormattingKeepsMeaning } from '../fuzz/model-meaning.js';
import { agentsText, MIB, seconds } from './extreme-texts.js';

const HANG = { timeout: 60_000 };

const codesOf = (diagnostics: ReadonlyArray<{ code?: unknown }>) => diagnostics.map((d) => String(d.code));

describe.sequential('the size limit', () => {
    test(`a model of exactly ${MAX_FILE_SIZE / MIB} MiB is parsed (here: a few agents and a long comment)`, HANG, async () => {
        const head = agentsText(3);
        const text = `${head}/*${'x'.repeat(MAX_FILE_SIZE - head.length - 4)}*/`;
        expect(text.length).toBe(MAX_FILE_SIZE);
        const { diagnostics, score } = await analyse(text, { offsets: [0, head.length - 5, text.length] });
        expect(codesOf(diagnostics)).not.toContain('file-too-large');
        expect(codesOf(diagnostics)).not.toContain('syntax-error');
        expect(score.agents).toHaveLength(3);
    });

    test('one character more is a single file-too-large error at 1:1 and no parse; every feature still answers', HANG, async () => {
        const text = `${agentsText(3)}${' '.repeat(MAX_FILE_SIZE)}`;
        const [{ diagnostics, document, score }, elapsed] = await seconds(() => analyse(text));
        expect(diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })]);
        expect(document.parseResult.value.agents).toEqual([]);
        expect(score.agents).toEqual([]);
        expect(elapsed).toBeLessThan(30);
    });
});

describe.sequential('long lines, long strings, many agents', () => {
    test('a 1 MB single line of agents parses, scores, and formats idempotently', HANG, async () => {
        const agent = (i: number) => `agent A${i} "t" { cvss 5.0 layer L1 { threat T { catalog M1.1 exploit attacked } } } `;
        let line = '';
        for (let i = 0; line.length < MIB; i++) line += agent(i);
        // Whole-document features only: range and on-type formatting re-format the whole line
        // (seconds each here); position features on long lines are the 5 MB string's test.
        const { diagnostics, score } = await analyse(line, { offsets: [], exports: false });
        expect(codesOf(diagnostics)).not.toContain('syntax-error');
        expect(score.agents.length).toBeGreaterThan(10_000);
        expect(score.agents.every((a) => a.headline?.result?.score10 !== undefined)).toBe(true);
        const formatted = await formatModelText(services, line);
        expect(formatted.split('\n').length).toBeGreaterThan(score.agents.length);
        expect(await formatModelText(services, formatted)).toBe(formatted);
    });

    test('a 5 MB string is one token: hover, completion and the reports answer, and escape it', HANG, async () => {
        const payload = '<script>alert(1)</script> '.repeat((5 * MIB) / 26);
        const text = `agent A "t" {\n    summary "${payload}"\n    cvss 5.0\n}\n`;
        const { diagnostics } = await analyse(text, { offsets: [30, 5 * MIB, text.length - 3] });
        expect(codesOf(diagnostics)).not.toContain('syntax-error');
        expect(await formatModelText(services, text)).toBe(text);
    });

    test('a 5 MB string with escapes and line breaks, and a 5 MB comment, are single tokens too', HANG, async () => {
        const text = `agent A {\n    summary "${'a\\"b\\\\c\n'.repeat(MIB)}"\n}\n/* ${'* /\n'.repeat(MIB)} */\n`;
        const { diagnostics } = await analyse(text, { features: false });
        expect(codesOf(diagnostics)).not.toContain('syntax-error');
    });

    test('1 000 agents in one file (3 MB, every construct): checked, scored, every feature answers', HANG, async () => {
        const text = agentsText(1_000);
        const [{ diagnostics, score }, elapsed] = await seconds(() => analyse(text, { offsets: [text.length / 2, text.length - 20] }));
        expect(codesOf(diagnostics).filter((code) => code === 'syntax-error' || code === 'duplicate-name')).toEqual([]);
        expect(score.agents).toHaveLength(1_000);
        expect(score.agents.every((agent) => agent.headline?.result?.score10 === 78)).toBe(true);
        expect(elapsed).toBeLessThan(45);
    });
});

describe.sequential('broken structure', () => {
    const shapes: Record<string, (n: number) => string> = {
        'unclosed blocks, nested': (n) => 'agent A { layer L1 { threat T { '.repeat(n),
        'opening braces': (n) => '{'.repeat(n * 8),
        'closing braces': (n) => '}'.repeat(n * 8),
        'stray keywords': (n) => 'agent layer threat control { '.repeat(n),
        'names without agents': (n) => 'A1 '.repeat(n * 3),
        'unclosed string openers on their own lines': (n) => '"\\\n'.repeat(n * 3)
    };
    for (const [name, make] of Object.entries(shapes)) {
        test(`${name}: syntax errors (at most ${MAX_SYNTAX_ERRORS} listed), no hang, linear growth`, HANG, async () => {
            const [small, tSmall] = await seconds(() => analyse(make(1_000), { features: false, exports: false }));
            const [large, tLarge] = await seconds(() => analyse(make(4_000), { features: false, exports: false }));
            // And every feature and report answers on the large one.
            await analyse(make(4_000), { offsets: [0, 1_000] });
            for (const { diagnostics } of [small, large]) {
                const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
                expect(syntax.length).toBeGreaterThan(0);
                expect(syntax.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 1);
            }
            // Four times the input: about four times the time; sixteen would be quadratic.
            expect(tLarge).toBeLessThan(Math.max(8 * tSmall, 2));
        });
    }

    test(`junk: parsing stops after ${MAX_PARSER_ERRORS} errors and says where (was: 30 s and 1.4 GB for 1 MB)`, HANG, async () => {
        const text = 'agent '.repeat(MIB / 6);
        const [{ diagnostics, document }, elapsed] = await seconds(() => analyse(text, { features: false, exports: false, keep: true }));
        await forget(document);
        const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
        expect(syntax).toHaveLength(MAX_PARSER_ERRORS + 1);
        expect(syntax.at(-1)!.message).toMatch(/^Parsing stopped after \d+ syntax errors; the rest of the file is not read/);
        expect(document.parseResult.value.agents.length).toBeLessThanOrEqual(MAX_PARSER_ERRORS);
        expect(elapsed).toBeLessThan(10);
    });

    test(`a flood of lexical errors lists ${MAX_SYNTAX_ERRORS}, then says how many more`, HANG, async () => {
        const { diagnostics } = await analyse('@ '.repeat(5_000), { features: false, exports: false });
        const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
        expect(syntax).toHaveLength(MAX_SYNTAX_ERRORS + 1);
        expect(syntax.at(-1)!.message).toMatch(/^\d+ more syntax errors from here on are not listed/);
    });

    test('150 000 check diagnostics (50 000 empty agents): all reported, Trojan Source included, nothing logged', HANG, async () => {
        // Over ~120 000 check diagnostics, Langium's `push(...items)` overflowed the stack and
        // dropped them all, bidi warnings included, with an error in the log.
        const agents = Array.from({ length: 50_000 }, (_, i) => `agent A${i} {}`).join('\n');
        const { diagnostics } = await analyse(`// \u202E\n${agents}\n`, { features: false, exports: false });
        expect(codesOf(diagnostics)).toContain('bidi-control');
        expect(diagnostics.length).toBeGreaterThan(150_000);
    });

    test(`a 5 MB token in a syntax error is quoted in at most ${MAX_MESSAGE_LENGTH} characters`, HANG, async () => {
        for (const text of ['x'.repeat(5 * MIB), `agent A { ${'9'.repeat(5 * MIB)} }`, `agent A { layer L1 { threat T { mitigated_by ${'C'.repeat(MIB)} } } }`]) {
            const { diagnostics } = await analyse(text, { features: false, exports: false });
            expect(diagnostics.length).toBeGreaterThan(0);
            for (const diagnostic of diagnostics) expect(String(diagnostic.message).length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        }
    });

    test('a merge conflict inside an agent: errors at the markers, the rest of the agent still read', HANG, async () => {
        const text = [
            'agent A {',
            '    layer L1',
            '<<<<<<< HEAD',
            '    cvss 5.0',
            '=======',
            '    cvss 9.0',
            '>>>>>>> feature',
            '    layer L2',
            '}',
            'agent B {',
            '    layer L3',
            '}',
            ''
        ].join('\n');
        const { diagnostics, score } = await analyse(text);
        const lines = diagnostics.filter((d) => d.code === 'syntax-error').map((d) => d.range.start.line);
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.every((line) => line >= 2 && line <= 6)).toBe(true);
        expect(score.agents.map((a) => a.agent.name)).toEqual(['A', 'B']);
    });
});

describe.sequential('text that is not text, and line endings', () => {
    test('a NUL byte or U+FFFD (undecodable UTF-8) anywhere: one invalid-encoding error, no parse', HANG, async () => {
        for (const text of [`agent A {}\u0000`, `\u0000${agentsText(10)}`, `agent A "caf\uFFFD" {}`, '\uFFFD'.repeat(MIB)]) {
            const { diagnostics, document } = await analyse(text, { offsets: [0, 5], features: text.length < MIB });
            expect(codesOf(diagnostics)).toEqual(['invalid-encoding']);
            expect(document.parseResult.value.agents).toEqual([]);
        }
    });

    test('UTF-16 text (NUL in every other byte once decoded as UTF-8) is invalid-encoding', async () => {
        const utf16 = Buffer.from('\uFEFFagent A {}\n', 'utf16le').toString('utf8');
        expect(codesOf((await analyse(utf16)).diagnostics)).toEqual(['invalid-encoding']);
    });

    test('CRLF, lone CR, LF and mixed endings count lines the same way as the editor', async () => {
        for (const eol of ['\n', '\r\n', '\r']) {
            const text = ['agent A {', '    layer L1', '    layer L9', '}', ''].join(eol);
            const { diagnostics } = await analyse(text);
            expect(diagnostics.find((d) => d.code === 'unknown-layer')?.range.start).toEqual({ line: 2, character: 10 });
        }
        const mixed = 'agent A {\r\n    layer L1\r    layer L9\n}\r\n';
        const { diagnostics } = await analyse(mixed);
        expect(diagnostics.find((d) => d.code === 'unknown-layer')?.range.start).toEqual({ line: 2, character: 10 });
        await expectFormattingKeepsMeaning(mixed);
    });
});
