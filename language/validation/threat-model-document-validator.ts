import type { LangiumDocument, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AtmConfigProvider } from '../config/atm-config-provider.js';
import { severityFor } from '../config/atm-config.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { rejectText } from '../workspace/text-guard.js';
import type { DiagnosticCode } from './diagnostic-codes.js';

const SEVERITY_NUMBER = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/**
 * Gives every diagnostic one of our stable codes (Langium's built-in lexing, parsing and
 * linking errors included) and applies the severities of `atm.config.json` in one place, so
 * the editor, the CLI and SARIF report the same code with the same severity.
 */
export class ThreatModelDocumentValidator extends DefaultDocumentValidator {
    protected readonly config: AtmConfigProvider;

    constructor(services: ThreatModelServices) {
        super(services);
        this.config = services.config.AtmConfig;
    }

    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<Diagnostic[]> {
        const rejection = rejectText(document.textDocument.getText());
        const diagnostics = rejection
            ? [this.rejectionDiagnostic(rejection.code, rejection.message)]
            : await super.validateDocument(document, options, cancelToken);
        return this.applyConfiguredSeverities(diagnostics.map((d) => this.withStableCode(d)));
    }

    protected rejectionDiagnostic(code: DiagnosticCode, message: string): Diagnostic {
        const start = { line: 0, character: 0 };
        return {
            severity: 1,
            range: { start, end: start },
            message,
            code,
            data: { code },
            source: this.getSource()
        };
    }

    protected withStableCode(diagnostic: Diagnostic): Diagnostic {
        const builtIn = (diagnostic.data as { code?: string } | undefined)?.code;
        if (builtIn === DocumentValidator.LexingError || builtIn === DocumentValidator.ParsingError) {
            return { ...diagnostic, code: 'syntax-error', data: { ...diagnostic.data, code: 'syntax-error' } };
        }
        if (builtIn === DocumentValidator.LinkingError) {
            const refText = (diagnostic.data as { refText?: string }).refText ?? '';
            return {
                ...diagnostic,
                message: `No control named '${refText}' in this file`,
                code: 'unresolved-reference',
                data: { ...diagnostic.data, code: 'unresolved-reference' }
            };
        }
        return diagnostic;
    }

    protected applyConfiguredSeverities(diagnostics: Diagnostic[]): Diagnostic[] {
        const config = this.config.get();
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const severity = typeof diagnostic.code === 'string' ? severityFor(config, diagnostic.code) : undefined;
            if (severity === 'off') continue;
            result.push(severity ? { ...diagnostic, severity: SEVERITY_NUMBER[severity] } : diagnostic);
        }
        return result;
    }
}
