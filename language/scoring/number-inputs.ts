import {
    CVSS_BASE_DECIMALS,
    FACTOR_DECIMALS,
    isValidCvss10,
    isValidFactor100,
    isValidMf100,
    isValidThm100,
    MF_DECIMALS,
    THM_DECIMALS
} from '../aivss/multipliers.js';
import { parseDecimal } from '../aivss/decimal.js';
import type { DiagnosticCode } from '../validation/diagnostic-codes.js';

/**
 * Reading a numeric input from its source text. The validator reports the failures and the
 * scorer refuses to score with them, both from this one reading, so they can never disagree.
 */
export type NumberReading =
    | { readonly ok: true; readonly scaled: number }
    | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

interface NumberKind {
    readonly decimals: number;
    readonly isValid: (scaled: number) => boolean;
    readonly rangeCode: DiagnosticCode;
    readonly rangeMessage: (text: string) => string;
}

const CVSS_BASE: NumberKind = {
    decimals: CVSS_BASE_DECIMALS,
    isValid: isValidCvss10,
    rangeCode: 'invalid-cvss',
    rangeMessage: (text) => `CVSS base ${text} is outside 0.0–10.0`
};
const FACTOR: NumberKind = {
    decimals: FACTOR_DECIMALS,
    isValid: isValidFactor100,
    rangeCode: 'factor-out-of-range',
    rangeMessage: (text) => `Factor value ${text} is outside 0.0–1.0`
};
const THREAT_MULTIPLIER: NumberKind = {
    decimals: THM_DECIMALS,
    isValid: isValidThm100,
    rangeCode: 'threat-multiplier-out-of-range',
    rangeMessage: (text) => `Threat multiplier ${text} must be above 0 and at most 1.5`
};
const MITIGATION_FACTOR: NumberKind = {
    decimals: MF_DECIMALS,
    isValid: isValidMf100,
    rangeCode: 'mitigation-out-of-range',
    rangeMessage: (text) => `Mitigation factor ${text} must be above 0 and at most 1.0`
};

function read(text: string, kind: NumberKind): NumberReading {
    const parsed = parseDecimal(text, kind.decimals);
    if (!parsed.ok) {
        return { ok: false, code: 'invalid-number', message: capitalize(parsed.message) };
    }
    if (!kind.isValid(parsed.scaled)) {
        return { ok: false, code: kind.rangeCode, message: kind.rangeMessage(text) };
    }
    return parsed;
}

/** A CVSS base written as a number: tenths, 0..100. */
export const readCvssBase = (text: string): NumberReading => read(text, CVSS_BASE);
/** A factor value: hundredths, 0..100. */
export const readFactor = (text: string): NumberReading => read(text, FACTOR);
/** An `exploit` number (ThM): hundredths, 1..150. */
export const readThreatMultiplier = (text: string): NumberReading => read(text, THREAT_MULTIPLIER);
/** A `mitigation` or `strength` number (MF): hundredths, 1..100. */
export const readMitigationFactor = (text: string): NumberReading => read(text, MITIGATION_FACTOR);

function capitalize(message: string): string {
    return message.charAt(0).toUpperCase() + message.slice(1);
}
