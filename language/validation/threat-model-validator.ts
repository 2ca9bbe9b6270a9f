import type { ValidationChecks } from 'langium';
import type { ThreatModelAstType } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { agentMembersMustBeSingle, controlMembersMustBeSingle, threatMembersMustBeSingle } from './duplicate-member-rule.js';
import { namesMustBeUnique } from './duplicate-name-rule.js';

/**
 * The registration table: which rule runs on which node type. The rules themselves live one
 * concern per file beside this one.
 */
export function registerValidationChecks(services: ThreatModelServices): void {
    const checks: ValidationChecks<ThreatModelAstType> = {
        Model: [namesMustBeUnique],
        Agent: [agentMembersMustBeSingle],
        Threat: [threatMembersMustBeSingle],
        Control: [controlMembersMustBeSingle]
    };
    services.validation.ValidationRegistry.register(checks);
}
