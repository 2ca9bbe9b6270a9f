import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { AivssVersion, ExploitLevel } from '../aivss/aivss-types.js';
import { parseCvssVector } from '../aivss/cvss-vector.js';
import { formatScaled } from '../aivss/decimal.js';
import { exploitLevelOfMaturity, exploitMaturityThm100, exploitThm100, isCanonicalMf100, isCanonicalThm100, isElevatedThm100 } from '../aivss/multipliers.js';
import type { Agent, ExploitSetting, MitigationSetting, StrengthSetting, Threat } from '../generated/ast.js';
import { isAgent } from '../generated/ast.js';
import type { ModelScorer } from '../scoring/model-scorer.js';
import { readMitigationFactor, readThreatMultiplier } from '../scoring/number-inputs.js';
import { report } from './report.js';

const EXPLOIT_LEVELS: readonly ExploitLevel[] = ['attacked', 'proof_of_concept', 'unreported'];

function versionOf(scorer: ModelScorer, node: ExploitSetting | MitigationSetting | StrengthSetting): AivssVersion {
    const agent = AstUtils.getContainerOfType(node, isAgent);
    return agent ? scorer.versionOf(agent) : '0.8';
}

/** A numeric `exploit` (ThM): valid, elevated above 1.0 only with a warning, canonical as a hint. */
export function exploitMustBeValid(scorer: ModelScorer) {
    return (setting: ExploitSetting, accept: ValidationAcceptor): void => {
        if (setting.value === undefined) return;
        const reading = readThreatMultiplier(setting.value);
        if (!reading.ok) {
            report(accept, reading.code, reading.message, { node: setting, property: 'value' }, { min: '0.01', max: '1.5' });
        } else if (isElevatedThm100(reading.scaled)) {
            report(accept, 'elevated-threat-multiplier', `Threat multiplier ${setting.value} is above 1.0: an "elevated threat" estimate the spec does not define`, {
                node: setting,
                property: 'value'
            });
        } else if (!isCanonicalThm100(reading.scaled, versionOf(scorer, setting))) {
            report(accept, 'non-canonical-multiplier', `Threat multiplier ${setting.value} is not one of the spec's values (attacked, proof_of_concept, unreported)`, {
                node: setting,
                property: 'value'
            });
        }
    };
}

/** A numeric `mitigation` or `strength` (MF): valid, canonical as a hint; ignored under v0.5. */
export function mitigationMustBeValid(scorer: ModelScorer) {
    return (setting: MitigationSetting | StrengthSetting, accept: ValidationAcceptor): void => {
        if (versionOf(scorer, setting) === '0.5') {
            const keyword = setting.$type === 'StrengthSetting' ? 'strength' : 'mitigation';
            report(accept, 'mitigation-ignored', `AIVSS v0.5 has no mitigation factor: this ${keyword} does not change the score`, { node: setting, keyword });
        }
        if (setting.value === undefined) return;
        const reading = readMitigationFactor(setting.value);
        if (!reading.ok) {
            report(accept, reading.code, reading.message, { node: setting, property: 'value' }, { min: '0.01', max: '1.0' });
        } else if (!isCanonicalMf100(reading.scaled)) {
            report(accept, 'non-canonical-multiplier', `Mitigation factor ${setting.value} is not one of the spec's values (none 1.0, partial 0.83, strong 0.67)`, {
                node: setting,
                property: 'value'
            });
        }
    };
}

/**
 * An explicit `exploit` wins over the `E:` of the vector at the same level; when the two say
 * different things the model is probably out of date, so say which one counts.
 */
export function exploitShouldAgreeWithVector(scorer: ModelScorer) {
    return (owner: Agent | Threat, accept: ValidationAcceptor): void => {
        const exploit = owner.exploits[0];
        const vector = owner.cvss[0]?.vector;
        if (!exploit || vector === undefined) return;
        const parsed = parseCvssVector(vector);
        const maturity = parsed.ok ? parsed.value.exploitMaturity : undefined;
        if (!maturity) return;
        const version = versionOf(scorer, exploit);
        const fromVector = exploitMaturityThm100(maturity, version);
        const written =
            exploit.level !== undefined ? exploitThm100(exploit.level as ExploitLevel, version) : readThreatMultiplier(exploit.value ?? '');
        const written100 = typeof written === 'number' ? written : written.ok ? written.scaled : undefined;
        if (written100 === undefined || written100 === fromVector) return;
        // The quick fixes align either side; they need both levels under this model's version.
        const writtenLevel = EXPLOIT_LEVELS.find((level) => exploitThm100(level, version) === written100);
        report(
            accept,
            'exploit-contradicts-vector',
            `exploit ${exploit.level ?? exploit.value} (ThM ${formatScaled(written100, 2)}) contradicts E:${maturity} in the CVSS vector (ThM ${formatScaled(fromVector, 2)}); the explicit exploit counts`,
            { node: exploit },
            { vectorLevel: exploitLevelOfMaturity(maturity), writtenLevel }
        );
    };
}
