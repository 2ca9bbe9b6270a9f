import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { DIAGNOSTIC_CODES } from './diagnostic-codes.js';

/**
 * Reports a diagnostic under its stable code with the code's default severity (the document
 * validator applies `atm.config.json` overrides afterwards). The code also goes into `data`,
 * where code actions look for it, together with whatever a quick fix needs.
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: DiagnosticCode,
    message: string,
    info: Omit<DiagnosticInfo<N>, 'code' | 'data'>,
    data: Record<string, unknown> = {}
): void {
    accept(DIAGNOSTIC_CODES[code].severity, message, { ...info, code, data: { ...data, code } } as DiagnosticInfo<N>);
}
