import type { AstNodeDescription } from 'langium';
import type { MitigationLevel } from '../../language/aivss/aivss-types.js';
import { formatScaled } from '../../language/aivss/decimal.js';
import { mitigationMf100 } from '../../language/aivss/multipliers.js';
import type { Control, MitigatedBy } from '../../language/generated/ast.js';
import { isControl } from '../../language/generated/ast.js';
import { readMitigationFactor } from '../../language/scoring/number-inputs.js';

/**
 * The detail of a `mitigated_by` candidate: the control's title and the strength it brings
 * (the strongest one is the threat's MF), so the right control can be picked without jumping to it.
 */
export function controlDetail(description: AstNodeDescription): string {
    const control = description.node;
    if (!control || !isControl(control)) return 'Control';
    const title = control.title ? `${control.title} · ` : '';
    return `${title}${strengthText(control)}`;
}

function strengthText(control: Control): string {
    const strength = control.strengths[0];
    if (!strength) return 'no strength (MF 1.00)';
    if (strength.level !== undefined) {
        return `strength ${strength.level} (MF ${formatScaled(mitigationMf100(strength.level as MitigationLevel), 2)})`;
    }
    const reading = readMitigationFactor(strength.value ?? '');
    return reading.ok ? `strength ${strength.value} (MF ${formatScaled(reading.scaled, 2)})` : `strength ${strength.value ?? '?'} (invalid)`;
}

/** Controls the reference list already names, other than the one at the cursor: naming one twice adds nothing. */
export function alreadyListed(mitigatedBy: MitigatedBy | undefined, offset: number): Set<string> {
    const names = new Set<string>();
    for (const reference of mitigatedBy?.controls ?? []) {
        const cst = reference.$refNode;
        if (cst && (offset < cst.offset || offset > cst.end)) names.add(reference.$refText);
    }
    return names;
}
