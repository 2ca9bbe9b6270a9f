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
import { reportFileOf } from './report-fixtures.js';

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
