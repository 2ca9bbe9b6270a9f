/**
 * CVSS v3.1 metrics (FIRST CVSS v3.1 specification, §2–§4 and §6), in the vector order the
 * specification mandates: base, temporal, environmental. Meanings are paraphrased.
 */
import type { CvssCatalog, CvssMetricDef, CvssMetricGroup, CvssMetricValue } from './cvss-catalog.js';
import { NOT_DEFINED, metricValue as v } from './cvss-catalog.js';

const AV_VALUES: readonly CvssMetricValue[] = [
    v('N', 'Network', 'Exploitable remotely, across the network or the Internet.'),
    v('A', 'Adjacent Network', 'Exploitable only from a shared physical or logical network.'),
    v('L', 'Local', 'Needs local access, or a user to open something locally.'),
    v('P', 'Physical', 'Needs physical contact with the vulnerable component.')
];
const AC_VALUES: readonly CvssMetricValue[] = [
    v('L', 'Low', 'No specialised conditions; the attack succeeds repeatably.'),
    v('H', 'High', 'Success depends on conditions beyond the attacker\'s control.')
];
const PR_VALUES: readonly CvssMetricValue[] = [
    v('N', 'None', 'No authorisation needed before attacking.'),
    v('L', 'Low', 'Needs basic user privileges.'),
    v('H', 'High', 'Needs significant, e.g. administrative, privileges.')
];
const UI_VALUES: readonly CvssMetricValue[] = [
    v('N', 'None', 'No user has to take part.'),
    v('R', 'Required', 'A user must take some action first.')
];
const S_VALUES: readonly CvssMetricValue[] = [
    v('U', 'Unchanged', 'Impact stays within the vulnerable component\'s security scope.'),
    v('C', 'Changed', 'Impact reaches components beyond the vulnerable one\'s security scope.')
];
const IMPACT: readonly CvssMetricValue[] = [
    v('N', 'None', 'No loss of this property.'),
    v('L', 'Low', 'Some loss of this property.'),
    v('H', 'High', 'Total or serious loss of this property.')
];
const REQUIREMENT: readonly CvssMetricValue[] = [
    NOT_DEFINED,
    v('L', 'Low', 'Loss of this property has limited effect on the organisation.'),
    v('M', 'Medium', 'Loss of this property is serious for the organisation.'),
    v('H', 'High', 'Loss of this property is catastrophic for the organisation.')
];

function metric(
    code: string,
    name: string,
    group: CvssMetricGroup,
    values: readonly CvssMetricValue[]
): CvssMetricDef {
    return { metric: code, name, group, mandatory: group === 'base', values };
}

function modified(code: string, name: string, values: readonly CvssMetricValue[]): CvssMetricDef {
    return metric(code, name, 'environmental', [NOT_DEFINED, ...values]);
}

export const CVSS31_CATALOG: CvssCatalog = {
    version: '3.1',
    prefix: 'CVSS:3.1/',
    metrics: [
        metric('AV', 'Attack Vector', 'base', AV_VALUES),
        metric('AC', 'Attack Complexity', 'base', AC_VALUES),
        metric('PR', 'Privileges Required', 'base', PR_VALUES),
        metric('UI', 'User Interaction', 'base', UI_VALUES),
        metric('S', 'Scope', 'base', S_VALUES),
        metric('C', 'Confidentiality Impact', 'base', IMPACT),
        metric('I', 'Integrity Impact', 'base', IMPACT),
        metric('A', 'Availability Impact', 'base', IMPACT),
        metric('E', 'Exploit Code Maturity', 'temporal', [
            NOT_DEFINED,
            v('U', 'Unproven', 'No exploit code is available, or the exploit is theoretical.'),
            v('P', 'Proof-of-Concept', 'Proof-of-concept code exists but is not practical everywhere.'),
            v('F', 'Functional', 'Functional exploit code works in most situations.'),
            v('H', 'High', 'Autonomous exploit code exists, or no exploit is needed.')
        ]),
        metric('RL', 'Remediation Level', 'temporal', [
            NOT_DEFINED,
            v('O', 'Official Fix', 'A complete vendor solution is available.'),
            v('T', 'Temporary Fix', 'An official but temporary fix is available.'),
            v('W', 'Workaround', 'An unofficial, non-vendor solution is available.'),
            v('U', 'Unavailable', 'No solution is available.')
        ]),
        metric('RC', 'Report Confidence', 'temporal', [
            NOT_DEFINED,
            v('U', 'Unknown', 'Reports conflict and the root cause is uncertain.'),
            v('R', 'Reasonable', 'Significant details are published; the cause is not fully confirmed.'),
            v('C', 'Confirmed', 'Detailed reports exist or the vendor has confirmed it.')
        ]),
        metric('CR', 'Confidentiality Requirement', 'environmental', REQUIREMENT),
        metric('IR', 'Integrity Requirement', 'environmental', REQUIREMENT),
        metric('AR', 'Availability Requirement', 'environmental', REQUIREMENT),
        modified('MAV', 'Modified Attack Vector', AV_VALUES),
        modified('MAC', 'Modified Attack Complexity', AC_VALUES),
        modified('MPR', 'Modified Privileges Required', PR_VALUES),
        modified('MUI', 'Modified User Interaction', UI_VALUES),
        modified('MS', 'Modified Scope', S_VALUES),
        modified('MC', 'Modified Confidentiality', IMPACT),
        modified('MI', 'Modified Integrity', IMPACT),
        modified('MA', 'Modified Availability', IMPACT)
    ]
};
