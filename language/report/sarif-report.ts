/**
 * SARIF 2.1.0 for code-scanning tools. Two kinds of rule: one per diagnostic code (its help
 * text from diagnostic-codes.ts) with one result per diagnostic, and one per complete AIVSS score
 * (`aivss/<Agent>/<Threat>`, or `aivss/<Agent>` for an agent's own score) whose
 * `properties.security-severity` is the score, because dashboards read the severity from the
 * rule. Regions are 1-based, in UTF-16 code units like LSP positions.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { GrammarUtils } from 'langium';
import type { AstNode } from 'langium';
import type { Severity } from '../aivss/aivss-types.js';
import { formatScaled } from '../aivss/decimal.js';
import type { FindingScore, ThreatScore } from '../scoring/score-types.js';
import { DIAGNOSTIC_CODES } from '../validation/diagnostic-codes.js';
import { formulaLines } from './breakdown.js';
import { fingerprint } from './fingerprint.js';
import type { ReportFile } from './report-types.js';
import { diagnosticMessage, nameOf } from './report-types.js';
import type { SarifLog, SarifRegion, SarifResult, SarifRule } from './sarif-types.js';

export interface SarifOptions {
    readonly toolVersion: string;
    readonly informationUri?: string;
    /** The lowest band reported as a score result; every complete score by default. */
    readonly minSeverity?: Severity;
}

const BAND_ORDER: readonly Severity[] = ['None', 'Low', 'Medium', 'High', 'Critical'];
const DIAGNOSTIC_LEVELS = ['error', 'warning', 'note', 'note'] as const;
const BAND_LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
    Critical: 'error', High: 'error', Medium: 'warning', Low: 'note', None: 'note'
};

export function renderSarif(files: readonly ReportFile[], options: SarifOptions): string {
    return `${JSON.stringify(sarifLog(files, options), null, 2)}\n`;
}

export function sarifLog(files: readonly ReportFile[], options: SarifOptions): SarifLog {
    const rules: SarifRule[] = Object.entries(DIAGNOSTIC_CODES).map(([code, { severity, help }]) => ({
        id: code,
        name: ruleName(code),
        shortDescription: { text: help },
        fullDescription: { text: help },
        help: { text: `${help} Configure it under "rules" in atm.config.json.` },
        defaultConfiguration: { level: severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note' },
        properties: { tags: ['atm', 'diagnostic'] }
    }));
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const results: SarifResult[] = [];
    const minimum = BAND_ORDER.indexOf(options.minSeverity ?? 'None');
    for (const file of files) {
        const lines = file.text?.split(/\r\n|\r|\n/);
        for (const diagnostic of file.diagnostics) {
            const code = typeof diagnostic.code === 'string' ? diagnostic.code : 'atm-diagnostic';
            if (!ruleIndex.has(code)) {
                // A code the table does not know (a future rule, a library's own): still one rule.
                ruleIndex.set(code, rules.length);
                rules.push(otherRule(code));
            }
            results.push(diagnosticResult(file, diagnostic, code, ruleIndex.get(code)!, lines));
        }
        for (const agent of file.score?.agents ?? []) {
            const findings: Array<FindingScore | undefined> = [agent.own, ...agent.threats];
            for (const finding of findings) {
                const result = finding?.result;
                if (!finding || !result || BAND_ORDER.indexOf(result.severity) < minimum) continue;
                const agentName = nameOf(agent.agent.name);
                const id = finding.kind === 'agent' ? `aivss/${agentName}` : `aivss/${agentName}/${nameOf(finding.name)}`;
                if (!ruleIndex.has(id)) {
                    ruleIndex.set(id, rules.length);
                    rules.push(scoreRule(id, finding));
                }
                results.push(scoreResult(file, id, ruleIndex.get(id)!, agentName, finding));
            }
        }
    }
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'atm',
                    fullName: 'atm — agentic threat model checker (OWASP AIVSS, MAESTRO)',
                    version: options.toolVersion,
                    semanticVersion: options.toolVersion,
                    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                    rules
                }
            },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
}

/** `missing-layer` → `MissingLayer`. */
function ruleName(code: string): string {
    return code.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** A relative, `/`-separated path as a URI reference; an absolute path as a file URI. */
export function artifactUri(path: string): string {
    const encoded = path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
    return path.startsWith('/') ? `file://${encoded}` : encoded;
}

/** SARIF message text treats `[text](n)` as an embedded link: literal brackets are escaped. */
function messageText(text: string): string {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[[\]\\]/g, '\\$&');
    return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}

function region(range: Diagnostic['range']): SarifRegion {
    return {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1
    };
}

