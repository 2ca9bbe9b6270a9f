/**
 * CVSS v4.0 metrics (FIRST CVSS v4.0 specification, §2–§5), in the vector order the
 * specification mandates: base, threat, environmental, supplemental. Meanings are paraphrased.
 */
import type { CvssCatalog, CvssMetricDef, CvssMetricGroup, CvssMetricValue } from './cvss-catalog.js';
import { NOT_DEFINED, metricValue as v } from './cvss-catalog.js';

const IMPACT_VULNERABLE: readonly CvssMetricValue[] = [
    v('N', 'None', 'No loss of this property within the vulnerable system.'),
    v('L', 'Low', 'Some loss of this property within the vulnerable system.'),
    v('H', 'High', 'Total or serious loss of this property within the vulnerable system.')
];

const IMPACT_SUBSEQUENT: readonly CvssMetricValue[] = [
    v('N', 'None', 'No loss of this property in subsequent systems.'),
    v('L', 'Low', 'Some loss of this property in subsequent systems.'),
    v('H', 'High', 'Total or serious loss of this property in subsequent systems.')
];

const REQUIREMENT: readonly CvssMetricValue[] = [
    NOT_DEFINED,
    v('H', 'High', 'Loss of this property is catastrophic for the organisation.'),
    v('M', 'Medium', 'Loss of this property is serious for the organisation.'),
    v('L', 'Low', 'Loss of this property has limited effect on the organisation.')
];

const AV_VALUES: readonly CvssMetricValue[] = [
    v('N', 'Network', 'Exploitable remotely, across the network or the Internet.'),
    v('A', 'Adjacent', 'Exploitable only from a shared physical or logical network.'),
    v('L', 'Local', 'Needs local access, or a user to open something locally.'),
    v('P', 'Physical', 'Needs physical contact with the vulnerable system.')
];
const AC_VALUES: readonly CvssMetricValue[] = [
    v('L', 'Low', 'No target-specific protection has to be evaded.'),
    v('H', 'High', 'The attacker must evade or defeat security-enhancing conditions.')
];
const AT_VALUES: readonly CvssMetricValue[] = [
    v('N', 'None', 'Succeeds without specific deployment or execution conditions.'),
    v('P', 'Present', 'Depends on conditions such as a race or an on-path position.')
];
const PR_VALUES: readonly CvssMetricValue[] = [
    v('N', 'None', 'No authorisation needed before attacking.'),
    v('L', 'Low', 'Needs basic user privileges.'),
    v('H', 'High', 'Needs significant, e.g. administrative, privileges.')
];
const UI_VALUES: readonly CvssMetricValue[] = [
    v('N', 'None', 'No human user has to take part.'),
    v('P', 'Passive', 'Needs limited, involuntary interaction by a user.'),
    v('A', 'Active', 'Needs a user to perform specific, conscious actions.')
];

const MODIFIED_SUBSEQUENT: readonly CvssMetricValue[] = [
    NOT_DEFINED,
    v('H', 'High', 'Total or serious loss of this property in subsequent systems.'),
    v('L', 'Low', 'Some loss of this property in subsequent systems.'),
    v('N', 'Negligible', 'Negligible loss of this property in subsequent systems.')
];
const MODIFIED_SUBSEQUENT_SAFETY: readonly CvssMetricValue[] = [
    NOT_DEFINED,
    v('S', 'Safety', 'Exploitation can cause injury or worse to people.'),
    ...MODIFIED_SUBSEQUENT.slice(1)
];

function metric(
    code: string,
    name: string,
    group: CvssMetricGroup,
    values: readonly CvssMetricValue[]
): CvssMetricDef {
    return { metric: code, name, group, mandatory: group === 'base', values };
}

/** Environmental "modified base" metrics take X plus the base metric's values. */
function modified(code: string, name: string, values: readonly CvssMetricValue[]): CvssMetricDef {
    return metric(code, name, 'environmental', [NOT_DEFINED, ...values]);
}

