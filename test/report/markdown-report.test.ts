import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { escapeMarkdown } from '../../language/report/escape.js';
import { renderMarkdownReport } from '../../language/report/markdown-report.js';
import { reportFileFromText, reportFileOf } from './report-fixtures.js';

/** The most permissive common renderer: raw HTML allowed, bare URLs linked. */
const renderer = new MarkdownIt({ html: true, linkify: true });

describe('Markdown report', () => {
    test('the seed: headline, breakdown with values, inputs with sources, factors, coverage, threats', async () => {
        const markdown = renderMarkdownReport([await reportFileOf('example.tm')]);
        expect(markdown).toContain('| WAN 2\\.2-S2V (Wan22S2V) | 7.8 | High | UploadParsing | 1.30 | 7/7 |'.replace('\\.', '.'));
        expect(markdown).toContain('**AIVSS 7.8 — High**, from UploadParsing (AIVSS v0.8, rounding half_up)');
        expect(markdown).toContain([
            '```text',
            'AIVSS (v0.8) = RoundHalfUp((CVSS_Base + AARS) × MF, 1), AARS = (10 − CVSS_Base) × (Factor_Sum / 10) × ThM',
            'AARS = (10 − 9.3) × (1.30 / 10) × 0.50 = 0.7 × 0.130 × 0.50 = 0.0455',
            'AIVSS_raw = (9.3 + 0.0455) × 0.83 = 7.756765',
            'AIVSS = RoundHalfUp(7.756765, 1) = 7.8 (High)',
            '```'
        ].join('\n'));
        expect(markdown).toContain('| ThM | 0.50 | exploit unreported |');
        expect(markdown).toContain('| MF | 0.83 | control UploadSandbox (partial) |');
        expect(markdown).toContain('| CVSS base | 9.3 | written on UploadParsing: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (CVSS 4.0) |');
        expect(markdown).toContain('| non\\_determinism | 0.40 |');
        expect(markdown).toContain('| L4 | Deployment and Infrastructure | covered (uncertain) | 2 | 7.8 |');
        expect(markdown).toContain('| ModelStealing | Model stealing of this closed-source asset | L1 | M1.2 Model Stealing | incomplete — add cvss | — |');
        expect(markdown).toContain('| UploadParsing | Audio upload parsing open to remote code execution or SSRF | L4 | — | 7.8 High | UploadSandbox (partial): Audio files are decoded in an isolated, network-less sandbox |');
    });

    test('agents are sorted by score, highest first, incomplete last', async () => {
        const file = await reportFileFromText(`aivss 0.8
agent NoScore { layer L1 { threat T } }
agent Low { cvss 2.0 layer L1 { threat T } }
agent High { cvss 8.0 layer L1 { threat T } }
`);
        const markdown = renderMarkdownReport([file]);
        const headings = markdown.split('\n').filter((line) => line.startsWith('### ') && line !== '### Diagnostics');
        expect(headings).toEqual(['### High', '### Low', '### NoScore']);
    });

    test('hostile model strings stay text: no HTML, no links, no images, no code, tables intact', async () => {
        const markdown = renderMarkdownReport([await reportFileOf('hostile.tm')]);
        const html = renderer.render(markdown);
        expect(html).not.toMatch(/<(script|img|iframe|svg|style)\b/i);
        // Links come only from the renderer's own autolinking of bare http(s) URLs and host
        // names, never from Markdown link syntax in the model: no other scheme is linked.
        for (const [, href] of html.matchAll(/<a\b[^>]*href="([^"]*)"/gi)) expect(href).toMatch(/^https?:\/\//);
        expect(html).not.toMatch(/href="javascript:/i);
        // The only code is the formula block (numbers only).
        expect(html.match(/<code\b/g)).toHaveLength(1);
        // Each threat row keeps its six cells even with pipes in the title.
        for (const row of markdown.split('\n').filter((line) => /^\| (Xss|Link|Quote) \|/.test(line))) {
            expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
        }
        // The text itself survives, escaped: entities decode to the original characters.
        expect(html).toContain('&lt;script&gt;alert(\'agent\')&lt;/script&gt;');
        expect(html).toContain('](javascript:alert(4)) | a | b | `tick`');
    });

    test.each([
        ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
        ['[a](javascript:x)', '\\[a\\](javascript:x)'],
        ['a | b', 'a \\| b'],
        ['`code`', '\\`code\\`'],
        ['# heading', '\\# heading'],
        ['1. item', '1\\. item'],
        ['- item', '\\- item'],
        ['line\nbreak', 'line break'],
        ['*bold* _it_ ~~s~~ $x$', '\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\$x\\$'],
        ['a & b', 'a &amp; b']
    ])('escapeMarkdown(%j) = %j', (input, expected) => {
        expect(escapeMarkdown(input)).toBe(expected);
    });
});
