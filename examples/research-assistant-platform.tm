/*
 * A multi-agent research assistant: an orchestrator that plans and delegates to three
 * tool-using sub-agents (a web browser, a code runner, a SQL analyst). Written to show every
 * construct of the .tm language; the numbers are a plausible assessment, not a published one.
 */

aivss 0.8 rounding half_up

agent Orchestrator "Research orchestrator" {
    summary "Plans multi-step research tasks from natural-language requests and delegates them to sub-agents; keeps a long-term memory of user projects."

    factors {
        execution_autonomy             0.5
        external_tool_control_surface  0.5
        natural_language_interface     1.0
        contextual_awareness           0.5
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        0.5
        persistent_state_retention     1.0
        dynamic_identity               0.0
        multi_agent_interactions       1.0
        self_modification              0.0
        rationale "Delegates autonomously inside a sandboxed plan, remembers projects across sessions, talks to three agents."
    }
    // The orchestrator's own CVSS: prompt injection through a user request reaches the planner.
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:L/SI:L/SA:N/E:P"
    mitigation partial

    layer L1 "Foundation Models" {
        "A hosted frontier model plans and writes the sub-agents' instructions."
        threat PlannerGoalHijack "Injected instructions redirect the research plan" {
            catalog M1.1
            exploit attacked
            mitigated_by PromptFirewall, HumanApproval
        }
    }
    layer L2 {
        "Project memory lives in a vector store shared by all sub-agents."
        threat MemoryPoisoning "Poisoned pages written into long-term project memory" {
            catalog M2.1
            cvss "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:L/VI:H/VA:N/SC:N/SI:N/SA:N"
            mitigated_by MemoryProvenance
        }
    }
    layer "Agent Frameworks" {
        "The orchestration loop is an in-house framework with tool schemas and step budgets."
        threat StepBudgetBypass "Loops that evade the framework's step budget" { catalog M3.6 }
    }
    layer L4 uncertain {
        "Runs on a shared Kubernetes cluster; isolation between tenants is not documented."
    }
    layer L5 {
        "Every delegation and tool call is traced; traces are sampled for human review."
        threat TraceLeak "Secrets from tool outputs copied into traces" {
            catalog M5.5
            mitigation 0.9
        }
    }
    layer L6 {
        "Sub-agents act with the requesting user's delegated permissions."
        threat ConfusedDeputy "A sub-agent acts beyond the requesting user's rights" { cvss 8.1 }
    }
    layer L7 {
        "The three sub-agents are the orchestrator's whole ecosystem; no third-party agents."
        threat SubAgentImpersonation "A rogue process answers as a trusted sub-agent" { catalog M7.2 }
    }
    layer XL {
        threat InjectionCascade "Injected web content flows from browser to memory to plan" {
            catalog MX.5
            exploit 0.9
        }
    }

    control PromptFirewall "Instruction/data separation and injection filtering on every model input" { strength partial }
    control HumanApproval "Irreversible plan steps wait for the user's approval" { strength strong }
    control MemoryProvenance "Memory writes carry their source and are reviewable" { strength 0.9 }
}

agent WebBrowser "Browsing sub-agent" {
    summary "Fetches and reads web pages for the orchestrator; has no write tools."
    factors {
        execution_autonomy             0.5
        external_tool_control_surface  0.0
        natural_language_interface     0.5
        contextual_awareness           0.5
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        0.5
        persistent_state_retention     0.0
        dynamic_identity               0.0
        multi_agent_interactions       0.5
        self_modification              0.0
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"
    exploit proof_of_concept

    layer L1 { "Uses the same hosted model as the orchestrator." }
    layer L2 { "Stateless: pages are passed back, never stored here." }
    layer L3 {
        "Headless browser driven through an allow-listed tool schema."
        threat MaliciousPage "Hostile page content crafted to steer the browser" {
            catalog M3.3
            mitigated_by PromptFirewall
        }
    }
    layer L4 { "Runs in an egress-filtered container." }
    layer L5 { "Fetch logs are kept for 30 days." }
    layer L6 uncertain { "Robots and licensing compliance is not assessed." }
    layer L7 { "Answers only to the orchestrator." }
}

agent CodeRunner "Code execution sub-agent" {
    summary "Writes and runs Python to analyse data the orchestrator hands it."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  0.5
        natural_language_interface     0.5
        contextual_awareness           0.0
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        0.5
        persistent_state_retention     0.0
        dynamic_identity               0.0
        multi_agent_interactions       0.5
        self_modification              1.0
        rationale "Runs generated code without review inside its sandbox."
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L"
    exploit 0.97
    mitigation strong

    layer L1 { "Generates code with the shared hosted model." }
    layer L2 { "Reads the datasets it is given; writes results to scratch space." }
    layer L3 {
        "Generated code runs in a gVisor sandbox with a 60 s budget."
        threat SandboxEscape "Generated code escapes the execution sandbox" {
            catalog M3.1
            cvss "CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"
            mitigated_by Sandbox
        }
    }
    layer L4 {
        "Sandbox nodes are a separate node pool."
        threat ComputeHijack "Sandbox compute used for cryptomining" { catalog M4.5 }
    }
    layer L5 { "Every run's code and output are retained." }
    layer L6 { "Datasets are classified before they reach the runner." }
    layer L7 { "Answers only to the orchestrator." }

    control Sandbox "gVisor sandbox without network and with a read-only root" { strength strong }
}

agent SqlAnalyst "SQL analysis sub-agent" {
    summary "Answers questions over the analytics warehouse with read-only SQL."
    factors {
        execution_autonomy             0.5
        external_tool_control_surface  0.5
        natural_language_interface     1.0
        contextual_awareness           0.5
        behavioral_non_determinism     0.0
        opacity_and_reflexivity        0.0
        persistent_state_retention     0.0
        dynamic_identity               0.5
        multi_agent_interactions       0.5
        self_modification              0.0
    }
    cvss 6.5
    published 7.7

    layer L1 { "Text-to-SQL with the shared hosted model." }
    layer L2 {
        "Read-only replica of the warehouse; row-level security per tenant."
        threat CrossTenantRead "Generated SQL reads another tenant's rows" {
            catalog M2.2
            mitigated_by RowLevelSecurity
        }
    }
    layer L3 { "Queries are parsed and only SELECT statements run." }
    layer L4 { "Replica in a private subnet." }
    layer L5 { "Query log with the requesting user's identity." }
    layer L6 { "Tenant isolation is enforced by the database, not by the agent." }
    layer L7 { "Answers only to the orchestrator." }

    control RowLevelSecurity "Database row-level security bound to the caller's tenant" { strength strong }
}
