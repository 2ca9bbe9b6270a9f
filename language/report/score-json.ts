/**
 * The `atm score --json` document (and the `json` export, which is the same document): plain
 * JSON numbers converted from the exact scaled integers only here, at the output edge, and
 * `null` wherever a value is incomplete or invalid. `schemas/atm-score.schema.json` documents it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AivssVersion, RoundingMode, Severity } from '../aivss/aivss-types.js';
import type { CvssVersion } from '../aivss/cvss-catalog.js';
import { resolveAgentCvss, resolveAgentMf, resolveAgentThm } from '../scoring/input-resolution.js';
import type { AgentScore, FindingScore, ThreatScore } from '../scoring/score-types.js';
import type { ReportFile } from './report-types.js';
import { diagnosticMessage, nameOf } from './report-types.js';

export interface ScoreJsonDocument {
    readonly files: ScoreJsonFile[];
}

export interface ScoreJsonFile {
    readonly path: string;
    readonly agents: ScoreJsonAgent[];
    readonly diagnostics: ScoreJsonDiagnostic[];
}

export interface ScoreJsonCvss {
    /** Null when the base was written as a number. */
    readonly vector: string | null;
    readonly version: CvssVersion | null;
    readonly base: number;
}

export interface ScoreJsonLayers {
    readonly covered: string[];
    readonly uncertain: string[];
    readonly missing: string[];
}

export interface ScoreJsonAgent {
    readonly name: string;
    readonly title: string | null;
    readonly aivssVersion: AivssVersion;
    readonly rounding: RoundingMode;
    readonly factors: Record<string, number>;
    readonly factorSum: number | null;
    readonly cvss: ScoreJsonCvss | null;
    readonly threatMultiplier: number | null;
    readonly mitigationFactor: number | null;
    readonly aars: number | null;
    readonly aivss: number | null;
    readonly severity: Severity | null;
    readonly complete: boolean;
    readonly headlineFrom: string | null;
    readonly layers: ScoreJsonLayers;
    readonly threats: ScoreJsonThreat[];
}

export interface ScoreJsonThreat {
    readonly name: string;
    readonly title: string | null;
    readonly layer: string | null;
    readonly catalog: string | null;
    readonly aivss: number | null;
    readonly severity: Severity | null;
    readonly complete: boolean;
}

export type DiagnosticSeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface ScoreJsonDiagnostic {
    readonly severity: DiagnosticSeverityName;
    readonly code: string | null;
    readonly message: string;
    /** 1-based. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

const SEVERITY_NAMES: readonly DiagnosticSeverityName[] = ['error', 'warning', 'info', 'hint'];

/** The whole document for a set of files. */
export function scoreJsonDocument(files: readonly ReportFile[]): ScoreJsonDocument {
    return { files: files.map(scoreJsonFile) };
}

/** The document as text: two-space indented, one trailing newline. */
export function renderScoreJson(files: readonly ReportFile[]): string {
    return renderScoreJsonDocument(scoreJsonDocument(files));
}

/** The same text from a document built file by file (the CLI converts each file while its tree is alive). */
export function renderScoreJsonDocument(document: ScoreJsonDocument): string {
    return `${JSON.stringify(document, null, 2)}\n`;
}

export function scoreJsonFile(file: ReportFile): ScoreJsonFile {
    return {
        path: file.path,
        agents: (file.score?.agents ?? []).map(scoreJsonAgent),
        diagnostics: file.diagnostics.map(diagnosticJson)
    };
}

export function scoreJsonAgent(score: AgentScore): ScoreJsonAgent {
    const { agent, version, factors, coverage, headline, own } = score;
    const cvss = resolveAgentCvss(agent, version);
    const cvssValue = cvss.found ? cvss.value : undefined;
    const thm = resolveAgentThm(agent, version);
    const mf = version === '0.5' ? undefined : resolveAgentMf(agent, version);
    return {
        name: nameOf(agent.name),
        title: agent.title ?? null,
        aivssVersion: version,
        rounding: score.rounding,
        factors: Object.fromEntries(factors.values.map((factor) => [factor.key, factor.value100 / 100])),
        factorSum: factors.sum100 === undefined ? null : factors.sum100 / 100,
        cvss: cvssValue
            ? { vector: cvssValue.vector?.vector ?? null, version: cvssValue.vector?.version ?? null, base: cvssValue.base10 / 10 }
            : null,
        threatMultiplier: thm ? thm.value100 / 100 : null,
        mitigationFactor: mf ? mf.value100 / 100 : null,
        aars: own?.result ? Number(own.result.aars) : null,
        aivss: scoreOf(headline),
        severity: headline?.result?.severity ?? null,
        complete: headline?.result !== undefined,
        headlineFrom: headline ? (headline.kind === 'agent' ? 'agent' : nameOf(headline.name)) : null,
        layers: { covered: [...coverage.covered], uncertain: [...coverage.uncertain], missing: [...coverage.missing] },
        threats: score.threats.map(scoreJsonThreat)
    };
}

function scoreJsonThreat(threat: ThreatScore): ScoreJsonThreat {
    return {
        name: nameOf(threat.name),
        title: threat.node.title ?? null,
        layer: threat.layerId ?? null,
        catalog: threat.catalog ?? null,
        aivss: scoreOf(threat),
        severity: threat.result?.severity ?? null,
        complete: threat.result !== undefined
    };
}

function scoreOf(finding: FindingScore | undefined): number | null {
    return finding?.result ? finding.result.score10 / 10 : null;
}

export function diagnosticJson(diagnostic: Diagnostic): ScoreJsonDiagnostic {
    const { start, end } = diagnostic.range;
    return {
        severity: SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error',
        code: typeof diagnostic.code === 'string' ? diagnostic.code : null,
        message: diagnosticMessage(diagnostic),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1
    };
}
