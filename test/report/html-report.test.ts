import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../language/report/escape.js';
import { renderHtmlReport, REPORT_CSP } from '../../language/report/html-report.js';
import { reportFileOf } from './report-fixtures.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node): Element[] {
    const found: Element[] = [];
    const visit = (current: Node): void => {
        if ('tagName' in current) found.push(current);
        const children = 'childNodes' in current ? current.childNodes : [];
        for (const child of children) visit(child);
        if ('content' in current && current.content) visit(current.content as Node);
    };
    visit(node);
    return found;
}

function textOf(node: Node): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** The hostile strings of test/fixtures/cli/hostile.tm, as the model means them. */
const HOSTILE_TEXTS = [
    '<script>alert(\'agent\')</script> "quoted" </svg><svg onload=alert(1)>',
    '# Heading? [click](javascript:alert(1)) <img src=x onerror=alert(2)> `code` | pipe | ![img](http://evil.example/x.png)',
    '</title></svg><script>alert(\'rationale\')</script>',
    '<a href="javascript:alert(3)">layer text</a>',
    '</svg><script>alert(\'threat\')</script>',
    '](javascript:alert(4)) | a | b | `tick`',
    '\'"><iframe src=javascript:alert(5)>',
    '"><style>body{display:none}</style>'
];

describe('HTML report', () => {
    test('self-contained, strict CSP, no script, no remote reference', async () => {
        const html = renderHtmlReport([await reportFileOf('example.tm')]);
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
        const all = elements(parse(html));
        const csp = all.find((el) => el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
        expect(csp?.attrs.find((a) => a.name === 'content')?.value).toBe(REPORT_CSP);
        expect(REPORT_CSP).toContain('default-src \'none\'');
        expect(all.filter((el) => ['script', 'iframe', 'object', 'embed', 'link', 'img', 'a'].includes(el.tagName))).toEqual([]);
        // The only URL in the document is the SVG namespace.
        const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
        expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    });

    test('pictures: a radar of the ten factors and a layer heat map per agent, inline SVG', async () => {
        const html = renderHtmlReport([await reportFileOf('partial.tm')]);
        const svgs = elements(parse(html)).filter((el) => el.tagName === 'svg');
        expect(svgs.map((svg) => svg.attrs.find((a) => a.name === 'class')?.value)).toEqual(['radar', 'heatmap', 'radar', 'heatmap']);
        const radar = svgs[0]!;
        const labels = elements(radar).filter((el) => el.tagName === 'text').map(textOf);
        expect(labels).toHaveLength(10);
        expect(labels[0]).toBe('execution_autonomy 0.50');
        const heat = elements(svgs[1]!).filter((el) => el.tagName === 'rect').map((el) => el.attrs.find((a) => a.name === 'fill')?.value);
        // L1 covered (Jailbreak 9.6 Critical), L2 missing, …
        expect(heat.slice(0, 4)).toEqual(['#4caf50', '#c62828', '#e53935', '#f5f5f5']);
    });

    test('hostile titles, summaries, rationales and layer text are text, never markup', async () => {
        const html = renderHtmlReport([await reportFileOf('hostile.tm')]);
        const all = elements(parse(html));
        expect(all.filter((el) => ['script', 'iframe', 'img', 'a', 'style'].includes(el.tagName)).map((el) => el.tagName)).toEqual(['style']);
        expect(all.filter((el) => el.tagName === 'svg')).toHaveLength(2);
        for (const element of all) {
            for (const attr of element.attrs) {
                expect(attr.name.startsWith('on'), `${element.tagName} ${attr.name}`).toBe(false);
                expect(attr.value).not.toMatch(/javascript:/i);
            }
        }
        const text = textOf(parse(html));
        for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
        expect(html).not.toMatch(/<\/?script/i);
        expect(html).not.toContain('</svg><');
    });

    test('escapeHtml covers text and quoted attributes', () => {
        expect(escapeHtml('<a href="x" title=\'y\'>&</a>')).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    });
});
