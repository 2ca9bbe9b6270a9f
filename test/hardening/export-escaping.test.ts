/**
 * Every export escapes every model string. A hostile model puts payloads (script and event
 * handler tags, `javascript:` URLs, Markdown link and image injection, table and heading
 * injection through raw line breaks, comment and CDATA breakers, terminal escapes, JSON/SARIF
 * control characters, Trojan Source) in every string it has, and in the diagnostics quoting
 * them. The HTML reports may only contain their own tags, without URLs or handlers; the
 * Markdown report, rendered by markdown-it with raw HTML on, has the same structure as for a
 * harmless string; JSON keeps the payload as data; SARIF escapes its link syntax; the card keeps
 * one line per item; the CLI's text output has no control characters.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { runInProcess, tempDir } from '../cli/cli-harness.js';
import { exportCard } from '../../language/card/card-export.js';
import { parseCard } from '../../language/card/card-parser.js';
import { renderHtmlReport } from '../../language/report/html-report.js';
import { renderMarkdownReport } from '../../language/report/markdown-report.js';
import type { ReportFile } from '../../language/report/report-types.js';
import { renderSarif } from '../../language/report/sarif-report.js';
import { renderScoreJson } from '../../language/report/score-json.js';
import { renderWebviewReport } from '../../server/report/webview-report.js';
import { analyse, forget } from '../fuzz/analyse.js';
import { tmString } from '../fuzz/model-arbitraries.js';

const PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>",
    'javascript:alert(document.cookie)',
    '[click me](javascript:alert(1))',
    '](javascript:alert(1))',
    '![pixel](https://evil.example/track.png)',
    '<https://evil.example/autolink>',
    'https://evil.example/plain',
    'cell | cell\n|---|---|\n| injected | row |',
    '\n# Injected heading\n\n- injected item',
    '\r\n> quote\r\n***',
    '`code` ```fence```',
    '<!-- unclosed comment',
    '--> ]]> </style></title></textarea><script>',
    '&lt;script&gt; &amp; &#x3c;',
    '\u0001\u0007\u001b[31mred\u001b[0m\u001b]0;title\u0007',
    '\u0085\u009b31m',
    'line\u2028separator\u2029paragraph',
    '{{constructor.constructor("alert(1)")()}} ${process.exit()}',
    'ad\u202Emin\u2066',
    '\\", "injected": "json'
];

/** A model with `payload` in every string it can hold, and in diagnostics that quote strings. */
function hostileModel(payload: string): string {
    const s = tmString(payload);
    return `aivss 0.8
agent Evil ${s} {
    summary ${s}
    factors { autonomy_of_action 0.5 rationale ${s} }
    cvss 9.0
    layer L1 ${s} { ${s} threat T1 ${s} { catalog M1.1 mitigated_by C1 } }
    layer ${s} { ${s} }
    control C1 ${s} { strength partial }
}
`;
}

async function reportOf(payload: string): Promise<ReportFile & { cardText: string }> {
    const text = hostileModel(payload);
    const { document, diagnostics, score } = await analyse(text, { features: false, keep: true });
    try {
        return { path: 'evil.tm', score, diagnostics, text, cardText: exportCard(document.parseResult.value.agents[0]!).text };
    } finally {
        await forget(document);
    }
}

const HTML_TAGS = new Set([
    'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'section', 'div', 'svg', 'polygon', 'line', 'text', 'rect', 'pre', 'code', 'strong', 'span', 'ul', 'li', 'br'
]);

const MARKDOWN_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'strong', 'ul', 'li', 'a']);

