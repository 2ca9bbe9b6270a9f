import { describe, expect, test } from 'vitest';
import { agentNameFromTitle } from '../../language/card/card-names.js';
import { cardThreats, threatNameFromPhrase, threatPhrases } from '../../language/card/card-threats.js';
import type { CardLayer } from '../../language/card/card-types.js';
import { cardFixture } from './card-fixtures.js';

describe('threatPhrases', () => {
    const seed = cardFixture('wan-2.2-s2v.card.txt');

    test('splits the seed card conservatively', () => {
        expect(seed.layers.map((layer) => threatPhrases(layer.paragraph))).toEqual([
            [
                'model stealing of this closed-source asset',
                'adversarial audio inputs designed to bypass safety filters',
                'output manipulation leading to misaligned or offensive video generation'
            ],
            // No comma: one threat, even though two ideas are joined by "and".
            ['data exfiltration of user-uploaded audio assets and intellectual property/copyright issues regarding the training data used for the 27B MoE model'],
            ['insecure integration between the speech synthesis and computer vision rendering pipelines'],
            // L4–L7 name risks, but not after a lead-in: no threats are invented from them.
            [], [], [], []
        ]);
    });

    test('finds lead-ins anywhere, in any case, with a colon', () => {
        expect(threatPhrases('Some text; threats include: a, b, and c. More text.')).toEqual(['a', 'b', 'c']);
        expect(threatPhrases('KEY THREATS INCLUDE x, or y')).toEqual(['x', 'y']);
        expect(threatPhrases('Potential threats include one. Key threats include two, and three.')).toEqual(['one', 'two', 'three']);
    });

    test('keeps commas inside parentheses and does not stop at abbreviations', () => {
        expect(threatPhrases('Threats include misuse of records (e.g., SOC2, GDPR scope), and replay. Next sentence.'))
            .toEqual(['misuse of records (e.g., SOC2, GDPR scope)', 'replay']);
        expect(threatPhrases('Threats include prompt injection (e.g. Hidden text) and more. Done.'))
            .toEqual(['prompt injection (e.g. Hidden text) and more']);
        expect(threatPhrases('Threats include version 2.2 regressions. Done.')).toEqual(['version 2.2 regressions']);
    });

    test('finds nothing without a lead-in', () => {
        expect(threatPhrases('The main risk is denial of service, and data loss.')).toEqual([]);
        expect(threatPhrases('Threats are negligible.')).toEqual([]);
        expect(threatPhrases('')).toEqual([]);
    });
});

describe('threatNameFromPhrase', () => {
    test.each([
        ['model stealing of this closed-source asset', 'ModelStealing'],
        ['adversarial audio inputs designed to bypass safety filters', 'AdversarialAudioInputs'],
        ['output manipulation leading to misaligned or offensive video generation', 'OutputManipulation'],
        ['insecure integration between the speech synthesis and computer vision rendering pipelines', 'InsecureIntegration'],
        ['denial of service', 'DenialOfService'],
        ['Denial of Service (DoS) through long audio clips', 'DenialOfService'],
        ['the risk of model theft', 'ModelTheft'],
        ['backdoor attacks hidden in community fine-tunes', 'BackdoorAttacks'],
        ['compromised container images pulled from public registries', 'CompromisedContainerImages'],
        ['intellectual property/copyright issues regarding the training data', 'IntellectualPropertyCopyrightIssues'],
        ['SSRF through the upload URL', 'SsrfThroughUploadUrl'],
        ['AI impersonation', 'AIImpersonation'],
        ['27B model weight leaks', 'Threat27BModelWeightLeaks'],
        ['repudiation', 'Repudiation'],
        ['the', 'Threat'],
        ['café-style prompt mixing', 'CafeStylePromptMixing']
    ])('%s → %s', (phrase, name) => {
        expect(threatNameFromPhrase(phrase)).toBe(name);
        expect(name).toMatch(/^[_a-zA-Z]\w*$/);
    });
});

describe('agentNameFromTitle', () => {
    test.each([
        ['WAN 2.2-S2V', 'Wan22S2V'],
        ['Wan2.2 S2V AI: S2VAI Speech to Vide', 'Wan22S2VAIS2VAISpeechToVide'],
        ['Ledgerly Invoice Assistant', 'LedgerlyInvoiceAssistant'],
        ['3D Studio', 'Agent3DStudio'],
        ['Café Bot', 'CafeBot'],
        ['—', 'Agent']
    ])('%s → %s', (title, name) => {
        expect(agentNameFromTitle(title)).toBe(name);
    });
});

describe('cardThreats', () => {
    const layer = (id: CardLayer['id'], paragraph: string): CardLayer => ({ id, uncertain: false, paragraph });

    test('names threats uniquely within the agent', () => {
        const threats = cardThreats([
            layer('L1', 'Key threats include denial of service, and data leaks via logs, and data leaks via caches.'),
            layer('L4', 'Key threats include denial of service (DoS), and denial of service against the GPU pool.'),
            layer('L5', 'Threats include denial of service.')
        ]);
        expect(threats.map((t) => `${t.layer} ${t.name} ${t.catalogId ?? '-'}`)).toEqual([
            'L1 DenialOfService M1.7',
            'L1 DataLeaks -',
            'L1 DataLeaks2 -',
            'L4 DenialOfServiceL4 M4.4',
            'L4 DenialOfServiceL4_2 M4.4',
            'L5 DenialOfServiceL5 M5.3'
        ]);
    });

    test('titles are the phrases with a capital first letter', () => {
        const threats = cardThreats([layer('L3', 'Threats include iOS sandbox escapes, and tool misuse.')]);
        expect(threats.map((t) => [t.phrase, t.title])).toEqual([
            ['iOS sandbox escapes', 'iOS sandbox escapes'],
            ['tool misuse', 'Tool misuse']
        ]);
    });

    test('match the catalog on the seed card', () => {
        const threats = cardThreats(cardFixture('wan-2.2-s2v.card.txt').layers);
        expect(threats.map((t) => `${t.layer} ${t.name} ${t.catalogId ?? '-'}`)).toEqual([
            'L1 ModelStealing M1.2',
            'L1 AdversarialAudioInputs M1.1',
            'L1 OutputManipulation -',
            'L2 DataExfiltration M2.2',
            'L3 InsecureIntegration -'
        ]);
    });
});
