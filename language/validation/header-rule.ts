import type { ValidationAcceptor } from 'langium';
import type { AivssHeader } from '../generated/ast.js';
import { report } from './report.js';

/** The header names a formula this engine implements. */
export function headerMustNameKnownVersion(header: AivssHeader, accept: ValidationAcceptor): void {
    if (header.version !== '0.8' && header.version !== '0.5') {
        report(accept, 'unknown-aivss-version', `Unknown AIVSS version ${header.version}: use 0.8 (current) or 0.5 (legacy)`, {
            node: header,
            property: 'version'
        });
    }
}