function location(file: ReportFile, range: Diagnostic['range']) {
    return { physicalLocation: { artifactLocation: { uri: artifactUri(file.path) }, region: region(range) } };
}

function otherRule(code: string): SarifRule {
    const text = `Diagnostic ${code} of the .tm language.`;
    return {
        id: code,
        name: ruleName(code.replace(/[^A-Za-z0-9-]/g, '-')),
        shortDescription: { text },
        fullDescription: { text },
        help: { text },
        defaultConfiguration: { level: 'warning' },
        properties: { tags: ['atm', 'diagnostic'] }
    };
}

function diagnosticResult(
    file: ReportFile,
    diagnostic: Diagnostic,
    code: string,
    index: number,
    lines: readonly string[] | undefined
): SarifResult {
    // The line's text instead of its number: the fingerprint survives edits above the finding.
    // Its first 1 000 characters: hashing a 1 MB line once per diagnostic took minutes.
    const line = lines?.[diagnostic.range.start.line] ?? '';
    const lineText = (line.length > MAX_FINGERPRINT_LINE ? line.slice(0, MAX_FINGERPRINT_LINE) : line).trim();
    return {
        ruleId: code,
        ruleIndex: index,
        level: DIAGNOSTIC_LEVELS[(diagnostic.severity ?? 1) - 1] ?? 'error',
        message: { text: messageText(diagnosticMessage(diagnostic)) },
        locations: [location(file, diagnostic.range)],
        partialFingerprints: { 'atmDiagnostic/v1': fingerprint(file.path, code, diagnosticMessage(diagnostic), lineText) }
    };
}

const MAX_FINGERPRINT_LINE = 1_000;

function scoreRule(id: string, finding: FindingScore): SarifRule {
    const result = finding.result!;
    const score = formatScaled(result.score10, 1);
    const threat = finding.kind === 'threat' ? (finding as ThreatScore) : undefined;
    const title = finding.node.title;
    const tags = ['security', 'aivss', `severity:${result.severity.toLowerCase()}`];
    if (threat?.layerId) tags.push(`maestro:${threat.layerId}`);
    if (threat?.catalog) tags.push(`catalog:${threat.catalog}`);
    const what = threat ? `threat ${nameOf(finding.name)}` : `agent ${nameOf(finding.name)}`;
    const short = `AIVSS ${score} (${result.severity}) for ${what}${title ? `: ${title}` : ''}`;
    return {
        id,
        name: 'AivssScore',
        shortDescription: { text: messageText(short) },
        fullDescription: { text: messageText(`${short}. ${formulaLines(result).join('; ')}`) },
        help: { text: `${formulaLines(result).join('\n')}\nInputs: ${inputSummary(finding)}.` },
        defaultConfiguration: { level: BAND_LEVELS[result.severity] },
        properties: { 'security-severity': score, tags }
    };
}

function inputSummary(finding: FindingScore): string {
    const parts: string[] = [];
    if (finding.cvss) parts.push(`CVSS ${formatScaled(finding.cvss.base10, 1)} (${finding.cvss.vector?.vector ?? finding.cvss.origin})`);
    if (finding.factorSum100 !== undefined) parts.push(`factor sum ${formatScaled(finding.factorSum100, 2)}`);
    if (finding.thm) parts.push(`ThM ${formatScaled(finding.thm.value100, 2)} (${finding.thm.label})`);
    if (finding.mf && finding.version === '0.8') parts.push(`MF ${formatScaled(finding.mf.value100, 2)} (${finding.mf.label})`);
    return parts.join(', ');
}

function scoreResult(
    file: ReportFile,
    id: string,
    index: number,
    agentName: string,
    finding: FindingScore
): SarifResult {
    const result = finding.result!;
    const score = formatScaled(result.score10, 1);
    const what = finding.kind === 'agent' ? `Agent ${agentName}` : `${agentName}/${nameOf(finding.name)}`;
    const title = finding.node.title ? `: ${finding.node.title}` : '';
    return {
        ruleId: id,
        ruleIndex: index,
        level: BAND_LEVELS[result.severity],
        message: { text: messageText(`${what} scores AIVSS ${score} (${result.severity})${title}. Inputs: ${inputSummary(finding)}`) },
        locations: [location(file, nameRange(finding.node))],
        // The file, agent and threat names only: edits elsewhere, or to the score, keep it.
        partialFingerprints: { 'atmScore/v1': fingerprint(file.path, agentName, finding.kind === 'agent' ? '' : nameOf(finding.name)) },
        properties: { aivss: result.score10 / 10, severity: result.severity }
    };
}

function nameRange(node: AstNode): Diagnostic['range'] {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    const start = { line: 0, character: 0 };
    return cst?.range ?? { start, end: start };
}
