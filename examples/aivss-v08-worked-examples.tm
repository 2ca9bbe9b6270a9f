// The ten worked examples of OWASP AIVSS v0.8 §3.6 / Table 5, one agent each (each has its own
// factors). CVSS 4.0 base vectors, ThM 0.97 (the default), MF 1.0 (the default). Every `published`
// line is the score the spec prints; `atm check` reports `published-score-mismatch` if the engine
// ever disagrees. Each finding is filed under the layer of the MAESTRO catalog threat it matches;
// the other layers are marked uncertain: the spec does not assess them.

aivss 0.8

agent ToolMisuse "Tool Misuse" {
    summary "AIVSS v0.8 Table 5 worked example: Tool Misuse. ASI02 Tool Misuse: originates in the agent framework's tool calling."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.5
        dynamic_identity               1.0
        multi_agent_interactions       1.0
        self_modification              0.5
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"
    published 9.9
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat ToolMisuse "Tool Misuse" { catalog M7.4 }
    }
}

agent AccessControlViolation "Access Control Violation" {
    summary "AIVSS v0.8 Table 5 worked example: Access Control Violation. ASI03 Identity & Privilege Abuse: originates in security and compliance controls."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        1.0
        persistent_state_retention     1.0
        dynamic_identity               1.0
        multi_agent_interactions       0.5
        self_modification              0.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
    published 9.7
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat AccessControlViolation "Access Control Violation" { catalog M7.3 }
    }
}

agent CascadingFailures "Cascading Failures" {
    summary "AIVSS v0.8 Table 5 worked example: Cascading Failures. ASI08 Cascading Failures: spreads through the agent ecosystem."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  0.5
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.5
        dynamic_identity               0.5
        multi_agent_interactions       1.0
        self_modification              0.5
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H"
    published 9.4
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 uncertain { "Not assessed in the worked example." }
    layer XL {
        threat CascadingFailures "Cascading Failures" { catalog MX.5 }
    }
}

agent OrchestrationMultiAgent "Orchestration & Multi-Agent Exploitation" {
    summary "AIVSS v0.8 Table 5 worked example: Orchestration & Multi-Agent Exploitation. ASI07 Insecure Inter-Agent Communication."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     1.0
        dynamic_identity               1.0
        multi_agent_interactions       1.0
        self_modification              0.5
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"
    published 10.0
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat OrchestrationMultiAgent "Orchestration & Multi-Agent Exploitation" { catalog M7.1 }
    }
}

agent IdentityImpersonation "Identity Impersonation" {
    summary "AIVSS v0.8 Table 5 worked example: Identity Impersonation. ASI03 Identity & Privilege Abuse."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.0
        dynamic_identity               1.0
        multi_agent_interactions       0.5
        self_modification              0.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N"
    published 9.3
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat IdentityImpersonation "Identity Impersonation" { catalog M7.2 }
    }
}

agent MemoryContextManipulation "Memory & Context Manipulation" {
    summary "AIVSS v0.8 Table 5 worked example: Memory & Context Manipulation. ASI06 Memory & Context Poisoning: originates in data operations."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  0.5
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        1.0
        persistent_state_retention     1.0
        dynamic_identity               0.0
        multi_agent_interactions       0.5
        self_modification              1.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N"
    published 8.9
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 {
        threat MemoryContextManipulation "Memory & Context Manipulation" { catalog M2.1 }
    }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 uncertain { "Not assessed in the worked example." }
}

agent CriticalSystemsInteraction "Critical Systems Interaction" {
    summary "AIVSS v0.8 Table 5 worked example: Critical Systems Interaction. ASI05 Unexpected Code Execution: originates in deployment and infrastructure."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     0.5
        contextual_awareness           1.0
        behavioral_non_determinism     0.5
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.5
        dynamic_identity               0.0
        multi_agent_interactions       1.0
        self_modification              1.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N"
    published 9.2
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 {
        threat CriticalSystemsInteraction "Critical Systems Interaction" { catalog M4.6 }
    }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 uncertain { "Not assessed in the worked example." }
}

agent SupplyChainDependency "Supply Chain & Dependency Risk" {
    summary "AIVSS v0.8 Table 5 worked example: Supply Chain & Dependency Risk. ASI04 Supply Chain: framework dependencies."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     0.0
        contextual_awareness           0.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.5
        dynamic_identity               1.0
        multi_agent_interactions       1.0
        self_modification              0.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
    published 9.7
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 {
        threat SupplyChainDependency "Supply Chain & Dependency Risk" { catalog M3.4 }
    }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 uncertain { "Not assessed in the worked example." }
}

agent Untraceability "Untraceability" {
    summary "AIVSS v0.8 Table 5 worked example: Untraceability. No ASI counterpart; actions cannot be attributed, an observability gap."
    factors {
        execution_autonomy             1.0
        external_tool_control_surface  1.0
        natural_language_interface     0.0
        contextual_awareness           0.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     0.5
        dynamic_identity               0.5
        multi_agent_interactions       1.0
        self_modification              0.5
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N"
    published 8.3
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat Untraceability "Untraceability" { catalog M7.9 }
    }
}

agent GoalInstructionManipulation "Goal & Instruction Manipulation" {
    summary "AIVSS v0.8 Table 5 worked example: Goal & Instruction Manipulation. ASI01 Goal Hijack: originates at the foundation model."
    factors {
        execution_autonomy             0.5
        external_tool_control_surface  0.0
        natural_language_interface     1.0
        contextual_awareness           1.0
        behavioral_non_determinism     1.0
        opacity_and_reflexivity        1.0
        persistent_state_retention     1.0
        dynamic_identity               0.0
        multi_agent_interactions       0.0
        self_modification              1.0
        rationale "Factor levels as printed in AIVSS v0.8 Table 5."
    }
    cvss "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"
    published 7.1
    layer L1 uncertain { "Not assessed in the worked example." }
    layer L2 uncertain { "Not assessed in the worked example." }
    layer L3 uncertain { "Not assessed in the worked example." }
    layer L4 uncertain { "Not assessed in the worked example." }
    layer L5 uncertain { "Not assessed in the worked example." }
    layer L6 uncertain { "Not assessed in the worked example." }
    layer L7 {
        threat GoalInstructionManipulation "Goal & Instruction Manipulation" { catalog M7.5 }
    }
}
