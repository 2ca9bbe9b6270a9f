import { describe, expect, test } from 'vitest';
import {
    CVSS_BASE_DECIMALS, DEFAULT_MF100, DEFAULT_THM100, FACTOR_DECIMALS, MF_DECIMALS, THM_DECIMALS,
    THM_MAX100, exploitLevelOfMaturity, exploitMaturityThm100, exploitThm100, isCanonicalFactor100,
    isCanonicalMf100, isCanonicalThm100, isElevatedThm100, isValidCvss10, isValidFactor100,
    isValidMf100, isValidThm100, mitigationMf100
} from '../../language/aivss/multipliers.js';

describe('multipliers', () => {
    test('exploit levels per version', () => {
        expect((['attacked', 'proof_of_concept', 'unreported'] as const).map(l => exploitThm100(l, '0.8'))).toEqual([100, 97, 50]);
        expect((['attacked', 'proof_of_concept', 'unreported'] as const).map(l => exploitThm100(l, '0.5'))).toEqual([100, 97, 91]);
    });

    test('CVSS 4.0 E: values', () => {
        expect((['A', 'P', 'U'] as const).map(e => exploitMaturityThm100(e))).toEqual([100, 97, 50]);
        expect(exploitMaturityThm100('U', '0.5')).toBe(91);
        expect(exploitLevelOfMaturity('P')).toBe('proof_of_concept');
    });

    test('mitigation levels and defaults', () => {
        expect((['none', 'partial', 'strong'] as const).map(mitigationMf100)).toEqual([100, 83, 67]);
        expect([DEFAULT_THM100, DEFAULT_MF100, THM_MAX100]).toEqual([97, 100, 150]);
        expect([CVSS_BASE_DECIMALS, FACTOR_DECIMALS, THM_DECIMALS, MF_DECIMALS]).toEqual([1, 2, 2, 2]);
    });

    test('ranges', () => {
        expect([0, 100].every(isValidCvss10)).toBe(true);
        expect([-1, 101, 9.5].some(isValidCvss10)).toBe(false);
        expect([0, 100].every(isValidFactor100)).toBe(true);
        expect([-1, 101].some(isValidFactor100)).toBe(false);
        expect([1, 100, 150].every(isValidThm100)).toBe(true);
        expect([0, 151, -5].some(isValidThm100)).toBe(false);
        expect([isElevatedThm100(100), isElevatedThm100(101)]).toEqual([false, true]);
        expect([1, 100].every(isValidMf100)).toBe(true);
        expect([0, 101].some(isValidMf100)).toBe(false);
    });

    test('canonical values', () => {
        expect([0, 50, 100].every(isCanonicalFactor100)).toBe(true);
        expect([10, 40].some(isCanonicalFactor100)).toBe(false);
        expect([50, 97, 100].every(t => isCanonicalThm100(t))).toBe(true);
        expect([90, 95, 105, 91].some(t => isCanonicalThm100(t))).toBe(false);
        expect([91, 97, 100].every(t => isCanonicalThm100(t, '0.5'))).toBe(true);
        expect([67, 83, 100].every(isCanonicalMf100)).toBe(true);
        expect([70, 85].some(isCanonicalMf100)).toBe(false);
    });
});
