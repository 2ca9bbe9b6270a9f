// The UI suite: what a person sees in VS Code with the packaged extension installed. Run by
// `npm run test:vscode` (scripts/vscode-e2e/test-vscode.mjs), which sets up the host, packages
// the .vsix and passes both in the environment. Browser: Debian's Chromium, never a download.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/vscode-e2e/vscode-server.mjs';

export default defineConfig({
    testDir: '.',
    testMatch: '*.spec.ts',
    // Playwright empties its outputDir at the start: never point it at test-results/ itself,
    // where the other suites' reports live.
    outputDir: '../../../test-results/vscode-ui/playwright',
    timeout: 240_000,
    expect: { timeout: 60_000 },
    workers: 1,
    retries: 0,
    fullyParallel: false,
    reporter: [['list'], ['json', { outputFile: '../../../test-results/vscode-ui/playwright.json' }]],
    use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
        viewport: { width: 1440, height: 900 },
        screenshot: 'only-on-failure',
        actionTimeout: 30_000
    }
});
