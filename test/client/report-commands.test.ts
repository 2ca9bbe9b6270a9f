import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { Commands, LANGUAGE_ID } from '../../client/manifest-ids.js';
import { cardStem, exportFileName, importCandidates, looksLikeCard, oneLine } from '../../client/report-names.js';
import { MESSAGE_PAGE_CSP, messagePage } from '../../client/report-preview-page.js';
import { REPORT_FORMATS } from '../../server/report-protocol.js';

interface MenuItem {
    command: string;
    when?: string;
    group?: string;
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    contributes: { commands: Array<{ command: string; title: string; icon?: string }>; menus: Record<string, MenuItem[]> };
};

describe('report commands in the manifest', () => {
    test('declared with the titles the issue names', () => {
        const titles = Object.fromEntries(manifest.contributes.commands.map((c) => [c.command, c.title]));
        expect(titles[Commands.importCard]).toBe('Import Threat-Model Card…');
        expect(titles[Commands.exportReport]).toBe('Export Report…');
        expect(titles[Commands.showReportPreview]).toBe('Show Report Preview');
    });

    test('menus name declared commands only; the preview is on .tm editors, import on .txt files', () => {
        const declared = new Set(manifest.contributes.commands.map((c) => c.command));
        const items = Object.values(manifest.contributes.menus).flat();
        expect(items.filter((item) => !declared.has(item.command))).toEqual([]);
        expect(manifest.contributes.menus['editor/title']).toContainEqual(
            expect.objectContaining({ command: Commands.showReportPreview, when: `resourceLangId == ${LANGUAGE_ID}`, group: 'navigation' })
        );
        expect(manifest.contributes.menus['explorer/context']).toContainEqual(
            expect.objectContaining({ command: Commands.importCard, when: 'resourceExtname == .txt' })
        );
        // An editor-title button needs an icon, or it shows as text.
        const preview = manifest.contributes.commands.find((c) => c.command === Commands.showReportPreview);
        expect(preview?.icon).toMatch(/^\$\([a-z-]+\)$/);
    });
});

describe('report file names', () => {
    test('a card\'s model is named after it, never onto an existing name (the caller skips taken ones)', () => {
        expect(cardStem('wan-2.2-s2v.card.txt')).toBe('wan-2.2-s2v');
        expect(cardStem('NOTES.TXT')).toBe('NOTES');
        expect(cardStem('.card.txt')).toBe('imported');
        expect(importCandidates('wan-2.2-s2v.card.txt', 4)).toEqual(['wan-2.2-s2v.tm', 'wan-2.2-s2v-imported.tm', 'wan-2.2-s2v-imported-2.tm', 'wan-2.2-s2v-imported-3.tm']);
        expect(new Set(importCandidates('x.txt')).size).toBe(20);
        expect(importCandidates('x.txt').every((name) => name.endsWith('.tm'))).toBe(true);
    });

    test('exports are named after the model, with each format\'s ending', () => {
        expect(REPORT_FORMATS.map((f) => exportFileName('agent.tm', f.extension))).toEqual(['agent.html', 'agent.md', 'agent.json', 'agent.sarif', 'agent.card.txt']);
        expect(exportFileName('Untitled-1', '.md')).toBe('Untitled-1.md');
        expect(exportFileName('.tm', '.md')).toBe('model.md');
    });

    test('cards are .txt files; messages are one line', () => {
        expect(looksLikeCard('a.card.txt')).toBe(true);
        expect(looksLikeCard('a.tm')).toBe(false);
        expect(oneLine('a\nb\r\n\u2028c\u0000')).toBe('a b c');
    });
});

describe('the preview\'s message page', () => {
    test('escaped, and under a policy that allows nothing at all', () => {
        const html = messagePage('<script>t</script>', '"><img src=x onerror=alert(1)> & </p><script>alert(2)</script>');
        expect(html).not.toMatch(/<script|<img/i);
        expect(MESSAGE_PAGE_CSP).toBe("default-src 'none'; base-uri 'none'; form-action 'none'");
        const tree = parse(html) as DefaultTreeAdapterMap['document'];
        const text = JSON.stringify(tree, (key, value: unknown) => (key === 'parentNode' ? undefined : value));
        expect(text).toContain('\\"><img src=x onerror=alert(1)> & </p><script>alert(2)</script>');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${MESSAGE_PAGE_CSP}">`);
    });
});
