/** The subset of SARIF 2.1.0 that `sarif-report.ts` writes. */

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifText {
    readonly text: string;
    readonly markdown?: string;
}

export interface SarifRule {
    readonly id: string;
    readonly name: string;
    readonly shortDescription: SarifText;
    readonly fullDescription: SarifText;
    readonly help: SarifText;
    readonly defaultConfiguration: { readonly level: SarifLevel };
    readonly properties: { readonly tags: readonly string[]; readonly 'security-severity'?: string };
}

export interface SarifRegion {
    readonly startLine: number;
    readonly startColumn: number;
    readonly endLine: number;
    readonly endColumn: number;
}

export interface SarifLocation {
    readonly physicalLocation: {
        readonly artifactLocation: { readonly uri: string };
        readonly region: SarifRegion;
    };
}

export interface SarifResult {
    readonly ruleId: string;
    readonly ruleIndex: number;
    readonly level: SarifLevel;
    readonly message: SarifText;
    readonly locations: readonly SarifLocation[];
    readonly partialFingerprints: Readonly<Record<string, string>>;
    readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifLog {
    readonly $schema: string;
    readonly version: '2.1.0';
    readonly runs: ReadonlyArray<{
        readonly tool: {
            readonly driver: {
                readonly name: string;
                readonly fullName: string;
                readonly version: string;
                readonly semanticVersion: string;
                readonly informationUri?: string;
                readonly rules: readonly SarifRule[];
            };
        };
        readonly columnKind: 'utf16CodeUnits';
        readonly results: readonly SarifResult[];
    }>;
}
