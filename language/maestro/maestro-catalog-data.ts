/**
 * The 55-entry MAESTRO threat catalog (CSA blog, Feb 2025; shared/spec/maestro.md §2), with the
 * XORCISM ids M<layer>.<n> / MX.<n> in the blog's order. Names are identifiers and kept exactly;
 * descriptions are our own words.
 */
import type { LayerId } from './maestro-layer-data.js';

export interface CatalogThreat {
    readonly id: string;
    readonly layer: LayerId;
    readonly name: string;
    readonly description: string;
}

function entry(id: string, layer: LayerId, name: string, description: string): CatalogThreat {
    return { id, layer, name, description };
}

export const MAESTRO_CATALOG: readonly CatalogThreat[] = [
    entry('M1.1', 'L1', 'Adversarial Examples', 'Crafted inputs drive the model to wrong or attacker-chosen outputs.'),
    entry('M1.2', 'L1', 'Model Stealing', 'Query access is used to rebuild a working copy of the model, losing its IP.'),
    entry('M1.3', 'L1', 'Backdoor Attacks', 'Hidden triggers planted in the model switch it to malicious behaviour.'),
    entry('M1.4', 'L1', 'Membership Inference Attacks', 'Probing the model reveals whether given records were in its training set.'),
    entry('M1.5', 'L1', 'Data Poisoning (Training Phase)', 'Tainted training or fine-tuning data biases or corrupts the model.'),
    entry('M1.6', 'L1', 'Reprogramming Attacks', 'The model is repurposed for a task it was never meant to perform.'),
    entry('M1.7', 'L1', 'Denial of Service (DoS) Attacks', 'Expensive or flooding queries exhaust the model\'s capacity.'),

    entry('M2.1', 'L2', 'Data Poisoning', 'Malicious records are slipped into the stores and corpora the agent reads or learns from.'),
    entry('M2.2', 'L2', 'Data Exfiltration', 'Sensitive data held in the agent\'s databases, vector stores or memory is stolen.'),
    entry('M2.3', 'L2', 'Denial of Service on Data Infrastructure', 'Data stores or pipelines are made unavailable, starving the agent.'),
    entry('M2.4', 'L2', 'Data Tampering', 'Data is altered at rest or in transit so the agent acts on falsehoods.'),
    entry('M2.5', 'L2', 'Compromised RAG Pipelines', 'Code or content injected into retrieval or ingestion flows steers the outputs.'),

    entry('M3.1', 'L3', 'Compromised Framework Components', 'Malicious or defective libraries or modules sit inside the agent framework.'),
    entry('M3.2', 'L3', 'Backdoor Attacks', 'Hidden functionality in the framework grants covert access or control.'),
    entry('M3.3', 'L3', 'Input Validation Attacks', 'Weak input handling allows injection, including prompt and tool-argument injection.'),
    entry('M3.4', 'L3', 'Supply Chain Attacks', 'The framework\'s dependencies are compromised before they are delivered.'),
    entry('M3.5', 'L3', 'Denial of Service on Framework APIs', 'Framework APIs are overloaded until the agents stop working.'),
    entry('M3.6', 'L3', 'Framework Evasion', 'Agents are engineered to slip past the framework\'s own controls.'),

    entry('M4.1', 'L4', 'Compromised Container Images', 'Tainted images carry malicious code into production.'),
    entry('M4.2', 'L4', 'Orchestration Attacks', 'Weaknesses of the orchestrator (e.g. Kubernetes) are used to seize or disrupt agent workloads.'),
    entry('M4.3', 'L4', 'Infrastructure-as-Code (IaC) Manipulation', 'Tampered Terraform or CloudFormation templates provision insecure resources.'),
    entry('M4.4', 'L4', 'Denial of Service (DoS) Attacks', 'Hosting resources are exhausted and the agents become unavailable.'),
    entry('M4.5', 'L4', 'Resource Hijacking', 'The agent\'s compute is abused for the attacker\'s ends, e.g. cryptomining.'),
    entry('M4.6', 'L4', 'Lateral Movement', 'A foothold in one part of the infrastructure is used to reach other parts.'),

    entry('M5.1', 'L5', 'Manipulation of Evaluation Metrics', 'Benchmarks or test sets are skewed so an agent looks better or safer than it is.'),
    entry('M5.2', 'L5', 'Compromised Observability Tools', 'Subverted monitoring hides activity or leaks data.'),
    entry('M5.3', 'L5', 'Denial of Service on Evaluation Infrastructure', 'Evaluation or monitoring is knocked out so bad behaviour goes unseen.'),
    entry('M5.4', 'L5', 'Evasion of Detection', 'The agent behaves so as to stay below alerting thresholds.'),
    entry('M5.5', 'L5', 'Data Leakage through Observability', 'Secrets or personal data are exposed through logs, traces or dashboards.'),
    entry('M5.6', 'L5', 'Poisoning Observability Data', 'False telemetry is fed in to mask incidents.'),

    entry('M6.1', 'L6', 'Security Agent Data Poisoning', 'The data feeding AI security agents is corrupted, causing missed threats or false alarms.'),
    entry('M6.2', 'L6', 'Evasion of Security AI Agents', 'Adversarial tactics slip past AI-based defenders.'),
    entry('M6.3', 'L6', 'Compromised Security AI Agents', 'Defender agents are taken over, turned against their owners or switched off.'),
    entry('M6.4', 'L6', 'Regulatory Non-Compliance by AI Security Agents', 'Defender agents breach privacy or compliance rules through bad configuration or training.'),
    entry('M6.5', 'L6', 'Bias in Security AI Agents', 'Biased defenders protect some systems less well than others.'),
    entry('M6.6', 'L6', 'Lack of Explainability in Security AI Agents', 'Opaque defender decisions cannot be audited or traced to a root cause.'),
    entry('M6.7', 'L6', 'Model Extraction of AI Security Agents', 'A defender\'s model is stolen to learn how to get around it.'),

    entry('M7.1', 'L7', 'Compromised Agents', 'Malicious agents pose as legitimate services in the ecosystem.'),
    entry('M7.2', 'L7', 'Agent Impersonation', 'Users or agents are fooled by something pretending to be a trusted agent.'),
    entry('M7.3', 'L7', 'Agent Identity Attack', 'An agent\'s identity, authentication or authorization is broken to take control of it.'),
    entry('M7.4', 'L7', 'Agent Tool Misuse', 'The agent is steered into using its tools in unintended, harmful ways.'),
    entry('M7.5', 'L7', 'Agent Goal Manipulation', 'The agent\'s objectives are redirected toward the attacker\'s.'),
    entry('M7.6', 'L7', 'Marketplace Manipulation', 'Fake ratings, reviews or recommendations promote bad agents or smear good ones.'),
    entry('M7.7', 'L7', 'Integration Risks', 'Weak APIs or SDKs connect agents to other systems.'),
    entry('M7.8', 'L7', 'Horizontal/Vertical Solution Vulnerabilities', 'Flaws specific to industry- or function-specific agent solutions.'),
    entry('M7.9', 'L7', 'Repudiation', 'Agent actions cannot be attributed, leaving an accountability gap.'),
    entry('M7.10', 'L7', 'Compromised Agent Registry', 'Registry listings are injected or altered.'),
    entry('M7.11', 'L7', 'Malicious Agent Discovery', 'Discovery is rigged to surface bad agents or hide good ones.'),
    entry('M7.12', 'L7', 'Agent Pricing Model Manipulation', 'Pricing or billing is gamed for financial loss or unfair advantage.'),
    entry('M7.13', 'L7', 'Inaccurate Agent Capability Description', 'Misleading capability claims lead to misuse or over-reliance.'),

    entry('MX.1', 'XL', 'Supply Chain Attacks', 'A compromised component in one layer (e.g. an L3 library) affects the others.'),
    entry('MX.2', 'XL', 'Lateral Movement', 'Access gained in one layer is used to compromise another.'),
    entry('MX.3', 'XL', 'Privilege Escalation', 'Privileges obtained in one layer are abused across the others.'),
    entry('MX.4', 'XL', 'Data Leakage', 'Data belonging to one layer is exposed through another.'),
    entry('MX.5', 'XL', 'Goal Misalignment Cascades', 'A misaligned goal in one agent (e.g. after L2 poisoning) spreads to others through L7.')
];
