// What a user sees: the packaged .vsix installed into a real VS Code (server + web workbench),
// the seed model opened, its code lens read, the agent hovered, the Problems panel counted and a
// quick fix applied from the light bulb. Each step saves a screenshot under test-results/.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startVSCodeServer, type VSCodeServer } from '../../../scripts/vscode-e2e/vscode-server.mjs';
import { SEED_NAME, makeWorkspace } from '../../../scripts/vscode-e2e/workspace.mjs';

const SHOTS = resolve('test-results/vscode-ui/screenshots');
const AGENT = 'Wan22S2V';
const NO_L7 = 'wan-2.2-s2v-without-l7.tm';

// Tests run in order in one worker and share the window; each opens what it needs, so after a
// failure (which restarts the worker and the window) the next ones still run.
let server: VSCodeServer | undefined;
let page: Page;
let workspace: string;

/** The language's display name from the installed extension's manifest, as the status bar shows it. */
function languageName(): string {
    const extensions = server?.dirs.extensions ?? '';
    const installed = readdirSync(extensions).find((d) => d.startsWith('atm-tools.agentic-threat-model'));
    if (!installed) throw new Error(`the .vsix is not installed in ${extensions}`);
    const manifest = JSON.parse(readFileSync(join(extensions, installed, 'package.json'), 'utf8')) as {
        contributes?: { languages?: { id: string; aliases?: string[] }[] };
    };
    return manifest.contributes?.languages?.find((l) => l.id === 'threat-model')?.aliases?.[0] ?? 'threat-model';
}

function required(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the UI suite through npm run test:vscode`);
    return value;
}

async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens a file from the Explorer, as a user would, and waits for its text in the editor. */
async function openFromExplorer(name: string, text: string): Promise<void> {
    await expect(page.locator('.monaco-workbench')).toBeVisible();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await expect(page.locator('.tabs-container .tab.active', { hasText: name })).toBeVisible();
    await expect(page.locator('.monaco-editor .view-lines').first()).toContainText(text);
}

/** Shows the Problems panel (its shortcut toggles, so only when it is not showing). */
async function openProblems() {
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await expect(panel).toBeVisible();
    return panel;
}

/**
 * The screen point over `needle` on the editor line that contains it. Measured from the line's
 * box, since the editor font is monospace; tokenization (one span or many) does not matter.
 */
async function pointAt(needle: string, offsetInNeedle = 2): Promise<{ x: number; y: number }> {
    const line = page.locator('.monaco-editor .view-line', { hasText: needle }).first();
    await expect(line).toBeVisible();
    const text = (await line.innerText()).replace(/\u00a0/g, ' ');
    const box = await line.locator('span').first().boundingBox();
    const index = text.indexOf(needle);
    if (!box || index < 0) throw new Error(`'${needle}' is not on screen`);
    const charWidth = box.width / text.length;
    return { x: box.x + (index + offsetInNeedle + 0.5) * charWidth, y: box.y + box.height / 2 };
}

test.beforeAll(async ({ browser }) => {
    workspace = process.env.VSCODE_E2E_WORKSPACE ?? makeWorkspace('ui');
    // A copy without layer L7, for the Problems panel and the quick fix.
    const seed = readFileSync(join(workspace, SEED_NAME), 'utf8');
    writeFileSync(join(workspace, NO_L7), seed.replace(/\n {4}layer L7 uncertain \{\n[^\n]*\n {4}\}\n/, '\n'));
    server = await startVSCodeServer({
        codeServer: required('VSCODE_E2E_CODE_SERVER'),
        node: process.env.VSCODE_E2E_NODE,
        installVsix: [required('VSCODE_E2E_VSIX')]
    });
    page = await browser.newPage();
    await page.goto(server.workbenchUrl(workspace));
});

test.afterAll(async () => {
    await page?.close();
    await server?.stop();
    if (!process.env.VSCODE_E2E_WORKSPACE) rmSync(workspace, { recursive: true, force: true });
});

test('the workbench opens the seed model with the extension installed', async () => {
    await expect(page.locator('.monaco-workbench')).toBeVisible();
    await openFromExplorer(SEED_NAME, `agent ${AGENT}`);
    await expect(page.locator('.statusbar-item[id="status.editor.mode"]')).toContainText(languageName());
    await shot('01-editor');
});

test('the code lens above the agent reads AIVSS 7.8 High', async () => {
    await openFromExplorer(SEED_NAME, `agent ${AGENT}`);
    const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'AIVSS 7.8 High' });
    await expect(lens.first()).toBeVisible();
    await shot('02-code-lens');
});

test('hovering the agent name shows the score breakdown', async () => {
    await openFromExplorer(SEED_NAME, `agent ${AGENT}`);
    const hover = page.locator('.monaco-hover-content', { hasText: '7.8' });
    await expect(async () => {
        const { x, y } = await pointAt(`agent ${AGENT}`, 'agent '.length + 2);
        await page.mouse.move(x, y + 200);
        await page.mouse.move(x, y, { steps: 5 });
        await expect(hover.first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    const text = await hover.first().innerText();
    expect(text).toContain('1.3');
    expect(text).toContain('7.8');
    await shot('03-hover');
    await page.keyboard.press('Escape');
});

test('the Problems panel lists the missing layer of the copy without L7', async () => {
    await openFromExplorer(NO_L7, `agent ${AGENT}`);
    const panel = await openProblems();
    // Marker rows end with their location; the other rows are the files that group them.
    const markers = panel.locator('.monaco-list-row', { hasText: /\[Ln \d+, Col \d+\]/ });
    await expect(markers.filter({ hasText: 'missing-layer' })).toHaveCount(1);
    const badge = page.locator('.part.panel .composite-bar .action-item', { hasText: 'Problems' }).locator('.badge-content');
    await expect(async () => {
        expect(await markers.count()).toBe(Number(await badge.innerText()));
    }).toPass({ timeout: 30_000 });
    const count = await markers.count();
    test.info().annotations.push({ type: 'problems', description: `${count} problems` });
    console.log(`Problems panel: ${count} entries, as its badge says; 1 missing-layer`);
    await shot('04-problems');
});

test('a quick fix from the light bulb adds the missing layer', async () => {
    await openFromExplorer(NO_L7, `agent ${AGENT}`);
    const { x, y } = await pointAt(`agent ${AGENT}`, 'agent '.length + 2);
    await page.mouse.click(x, y);
    const bulb = page.locator('.lightBulbWidget');
    await expect(bulb).toBeVisible();
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add missing layer' }).first();
    await expect(fix).toBeVisible();
    await shot('05-quick-fix-menu');
    await fix.click();
    await expect(page.locator('.tabs-container .tab.active.dirty', { hasText: NO_L7 })).toBeVisible();
    // The editor renders only the lines in view: go to the end, where the layers close.
    await page.keyboard.press('Control+End');
    await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('layer L7');
    const panel = await openProblems();
    await expect(panel.locator('.monaco-list-row', { hasText: 'missing-layer' })).toHaveCount(0);
    await shot('06-fixed');
});
