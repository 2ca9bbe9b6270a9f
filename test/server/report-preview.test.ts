import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { WEBVIEW_CSP, WEBVIEW_STYLE } from '../../server/report/webview-report.js';
import { addModel, fixture, reports, WORKSPACE } from './report-helpers.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node): Element[] {
    const found: Element[] = [];
    const visit = (current: Node): void => {
        if ('tagName' in current) found.push(current);
        for (const child of 'childNodes' in current ? current.childNodes : []) visit(child);
    };
    visit(node);
    return found;
}

function textOf(node: Node): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

/** What test/fixtures/cli/hostile.tm means, as a reader must see it: text. */
const HOSTILE_TEXTS = [
    '<script>alert(\'agent\')</script> "quoted" </svg><svg onload=alert(1)>',
    '# Heading? [click](javascript:alert(1)) <img src=x onerror=alert(2)> `code` | pipe | ![img](http://evil.example/x.png)',
    '</title></svg><script>alert(\'rationale\')</script>',
    '<a href="javascript:alert(3)">layer text</a>',
    '</svg><script>alert(\'threat\')</script>',
    '\'"><iframe src=javascript:alert(5)>',
    '"><style>body{display:none}</style>'
];

describe('threatModel/reportPreview', () => {
    test('the hostile model: no script, a strict policy, every payload escaped into text', async () => {
        const document = await addModel('hostile.tm', fixture('cli/hostile.tm'));
        const result = await reports.preview({ uri: document.uri.toString() });
        expect(result?.title).toBe('Report: hostile.tm');
        const html = result!.html;
        expect(html).not.toMatch(/<\/?script/i);
        const tree = parse(html);
        const all = elements(tree);
        expect(all.filter((el) => ['script', 'iframe', 'img', 'a', 'link', 'object', 'embed', 'base', 'form'].includes(el.tagName))).toEqual([]);
        for (const element of all) {
            for (const { name, value } of element.attrs) {
                expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
                expect(name, element.tagName).not.toBe('style');
                expect(value).not.toMatch(/javascript:/i);
            }
        }
        const text = textOf(tree);
        for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);

        // The policy: nothing by default, no script source at all, and styles only by hash.
        const metas = all.filter((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
        expect(metas).toHaveLength(1);
        const policy = attr(metas[0]!, 'content')!;
        expect(policy).toBe(WEBVIEW_CSP);
        expect(policy.split(';').map((d) => d.trim().split(' ')[0])).toEqual(['default-src', 'style-src', 'base-uri', 'form-action']);
        expect(policy).toContain('default-src \'none\'');
        expect(policy).not.toMatch(/unsafe-|script-src|\*|https?:|data:/);
        // The head comes first: the policy is in force before any model text is parsed.
        const head = all.find((el) => el.tagName === 'head')!;
        expect(head.childNodes.filter((n) => 'tagName' in n).slice(0, 2).map((n) => (n as Element).tagName)).toEqual(['meta', 'meta']);
    });

    test('the one stylesheet is the one the policy pins', async () => {
        const document = await addModel('seed-preview.tm', fixture('example.tm'));
        const { html } = (await reports.preview({ uri: document.uri.toString() }))!;
        const styles = elements(parse(html)).filter((el) => el.tagName === 'style');
        expect(styles).toHaveLength(1);
        const sheet = textOf(styles[0]!);
        expect(sheet).toBe(WEBVIEW_STYLE);
        const hash = createHash('sha256').update(sheet, 'utf8').digest('base64');
        expect(WEBVIEW_CSP).toContain(`style-src 'sha256-${hash}'`);
        expect(html).toContain('AIVSS 7.8 — High');
    });

    test('null for a document the server does not hold', async () => {
        expect(await reports.preview({ uri: `${WORKSPACE}/nowhere.tm` })).toBeNull();
        expect(await reports.preview(undefined as never)).toBeNull();
    });
});