export const CVSS40_CATALOG: CvssCatalog = {
    version: '4.0',
    prefix: 'CVSS:4.0/',
    metrics: [
        metric('AV', 'Attack Vector', 'base', AV_VALUES),
        metric('AC', 'Attack Complexity', 'base', AC_VALUES),
        metric('AT', 'Attack Requirements', 'base', AT_VALUES),
        metric('PR', 'Privileges Required', 'base', PR_VALUES),
        metric('UI', 'User Interaction', 'base', UI_VALUES),
        metric('VC', 'Vulnerable System Confidentiality Impact', 'base', IMPACT_VULNERABLE),
        metric('VI', 'Vulnerable System Integrity Impact', 'base', IMPACT_VULNERABLE),
        metric('VA', 'Vulnerable System Availability Impact', 'base', IMPACT_VULNERABLE),
        metric('SC', 'Subsequent System Confidentiality Impact', 'base', IMPACT_SUBSEQUENT),
        metric('SI', 'Subsequent System Integrity Impact', 'base', IMPACT_SUBSEQUENT),
        metric('SA', 'Subsequent System Availability Impact', 'base', IMPACT_SUBSEQUENT),
        metric('E', 'Exploit Maturity', 'threat', [
            NOT_DEFINED,
            v('A', 'Attacked', 'Attacks have been reported, or easy-to-use exploit tools exist.'),
            v('P', 'POC', 'A proof-of-concept exploit is public; no attacks are known.'),
            v('U', 'Unreported', 'Neither a proof of concept nor attacks are known.')
        ]),
        metric('CR', 'Confidentiality Requirement', 'environmental', REQUIREMENT),
        metric('IR', 'Integrity Requirement', 'environmental', REQUIREMENT),
        metric('AR', 'Availability Requirement', 'environmental', REQUIREMENT),
        modified('MAV', 'Modified Attack Vector', AV_VALUES),
        modified('MAC', 'Modified Attack Complexity', AC_VALUES),
        modified('MAT', 'Modified Attack Requirements', AT_VALUES),
        modified('MPR', 'Modified Privileges Required', PR_VALUES),
        modified('MUI', 'Modified User Interaction', UI_VALUES),
        modified('MVC', 'Modified Vulnerable System Confidentiality', IMPACT_VULNERABLE),
        modified('MVI', 'Modified Vulnerable System Integrity', IMPACT_VULNERABLE),
        modified('MVA', 'Modified Vulnerable System Availability', IMPACT_VULNERABLE),
        metric('MSC', 'Modified Subsequent System Confidentiality', 'environmental', MODIFIED_SUBSEQUENT),
        metric('MSI', 'Modified Subsequent System Integrity', 'environmental', MODIFIED_SUBSEQUENT_SAFETY),
        metric('MSA', 'Modified Subsequent System Availability', 'environmental', MODIFIED_SUBSEQUENT_SAFETY),
        metric('S', 'Safety', 'supplemental', [
            NOT_DEFINED,
            v('N', 'Negligible', 'Consequences to human safety are negligible.'),
            v('P', 'Present', 'Consequences to human safety are more than negligible.')
        ]),
        metric('AU', 'Automatable', 'supplemental', [
            NOT_DEFINED,
            v('N', 'No', 'The attack cannot be reliably automated end to end.'),
            v('Y', 'Yes', 'The whole attack chain can be automated.')
        ]),
        metric('R', 'Recovery', 'supplemental', [
            NOT_DEFINED,
            v('A', 'Automatic', 'The system recovers by itself after an attack.'),
            v('U', 'User', 'Recovery needs manual intervention.'),
            v('I', 'Irrecoverable', 'The system cannot be recovered.')
        ]),
        metric('V', 'Value Density', 'supplemental', [
            NOT_DEFINED,
            v('D', 'Diffuse', 'One attack gains a small amount of resources.'),
            v('C', 'Concentrated', 'One attack gains resources rich in value.')
        ]),
        metric('RE', 'Vulnerability Response Effort', 'supplemental', [
            NOT_DEFINED,
            v('L', 'Low', 'Responding takes little effort.'),
            v('M', 'Moderate', 'Responding takes some effort or service impact.'),
            v('H', 'High', 'Responding is hard or disruptive.')
        ]),
        metric('U', 'Provider Urgency', 'supplemental', [
            NOT_DEFINED,
            v('Clear', 'Clear', 'The provider rates the urgency as informational.'),
            v('Green', 'Green', 'The provider rates the urgency as reduced.'),
            v('Amber', 'Amber', 'The provider rates the urgency as moderate.'),
            v('Red', 'Red', 'The provider rates the urgency as highest.')
        ])
    ]
};
