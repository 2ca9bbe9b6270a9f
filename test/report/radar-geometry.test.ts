import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { FACTOR_KEYS } from '../../language/aivss/factor-keys.js';
import { factorRadar } from '../../language/report/html-charts.js';
import { renderHtmlReport } from '../../language/report/html-report.js';
import type { Box } from '../../language/report/radar-geometry.js';
import { labelWidth, layoutRadar, RADAR_FONT_SIZE } from '../../language/report/radar-geometry.js';
import { reportFileFromText } from './report-fixtures.js';

type Element = DefaultTreeAdapterMap['element'];

const inside = (inner: Box, outer: Box): boolean =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The longest label any factor can have: its key and `missing`. */
const longest = [...FACTOR_KEYS.keys()].map((key) => `${key} missing`).sort((a, b) => b.length - a.length);

describe('radar geometry', () => {
    test.each([3, 5, 8, 10, 11])('with %i spokes of the longest labels, every label box lies inside the viewBox', (count) => {
        const texts = Array.from({ length: count }, (_, index) => longest[index % longest.length]!);
        const layout = layoutRadar(texts);
        for (const label of layout.labels) expect(inside(label.box, layout.viewBox), JSON.stringify(label)).toBe(true);
    });

    test('anchors follow the angle: centred at top and bottom, start on the right, end on the left', () => {
        const layout = layoutRadar(Array.from({ length: 10 }, () => 'execution_autonomy 0.50'));
        expect(layout.labels.map((label) => label.anchor)).toEqual(['middle', 'start', 'start', 'start', 'start', 'middle', 'end', 'end', 'end', 'end']);
        // The top label sits above the chart, the bottom one below it.
        expect(layout.labels[0]!.box.y + layout.labels[0]!.box.height).toBeLessThan(-110);
        expect(layout.labels[5]!.box.y).toBeGreaterThan(110);
    });

    test('widths count characters at a monospace advance rounded up from 0.6 em', () => {
        expect(labelWidth('abcd')).toBeCloseTo(4 * 0.62 * RADAR_FONT_SIZE, 10);
        expect(labelWidth('é'.normalize('NFC'))).toBeCloseTo(0.62 * RADAR_FONT_SIZE, 10);
    });
});

function elements(node: DefaultTreeAdapterMap['node']): Element[] {
    const found: Element[] = [];
    const visit = (current: DefaultTreeAdapterMap['node']): void => {
        if ('tagName' in current) found.push(current);
        for (const child of 'childNodes' in current ? current.childNodes : []) visit(child);
    };
    visit(node);
    return found;
}

const attr = (element: Element, name: string): string => element.attrs.find((a) => a.name === name)?.value ?? '';

describe('the rendered radar', () => {
    test('the labels as written in the SVG fit its viewBox (v0.8 keys, missing factors included)', async () => {
        const model = 'aivss 0.8\nagent A {\n    factors {\n        execution_autonomy  0.5\n    }\n    cvss 5.0\n}\n';
        const html = renderHtmlReport([await reportFileFromText(model)]);
        const radar = elements(parse(html)).find((el) => el.tagName === 'svg' && attr(el, 'class') === 'radar')!;
        const [x, y, width, height] = attr(radar, 'viewBox').split(' ').map(Number) as [number, number, number, number];
        expect([attr(radar, 'width'), attr(radar, 'height')]).toEqual([String(width), String(height)]);
        const texts = elements(radar).filter((el) => el.tagName === 'text');
        expect(texts.map((el) => attr(el, 'font-family'))).toEqual(Array(10).fill('monospace'));
        for (const text of texts) {
            const content = text.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
            const w = labelWidth(content);
            const left = attr(text, 'text-anchor') === 'start' ? Number(attr(text, 'x')) : attr(text, 'text-anchor') === 'end' ? Number(attr(text, 'x')) - w : Number(attr(text, 'x')) - w / 2;
            const baseline = Number(attr(text, 'y'));
            const box = { x: left, y: baseline - 0.95 * RADAR_FONT_SIZE, width: w, height: 1.2 * RADAR_FONT_SIZE };
            expect(inside(box, { x, y, width, height }), `${content} ${JSON.stringify(box)}`).toBe(true);
        }
        expect(texts.some((el) => /external_tool_control_surface missing/.test(el.childNodes.map((c) => ('value' in c ? c.value : '')).join('')))).toBe(true);
    });

    test('the title and label text are escaped', () => {
        const svg = factorRadar([{ key: '<script>alert(1)</script>', value: '"0.5"&', value100: 50 }], '</svg><svg onload=alert(2)>');
        expect(svg).not.toMatch(/<script|<svg onload/);
        expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;0.5&quot;&amp;');
    });
});