function decodeEntities(text: string): string {
    return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The tags of an HTML text in order, without the diagnostics list (whose length depends on the payload). */
function tagSequence(html: string): string[] {
    return [...html.matchAll(/<(\/?)([a-zA-Z][\w-]*)/g)].map((m) => `${m[1]}${m[2]!.toLowerCase()}`).filter((tag) => !/^\/?li$/.test(tag));
}

function expectOnlyOwnMarkup(html: string): void {
    for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        expect(HTML_TAGS.has(match[1]!.toLowerCase()), `unexpected tag <${match[1]}>`).toBe(true);
        const attributes = match[2]!;
        expect(attributes, `attributes of <${match[1]}>`).not.toMatch(/\son\w+\s*=|\s(href|src|action|formaction|xlink:href)\s*=|javascript:/i);
    }
    expect(html).not.toMatch(/<!\[CDATA\[|<!--/);
}

describe('HTML reports (the exported file and the webview) contain only their own markup', () => {
    test.each(PAYLOADS)('payload %j', async (payload) => {
        const file = await reportOf(payload);
        const neutral = await reportOf('harmless text');
        for (const render of [renderHtmlReport, (files: readonly ReportFile[]) => renderWebviewReport(files[0]!)]) {
            const html = render([file]);
            expectOnlyOwnMarkup(html);
            expect(tagSequence(html)).toEqual(tagSequence(render([neutral])));
        }
    });
});

describe('the Markdown report renders to the same structure whatever the strings hold', () => {
    // Raw HTML on, and autolinks as GitHub makes them (URLs with a scheme or `www.`, not bare
    // domains such as the `evil.tm` of the file name).
    const markdown = new MarkdownIt({ html: true, linkify: true });
    markdown.linkify.set({ fuzzyLink: false });
    test.each(PAYLOADS)('payload %j', async (payload) => {
        const rendered = markdown.render(renderMarkdownReport([await reportOf(payload)]));
        const neutral = markdown.render(renderMarkdownReport([await reportOf('harmless text')]));
        for (const match of rendered.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
            const [tag, attributes] = [match[1]!.toLowerCase(), match[2]!];
            expect(MARKDOWN_TAGS.has(tag), `unexpected tag <${tag}>`).toBe(true);
            if (tag !== 'a') expect(attributes).toMatch(/^( style="text-align:(left|right|center)"| class="language-text")?$/);
        }
        // A URL in model text may become a link, as GitHub autolinks it: shown as written,
        // http(s) only, never a disguised `[text](url)` or an image that loads by itself.
        for (const link of rendered.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
            expect(link[1]).toMatch(/^https?:\/\//);
            expect(decodeEntities(link[2]!)).toBe(decodeEntities(link[1]!));
        }
        expect(rendered.match(/<a\b/g)?.length ?? 0).toBe(rendered.match(/<a href="https?:\/\/[^"]*">/g)?.length ?? 0);
        const withoutLinks = (html: string) => tagSequence(html).filter((tag) => !/^\/?a$/.test(tag));
        expect(withoutLinks(rendered)).toEqual(withoutLinks(neutral));
    });
});

describe('JSON and SARIF keep payloads as data', () => {
    test.each(PAYLOADS)('payload %j', async (payload) => {
        const file = await reportOf(payload);
        const json = renderScoreJson([file]);
        // JSON.stringify escapes every control character; the payload survives exactly.
        expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        expect(JSON.parse(json).files[0].agents[0].title).toBe(payload);
        const sarif = JSON.parse(renderSarif([file], { toolVersion: '0' }));
        const texts: string[] = [];
        for (const rule of sarif.runs[0].tool.driver.rules) texts.push(rule.shortDescription.text, rule.fullDescription.text);
        for (const result of sarif.runs[0].results) texts.push(result.message.text);
        for (const text of texts) {
            // SARIF message strings are Markdown-ish: `[text](n)` is an embedded link.
            expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
            expect(text).not.toMatch(/[\u0000-\u001f]/);
        }
    });
});

describe('the card keeps one line per item', () => {
    test.each(PAYLOADS)('payload %j', async (payload) => {
        const card = (await reportOf(payload)).cardText;
        const neutral = (await reportOf('harmless text')).cardText;
        expect(card.split('\n')).toHaveLength(neutral.split('\n').length);
        const parsed = parseCard(card);
        expect(parsed.ok).toBe(true);
    });
});

describe('the CLI prints model text without control characters', () => {
    test('`atm check`: one line per diagnostic, every payload quoted by unknown-layer and a mixed-script word', async () => {
        const dir = tempDir('atm-escaping-');
        PAYLOADS.forEach((payload, i) => writeFileSync(join(dir, `evil-${i}.tm`), `${hostileModel(payload)}// p\u0430yload\n`));
        const result = await runInProcess(['check', '.'], dir);
        expect(result.code).toBe(1);
        // eslint-disable-next-line no-control-regex
        expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        for (const line of result.stdout.trimEnd().split('\n')) expect(line).toMatch(/^evil-\d+\.tm:\d+:\d+: (error|warning|info|hint) [a-z-]+: /);
    });

    test('`atm score`: agent titles in the table', async () => {
        const dir = tempDir('atm-escaping-');
        PAYLOADS.forEach((payload, i) => writeFileSync(join(dir, `evil-${i}.tm`), hostileModel(payload)));
        const result = await runInProcess(['score', '.'], dir);
        // eslint-disable-next-line no-control-regex
        expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    });
});
