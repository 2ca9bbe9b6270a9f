/**
 * The preview webview's HTML in a real browser (Debian chromium through playwright-core): the
 * policy lets exactly the report's stylesheet apply, and nothing else — not a `<style>` element
 * nor a `style` attribute that a failed escape could let through, not a script. Skipped where
 * /usr/bin/chromium is not installed; report-preview.test.ts checks the structure there.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../cli/cli-harness.js';
import { addModel, fixture, reports } from './report-helpers.js';

const CHROMIUM = '/usr/bin/chromium';

interface Facts {
    readonly background: string;
    readonly collapse: string;
    readonly display: string;
    readonly injectedColor: string;
    readonly scripts: number;
    readonly marker: string;
}

describe.skipIf(!existsSync(CHROMIUM))('report preview HTML in chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
    });

    /** `requests`: what the page loaded (a request the policy blocked is not loaded). */
    async function open(html: string): Promise<{ facts: Facts; refused: string[]; dialogs: number; requests: string[]; url: string }> {
        const file = join(tempDir('atm-webview-'), 'preview.html');
        writeFileSync(file, html);
        const page = await browser.newPage();
        const refused: string[] = [];
        const requests: string[] = [];
        let dialogs = 0;
        page.on('console', (message) => {
            if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
        });
        page.on('dialog', (dialog) => {
            dialogs++;
            void dialog.dismiss();
        });
        page.on('requestfinished', (request) => {
            requests.push(request.url());
        });
        const url = pathToFileURL(file).href;
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        // A string, evaluated in the page: this project's TypeScript has no DOM types.
        const facts = await page.evaluate<Facts>(`({
            background: getComputedStyle(document.body).backgroundColor,
            collapse: getComputedStyle(document.querySelector('table')).borderCollapse,
            display: getComputedStyle(document.body).display,
            injectedColor: document.getElementById('injected') ? getComputedStyle(document.getElementById('injected')).color : '',
            scripts: document.querySelectorAll('script').length,
            marker: String(window.atmInjected)
        })`);
        await page.close();
        return { facts, refused, dialogs, requests, url };
    }

    test('the hostile model: the report\'s stylesheet applies, nothing is refused, nothing runs', async () => {
        const document = await addModel('hostile-browser.tm', fixture('cli/hostile.tm'));
        const { html } = (await reports.preview({ uri: document.uri.toString() }))!;
        const { facts, refused, dialogs, requests, url } = await open(html);
        expect(refused).toEqual([]);
        expect(facts).toMatchObject({ background: 'rgb(255, 255, 255)', collapse: 'collapse', display: 'block', scripts: 0 });
        expect(dialogs).toBe(0);
        expect(requests).toEqual([url]);
    }, 60_000);

    test('markup that escaped escaping would still be inert: no style element, style attribute or script applies', async () => {
        const document = await addModel('seed-browser.tm', fixture('example.tm'));
        const { html } = (await reports.preview({ uri: document.uri.toString() }))!;
        const injected = html.replace('<body>', [
            '<body>',
            '<style>body{display:none}</style>',
            '<p id="injected" style="color:rgb(255, 0, 0)">x</p>',
            '<script>window.atmInjected = 1; alert(1)</script>',
            '<img src="https://evil.example/x.png">'
        ].join('\n'));
        const { facts, refused, dialogs, requests, url } = await open(injected);
        expect(facts).toMatchObject({ display: 'block', background: 'rgb(255, 255, 255)', marker: 'undefined' });
        expect(facts.injectedColor).not.toBe('rgb(255, 0, 0)');
        expect(dialogs).toBe(0);
        expect(requests).toEqual([url]);
        // The style element, the style attribute, the script and the image, each refused by the policy.
        expect(refused.length, refused.join('\n')).toBeGreaterThanOrEqual(4);
        expect(refused.some((message) => message.includes('https://evil.example/x.png'))).toBe(true);
    }, 60_000);
});
