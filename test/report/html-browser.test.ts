/**
 * The HTML report of the hostile model in a real browser (Debian chromium through playwright-
 * core): no script runs, no dialog opens, nothing is fetched. Run once with the report's CSP
 * and once with the CSP removed, so the escaping is proven on its own, not only the policy.
 * Skipped where /usr/bin/chromium is not installed; the parse5 test covers the structure there.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtmlReport } from '../../language/report/html-report.js';
import { tempDir } from '../cli/cli-harness.js';
import { reportFileFromText, reportFileOf } from './report-fixtures.js';

interface Rect {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

/** One radar as the browser lays it out: its viewBox and on-screen box, each label's boxes. */
interface RadarFacts {
    readonly viewBox: Rect;
    readonly screen: Rect;
    readonly labels: ReadonlyArray<{ readonly text: string; readonly font: string; readonly bbox: Rect; readonly screen: Rect }>;
}

/** True when `inner` lies in `outer`, give or take `slack` px of rounding. */
function within(inner: Rect, outer: Rect, slack = 0.5): boolean {
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack
        && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

interface PageFacts {
    readonly scripts: number;
    readonly handlers: number;
    readonly images: number;
    readonly svgs: number;
    readonly text: string;
}

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

describe.skipIf(!available)('HTML report in chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
    });

    async function open(html: string) {
        const file = join(tempDir('atm-html-'), 'report.html');
        writeFileSync(file, html);
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        page.on('request', (request) => {
            requests.push(request.url());
        });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // Give event-handler payloads (onerror, onload) a moment to fire if they ever could.
        await page.waitForTimeout(300);
        // A string, evaluated in the page: this project's TypeScript has no DOM types.
        const facts = await page.evaluate<PageFacts>(`({
            scripts: document.querySelectorAll('script').length,
            handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
            images: document.querySelectorAll('img, iframe').length,
            svgs: document.querySelectorAll('svg').length,
            text: document.body.innerText
        })`);
        await page.close();
        return { dialogs, requests, facts, url: pathToFileURL(file).href };
    }

    test('radar labels lie inside their SVG, as chromium measures them (longest keys, missing factors, both key sets)', async () => {
        const models = [
            'aivss 0.8\nagent A {\n    factors {\n        execution_autonomy  0.5\n    }\n    cvss 5.0\n}\n',
            'aivss 0.5\nagent B {\n    factors {\n        autonomy_of_action  0.5\n        multi_agent_interactions  1.0\n    }\n    cvss 5.0\n}\n'
        ];
        const files = await Promise.all(models.map((model, index) => reportFileFromText(model, `m${index}.tm`)));
        const file = join(tempDir('atm-radar-'), 'report.html');
        writeFileSync(file, renderHtmlReport(files));
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const rect = (r: string): string => `({ x: ${r}.x, y: ${r}.y, width: ${r}.width, height: ${r}.height })`;
        const radars = await page.evaluate<RadarFacts[]>(`[...document.querySelectorAll('svg.radar')].map((svg) => ({
            viewBox: ${rect('svg.viewBox.baseVal')},
            screen: ${rect('svg.getBoundingClientRect()')},
            labels: [...svg.querySelectorAll('text')].map((text) => ({
                text: text.textContent,
                font: getComputedStyle(text).fontFamily,
                bbox: ${rect('text.getBBox()')},
                screen: ${rect('text.getBoundingClientRect()')}
            }))
        }))`);
        await page.close();
        expect(radars).toHaveLength(2);
        const labels = radars.flatMap((radar) => radar.labels.map((label) => label.text));
        expect(labels).toContain('external_tool_control_surface missing');
        expect(labels).toContain('multi_agent_interactions 1.00');
        for (const radar of radars) {
            for (const label of radar.labels) {
                expect(label.bbox.width, label.text).toBeGreaterThan(0);
                expect(within(label.bbox, radar.viewBox), `${label.text} ${JSON.stringify(label.bbox)} in ${JSON.stringify(radar.viewBox)}`).toBe(true);
                expect(within(label.screen, radar.screen), `${label.text} on screen`).toBe(true);
            }
        }
        // The geometry's width estimate holds for monospace fonts only.
        expect(new Set(radars.flatMap((radar) => radar.labels.map((label) => label.font)))).toEqual(new Set(['monospace']));
    }, 60_000);

    test.each([
        ['with its CSP', (html: string) => html],
        ['with the CSP removed', (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')]
    ])('hostile titles run nothing %s', async (_label, transform) => {
        const html = transform(renderHtmlReport([await reportFileOf('hostile.tm')]));
        const { dialogs, requests, facts, url } = await open(html);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([url]);
        expect(facts).toMatchObject({ scripts: 0, handlers: 0, images: 0, svgs: 2 });
        expect(facts.text).toContain('<script>alert(\'agent\')</script> "quoted" </svg><svg onload=alert(1)>');
    }, 60_000);
});
