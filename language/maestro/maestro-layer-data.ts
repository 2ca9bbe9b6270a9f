/**
 * The MAESTRO layers as data (CSA, Ken Huang, Feb 2025; shared/spec/maestro.md §1–2).
 * Kept apart from the lookups in `maestro-layers.ts` so that the table reads as a table.
 */

/** The seven layers plus the cross-layer bucket. */
export type LayerId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7' | 'XL';

export interface MaestroLayer {
    readonly id: LayerId;
    /** 1–7; undefined for the cross-layer bucket, which has no position in the stack. */
    readonly number: number | undefined;
    /** The blog heading without decoration (L6's "(Vertical Layer)" is `vertical`). */
    readonly name: string;
    /** The "&" form used by the CSA analyzer enum and the AgentReady card headings. */
    readonly cardName: string;
    readonly description: string;
    /** L6 cuts across all other layers instead of sitting in the stack. */
    readonly vertical: boolean;
    readonly mitigationHints: readonly string[];
    /** Names seen in the wild (spec alias table); matched after normalisation. */
    readonly aliases: readonly string[];
}

export const MAESTRO_LAYERS: readonly MaestroLayer[] = [
    {
        id: 'L1',
        number: 1,
        name: 'Foundation Models',
        cardName: 'Foundation Models',
        description: 'The core model (an LLM or other AI model) the agent reasons and generates with.',
        vertical: false,
        mitigationHints: [
            'input/output guardrails and injection filtering',
            'adversarial robustness testing',
            'model provenance and signing',
            'query throttling and extraction detection, watermarking',
            'system-prompt hardening',
            'deterministic sampling for security-critical decisions',
            'versioned rollback'
        ],
        aliases: [
            'Foundation Model', 'Foundation Models', 'Foundational Models', 'Foundation Model Layer', 'FM',
            'Model layer', 'Base model', 'Base models', 'LLM layer', 'Layer 1', 'L1'
        ]
    },
    {
        id: 'L2',
        number: 2,
        name: 'Data Operations',
        cardName: 'Data Operations',
        description: 'Where the agent\'s data is prepared, processed and stored: databases, vector stores, RAG pipelines, memory.',
        vertical: false,
        mitigationHints: [
            'integrity and provenance checks on ingested documents',
            'access-controlled, tenant-isolated vector stores',
            'encryption at rest and in transit',
            'validation of memory writes',
            'drift and poisoning detection',
            'versioned snapshots for rollback',
            'source allow-listing'
        ],
        aliases: [
            'Data Operations', 'Data Ops', 'DataOps', 'Data layer', 'Data Operations Layer', 'Data pipeline',
            'Data pipelines', 'Layer 2', 'L2'
        ]
    },
    {
        id: 'L3',
        number: 3,
        name: 'Agent Frameworks',
        cardName: 'Agent Frameworks',
        description: 'The frameworks and toolkits the agent is built with: planning loops, tool calling, integrations.',
        vertical: false,
        mitigationHints: [
            'per-agent tool allow-lists with parameter constraints',
            'schema validation of tool calls and messages',
            'sandboxed execution',
            'signed plugins and pinned dependencies (SBOM)',
            'enforced workflow steps',
            'circuit breakers, loop and spend budgets',
            'human approval for irreversible actions',
            'tool-call logging'
        ],
        // Bare "Orchestration" is deliberately absent: an old crosswalk registry used it for L6.
        aliases: [
            'Agent Framework', 'Agent Frameworks', 'Agent FW', 'Frameworks', 'Agent runtime',
            'Agent orchestration', 'Layer 3', 'L3'
        ]
    },
    {
        id: 'L4',
        number: 4,
        name: 'Deployment and Infrastructure',
        cardName: 'Deployment & Infrastructure',
        description: 'The cloud or on-premises runtime the agent executes on: containers, orchestrators, networks, IaC.',
        vertical: false,
        mitigationHints: [
            'least-privilege IAM and service accounts',
            'a secrets manager with rotation',
            'network segmentation and egress filtering',
            'signed images and IaC scanning',
            'rate limits, DDoS protection and autoscaling caps',
            'runtime anomaly detection',
            'isolation of compromised nodes'
        ],
        aliases: [
            'Deployment and Infrastructure', 'Deployment & Infrastructure', 'Deployment Infrastructure',
            'Infrastructure', 'Infra', 'Deployment', 'Layer 4', 'L4'
        ]
    },
    {
        id: 'L5',
        number: 5,
        name: 'Evaluation and Observability',
        cardName: 'Evaluation & Observability',
        description: 'How the agent is evaluated and watched: metrics, logs, traces, anomaly detection, human review.',
        vertical: false,
        mitigationHints: [
            'append-only, hash-chained audit logs',
            'log-completeness checks',
            'redaction in telemetry',
            'behavioural baselines and drift alerts',
            'protected evaluation datasets',
            'human-in-the-loop capacity planning',
            'independent evaluation'
        ],
        aliases: [
            'Evaluation and Observability', 'Evaluation & Observability', 'Evaluations and Observability',
            'Eval/Obs', 'Observability', 'Monitoring', 'Layer 5', 'L5'
        ]
    },
    {
        id: 'L6',
        number: 6,
        name: 'Security and Compliance',
        cardName: 'Security & Compliance',
        description: 'A vertical layer that embeds security and compliance controls in every other layer; its catalog threats assume AI agents serve as security tools.',
        vertical: true,
        mitigationHints: [
            'RBAC with separation of duties',
            'end-to-end propagation of user authorization (no confused deputy)',
            'a runtime policy engine',
            'data-residency controls',
            'explainability and audit of security agents',
            'compliance mapping'
        ],
        aliases: [
            'Security and Compliance', 'Security & Compliance', 'Security and Compliance (Vertical)',
            'Security and Compliance (Vertical Layer)', 'Sec/Comp', 'Compliance', 'vertical layer', 'Layer 6', 'L6'
        ]
    },
    {
        id: 'L7',
        number: 7,
        name: 'Agent Ecosystem',
        cardName: 'Agent Ecosystem',
        description: 'The marketplace where agents meet applications, users, tools and other agents: registries, discovery, A2A/MCP, pricing.',
        vertical: false,
        mitigationHints: [
            'mutual authentication and signed agent identities and cards',
            'signed registry entries and capability attestation',
            'reputation and anti-Sybil measures',
            'a secure inter-agent protocol (mTLS, anti-replay)',
            'verification of third-party tool and MCP descriptors',
            'pricing and usage anomaly monitoring',
            'signed, non-repudiable actions'
        ],
        aliases: [
            'Agent Ecosystem', 'Ecosystem', 'Ecosystem Integration', 'Agent Ecosystem Layer', 'Multi-agent ecosystem',
            'Layer 7', 'L7'
        ]
    },
    {
        id: 'XL',
        number: undefined,
        name: 'Cross-Layer',
        cardName: 'Cross-Layer',
        description: 'Threats that exploit the interactions between layers, e.g. an infrastructure foothold used to poison data that later corrupts the model.',
        vertical: false,
        mitigationHints: [
            'defense in depth',
            'secure inter-layer communication',
            'system-wide monitoring',
            'an incident response plan'
        ],
        aliases: ['Cross-Layer', 'Cross Layer', 'cross-layer', 'XL', 'CL', 'MX']
    }
];
