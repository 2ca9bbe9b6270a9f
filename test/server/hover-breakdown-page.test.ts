import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { breakdownPage } from '../../server/breakdown-page.js';
import { parse, plain, seed, services, shared } from './hover-helpers.js';

afterEach(() => clearDocuments(shared));

const scorer = services.scoring.ModelScorer;

describe('the breakdown page (threatModel/breakdown)', () => {
    test("an agent's page: the hover breakdown as a page, then every threat", async () => {
        const document = await parse(seed);
        const page = breakdownPage(scorer, document, { uri: document.uri.toString(), agent: 'Wan22S2V' });
        expect(page?.title).toBe('Wan22S2V');
        const markdown = plain(page?.markdown);
        expect(markdown.startsWith('# Agent `Wan22S2V` — “WAN 2.2-S2V”')).toBe(true);
        expect(markdown).toContain('AIVSS_raw = (9.3 + 0.0455) × 0.83 = 7.756765');
        expect(markdown).toContain('## Threats');
        expect(markdown).toContain('- `UploadParsing` (L4 Deployment and Infrastructure): 7.8 High');
        expect(markdown).toContain('- `ModelStealing` (L1 Foundation Models): incomplete (add cvss)');
        expect(markdown).toContain('### Threat `ConsentGap`');
    });

    test("a threat's page, by name", async () => {
        const document = await parse(seed);
        const page = breakdownPage(scorer, document, { uri: document.uri.toString(), agent: 'Wan22S2V', threat: 'UploadParsing' });
        expect(page?.title).toBe('Wan22S2V.UploadParsing');
        expect(plain(page?.markdown).startsWith('# Threat `UploadParsing`')).toBe(true);
    });

    test('without names: the threat or agent at the cursor, else the first agent', async () => {
        const document = await parse(seed);
        const uri = document.uri.toString();
        const inThreat = document.textDocument.positionAt(seed.indexOf('exploit unreported'));
        expect(breakdownPage(scorer, document, { uri, position: inThreat })).toMatchObject({
            title: 'Wan22S2V.UploadParsing',
            agent: 'Wan22S2V',
            threat: 'UploadParsing'
        });
        const inAgent = document.textDocument.positionAt(seed.indexOf('summary'));
        expect(breakdownPage(scorer, document, { uri, position: inAgent })?.title).toBe('Wan22S2V');
        expect(breakdownPage(scorer, document, { uri, position: { line: 0, character: 0 } })?.title).toBe('Wan22S2V');
        expect(breakdownPage(scorer, document, { uri })?.title).toBe('Wan22S2V');
    });

    test('unknown names answer nothing', async () => {
        const document = await parse(seed);
        const uri = document.uri.toString();
        expect(breakdownPage(scorer, document, { uri, agent: 'Nobody' })).toBeUndefined();
        expect(breakdownPage(scorer, document, { uri, agent: 'Wan22S2V', threat: 'Nothing' })).toBeUndefined();
        expect(breakdownPage(scorer, await parse(''), { uri })).toBeUndefined();
    });
});
