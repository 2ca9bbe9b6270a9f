import type { ValidationChecks } from 'langium';
import type { ThreatModelAstType } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { catalogIdMustBeKnown } from './catalog-rules.js';
import { agentShouldHaveCvss, cvssMustBeValid } from './cvss-rules.js';
import { agentMembersMustBeSingle, controlMembersMustBeSingle, threatMembersMustBeSingle } from './duplicate-member-rule.js';
import { namesMustBeUnique } from './duplicate-name-rule.js';
import { agentFactorsShouldBeComplete, factorEntriesMustBeValid } from './factor-rules.js';
import { headerMustNameKnownVersion } from './header-rule.js';
import { textShouldNotHideCharacters } from './hidden-text-rules.js';
import { agentShouldCoverAllLayers, layerMustBeKnown, layersMustBeDistinct, layerShouldNotBeEmpty } from './layer-rules.js';
import { exploitMustBeValid, exploitShouldAgreeWithVector, mitigationMustBeValid } from './multiplier-rules.js';
import { publishedScoreShouldMatch } from './published-score-rule.js';

/**
 * The registration table: which rule runs on which node type. The rules themselves live one
 * concern per file beside this one.
 */
export function registerValidationChecks(services: ThreatModelServices): void {
    const scorer = services.scoring.ModelScorer;
    const mitigation = mitigationMustBeValid(scorer);
    const exploitVersusVector = exploitShouldAgreeWithVector(scorer);
    const checks: ValidationChecks<ThreatModelAstType> = {
        Model: [namesMustBeUnique, textShouldNotHideCharacters],
        AivssHeader: headerMustNameKnownVersion,
        Agent: [
            agentMembersMustBeSingle,
            agentShouldCoverAllLayers,
            layersMustBeDistinct,
            agentFactorsShouldBeComplete(scorer),
            agentShouldHaveCvss,
            exploitVersusVector,
            publishedScoreShouldMatch(scorer)
        ],
        FactorBlock: factorEntriesMustBeValid,
        CvssSetting: cvssMustBeValid(scorer),
        ExploitSetting: exploitMustBeValid(scorer),
        MitigationSetting: mitigation,
        StrengthSetting: mitigation,
        Layer: [layerMustBeKnown, layerShouldNotBeEmpty],
        Threat: [threatMembersMustBeSingle, exploitVersusVector],
        CatalogRef: catalogIdMustBeKnown,
        Control: controlMembersMustBeSingle
    };
    services.validation.ValidationRegistry.register(checks);
}
