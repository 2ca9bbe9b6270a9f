import { describe, expect, test } from 'vitest';
import {
    MAESTRO_CATALOG,
    catalogThreatById,
    catalogThreatsForLayer,
    matchCatalogThreat,
    suggestCatalogId
} from '../../language/maestro/maestro-catalog.js';
import { LAYER_IDS } from '../../language/maestro/maestro-layers.js';

describe('the catalog', () => {
    test('has 55 entries with the spec counts per layer', () => {
        expect(MAESTRO_CATALOG).toHaveLength(55);
        const counts = Object.fromEntries(LAYER_IDS.map((id) => [id, catalogThreatsForLayer(id).length]));
        expect(counts).toEqual({ L1: 7, L2: 5, L3: 6, L4: 6, L5: 6, L6: 7, L7: 13, XL: 5 });
    });

    test('ids are unique and follow M<layer>.<n> in order', () => {
        const ids = MAESTRO_CATALOG.map((threat) => threat.id);
        expect(new Set(ids).size).toBe(55);
        for (const id of LAYER_IDS) {
            const prefix = id === 'XL' ? 'MX' : `M${id.slice(1)}`;
            expect(catalogThreatsForLayer(id).map((threat) => threat.id)).toEqual(
                catalogThreatsForLayer(id).map((_, index) => `${prefix}.${index + 1}`)
            );
        }
    });

    test('names shared across layers are kept exactly and told apart by layer', () => {
        const byName = (name: string): string[] =>
            MAESTRO_CATALOG.filter((threat) => threat.name === name).map((threat) => `${threat.id}/${threat.layer}`);
        expect(byName('Backdoor Attacks')).toEqual(['M1.3/L1', 'M3.2/L3']);
        expect(byName('Denial of Service (DoS) Attacks')).toEqual(['M1.7/L1', 'M4.4/L4']);
        expect(byName('Lateral Movement')).toEqual(['M4.6/L4', 'MX.2/XL']);
        expect(byName('Supply Chain Attacks')).toEqual(['M3.4/L3', 'MX.1/XL']);
    });

    test('lookup by id', () => {
        expect(catalogThreatById('M1.2')?.name).toBe('Model Stealing');
        expect(catalogThreatById('M7.13')?.name).toBe('Inaccurate Agent Capability Description');
        expect(catalogThreatById('MX.5')?.layer).toBe('XL');
        expect(catalogThreatById('m1.2')).toBeUndefined();
        expect(catalogThreatById('M8.1')).toBeUndefined();
    });

    test('every entry has a description in its own words', () => {
        for (const threat of MAESTRO_CATALOG) {
            expect(threat.description.length, threat.id).toBeGreaterThan(20);
            expect(threat.description.endsWith('.'), threat.id).toBe(true);
        }
    });
});

describe('suggestCatalogId', () => {
    test('fixes case, separators and leading zeros', () => {
        expect(suggestCatalogId('M1.2')).toBe('M1.2');
        expect(suggestCatalogId('m1.2')).toBe('M1.2');
        expect(suggestCatalogId('M1-2')).toBe('M1.2');
        expect(suggestCatalogId('M1.02')).toBe('M1.2');
        expect(suggestCatalogId('mx.3')).toBe('MX.3');
        expect(suggestCatalogId('MXL.3')).toBe('MX.3');
        expect(suggestCatalogId('M21')).toBe('M2.1');
    });

    test('knows entries by name, with the layer for shared names', () => {
        expect(suggestCatalogId('Model Stealing')).toBe('M1.2');
        expect(suggestCatalogId('Lateral Movement')).toBeUndefined();
        expect(suggestCatalogId('Lateral Movement', 'XL')).toBe('MX.2');
    });

    test('stays silent when no single id is close', () => {
        expect(suggestCatalogId('M8.1')).toBeUndefined();
        expect(suggestCatalogId('M1.8')).toBeUndefined();
        expect(suggestCatalogId('M7.14')).toBeUndefined();
        expect(suggestCatalogId('banana')).toBeUndefined();
    });
});

describe('matchCatalogThreat', () => {
    const id = (phrase: string, layer?: Parameters<typeof matchCatalogThreat>[1]): string | undefined =>
        matchCatalogThreat(phrase, layer)?.id;

    test('recognises the seed card phrases', () => {
        expect(id('model stealing of this closed-source asset', 'L1')).toBe('M1.2');
        expect(id('adversarial audio inputs designed to bypass safety filters', 'L1')).toBe('M1.1');
        expect(id('output manipulation leading to misaligned or offensive video generation', 'L1')).toBeUndefined();
        expect(id('data exfiltration of user-uploaded audio assets', 'L2')).toBe('M2.2');
        expect(id('insecure integration between the speech synthesis and computer vision rendering pipelines', 'L3'))
            .toBeUndefined();
    });

    test('uses the layer to choose among same-named entries', () => {
        expect(id('denial of service', 'L4')).toBe('M4.4');
        expect(id('Denial of Service (DoS)', 'L1')).toBe('M1.7');
        expect(id('denial-of-service attacks on the vector store', 'L2')).toBe('M2.3');
        expect(id('DoS', 'L3')).toBe('M3.5');
        expect(id('denial of service', 'L5')).toBe('M5.3');
        expect(id('denial of service')).toBeUndefined();
        expect(id('backdoor attacks', 'L3')).toBe('M3.2');
        expect(id('backdoors in the model weights', 'L1')).toBe('M1.3');
        expect(id('supply chain attacks', 'XL')).toBe('MX.1');
        expect(id('lateral movement', 'L4')).toBe('M4.6');
    });

    test('prefers the longer, more specific wording', () => {
        expect(id('training data poisoning')).toBe('M1.5');
        expect(id('data poisoning')).toBeUndefined();
        expect(id('data poisoning', 'L2')).toBe('M2.1');
        expect(id('compromised agent registry entries')).toBe('M7.10');
        expect(id('compromised agents posing as services')).toBe('M7.1');
        expect(id('model extraction of AI security agents')).toBe('M6.7');
        expect(id('data leakage through logs')).toBe('M5.5');
    });

    test('looks past hedges at the head of the phrase', () => {
        expect(id('the risk of model theft', 'L1')).toBe('M1.2');
        expect(id('potential privilege escalation')).toBe('MX.3');
        expect(id('possible prompt injection via uploaded files', 'L3')).toBe('M3.3');
    });

    test('is precise rather than eager', () => {
        // Only the head counts: a catalog name further in does not make the phrase that threat.
        expect(id('high GPU rendering demands invite denial of service', 'L4')).toBeUndefined();
        expect(id('impersonation of public figures via deepfakes', 'L7')).toBeUndefined();
        expect(id('model stealing', 'L4')).toBeUndefined();
        expect(id('data stealing')).toBeUndefined();
        expect(id('regulatory non-compliance with GDPR', 'L6')).toBeUndefined();
        expect(id('')).toBeUndefined();
        expect(id('modelstealing')).toBeUndefined();
    });
});
