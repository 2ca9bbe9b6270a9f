/**
 * Phrases that name a catalog threat, used to recognise catalog entries in a card's free-text
 * threat phrases. Precision over recall: a rule only lists wordings that mean the entry and
 * nothing broader (an "impersonation" of a celebrity is no Agent Impersonation, so the bare word
 * is not a rule). Every entry's own name is a rule too (added by the matcher).
 *
 * Each rule is a regular-expression source over the normalised phrase (lower case, punctuation
 * and hyphens turned into single spaces), anchored at the phrase's head by the matcher.
 */

/** Generic availability wording; the layer decides which catalog DoS entry it is. */
const DENIAL_OF_SERVICE = ['denial of service(?: dos)?(?: attacks?)?', 'd?dos(?: attacks?)?'];
const BACKDOOR = ['backdoor(?:s|ed)?(?: attacks?)?'];
const SUPPLY_CHAIN = ['supply chain(?: attacks?| compromises?)?'];
const LATERAL_MOVEMENT = ['lateral movement'];
const DATA_LEAKAGE = ['data leakage', 'data leaks?'];

export const CATALOG_MATCH_RULES: Readonly<Record<string, readonly string[]>> = {
    // An adversarial input is by definition an adversarial example; allow two modifiers
    // between the words ("adversarial audio inputs", "adversarial image perturbations").
    'M1.1': ['adversarial (?:\\w+ ){0,2}(?:examples?|inputs?|perturbations?)'],
    'M1.2': ['model stealing', 'model theft', 'theft of the model', 'model extraction'],
    'M1.3': BACKDOOR,
    // The legacy "Model Inversion/Extraction" entry maps to M1.4 (inversion) and M1.2 (extraction).
    'M1.4': ['membership inference(?: attacks?)?', 'model inversion(?: attacks?)?'],
    'M1.5': ['data poisoning', 'training data poisoning', 'poisoning of (?:the )?training data', 'poisoned training data'],
    'M1.6': ['(?:model )?reprogramming(?: attacks?)?'],
    'M1.7': DENIAL_OF_SERVICE,

    'M2.1': ['data poisoning', 'memory poisoning', 'poisoning of (?:the )?(?:vector stores?|knowledge bases?|memory)'],
    'M2.2': ['data exfiltration', 'exfiltration'],
    'M2.3': DENIAL_OF_SERVICE,
    'M2.4': ['data tampering', 'tampering with (?:the |stored )?data'],
    'M2.5': ['compromised rag(?: pipelines?)?', 'rag pipeline compromises?', 'rag poisoning'],

    'M3.1': ['(?:compromised|malicious) framework components?'],
    'M3.2': BACKDOOR,
    // The catalog's own gloss of M3.3 includes prompt and tool-argument injection.
    'M3.3': ['input validation attacks?', 'prompt injections?', 'tool argument injections?', 'injection attacks?'],
    'M3.4': SUPPLY_CHAIN,
    'M3.5': DENIAL_OF_SERVICE,
    'M3.6': ['framework evasion', 'evasion of (?:the )?framework'],

    'M4.1': ['(?:compromised|malicious|tainted|poisoned) container images?'],
    'M4.2': ['orchestration attacks?', '(?:orchestrator|kubernetes) (?:attacks?|compromises?)'],
    'M4.3': ['infrastructure as code(?: iac)? (?:manipulation|tampering)', 'iac (?:manipulation|tampering)'],
    'M4.4': DENIAL_OF_SERVICE,
    'M4.5': ['(?:resource|compute) hijacking', 'cryptojacking', 'cryptomining'],
    'M4.6': LATERAL_MOVEMENT,

    'M5.1': ['manipulation of (?:the )?evaluation metrics?', 'evaluation metrics? manipulation', 'benchmark manipulation'],
    'M5.2': ['compromised (?:observability|monitoring) tools?'],
    'M5.3': DENIAL_OF_SERVICE,
    'M5.4': ['evasion of detection', 'detection evasion'],
    'M5.5': ['data leakage through (?:observability|logs|telemetry|traces)', ...DATA_LEAKAGE],
    'M5.6': ['poisoning (?:of )?observability data', 'observability data poisoning', '(?:telemetry|log) poisoning'],

    // L6's entries are about AI agents used as defenders: only their full names match.
    'M6.1': [],
    'M6.2': ['evasion of (?:the )?security ai agents?'],
    'M6.3': ['compromised security ai agents?'],
    'M6.4': ['regulatory non compliance by (?:ai )?security (?:ai )?agents?'],
    'M6.5': ['bias in security ai agents?'],
    'M6.6': ['lack of explainability in security ai agents?'],
    'M6.7': ['model extraction of (?:ai )?security (?:ai )?agents?'],

    'M7.1': ['(?:compromised|malicious) agents?'],
    'M7.2': ['agent impersonation', 'impersonation of (?:trusted |legitimate |other )?agents?'],
    'M7.3': ['agent identity (?:attacks?|theft|spoofing)'],
    'M7.4': ['(?:agent )?tool misuse', 'misuse of (?:the |its |agent )?tools?'],
    'M7.5': ['(?:agent )?goal (?:manipulation|hijacking)'],
    'M7.6': ['marketplace manipulation', '(?:rating|review)s? manipulation'],
    'M7.7': ['integration risks?'],
    'M7.8': ['horizontal vertical solution vulnerabilit(?:y|ies)'],
    'M7.9': ['repudiation'],
    'M7.10': ['compromised agent registr(?:y|ies)', '(?:agent )?registry (?:compromise|poisoning)'],
    'M7.11': ['malicious agent discovery'],
    'M7.12': ['(?:agent )?pricing(?: model)? manipulation'],
    'M7.13': ['inaccurate (?:agent )?capability descriptions?', 'misleading capability (?:claims|descriptions?)'],

    'MX.1': SUPPLY_CHAIN,
    'MX.2': LATERAL_MOVEMENT,
    'MX.3': ['privilege escalation', 'escalation of privileges?'],
    'MX.4': DATA_LEAKAGE,
    'MX.5': ['(?:cascading )?goal misalignment(?: cascades?)?']
};
