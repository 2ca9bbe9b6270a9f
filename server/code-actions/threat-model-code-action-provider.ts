import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { DiagnosticCode } from '../../language/validation/diagnostic-codes.js';
import type { FixProvider } from './code-action-support.js';
import { fixContext } from './code-action-support.js';
import { catalogLayerMismatchFixes } from './catalog-fixes.js';
import { duplicateFactorFixes, factorRenameRefactors, missingFactorFixes, mixedFactorVersionFixes, unknownFactorFixes } from './factor-fixes.js';
import { hiddenCharacterFixes } from './hidden-text-fixes.js';
import { layerAliasFixes, layerNameMismatchFixes, missingLayerFixes, unknownLayerFixes } from './layer-fixes.js';
import { duplicateLayerFixes } from './layer-merge-fixes.js';
import { createControlFixes, duplicateMemberFixes, missingCvssFixes, unknownCatalogIdFixes } from './member-fixes.js';
import { clampFixes, roundFixes } from './number-fixes.js';
import { exploitVectorFixes, publishedScoreFixes } from './score-fixes.js';
import { cvssVersionFixes, unknownVersionFixes } from './version-fixes.js';

/** Which fixes answer which diagnostic code. Codes without an entry have no quick fix. */
const FIXES: Partial<Record<DiagnosticCode, FixProvider>> = {
    'unknown-aivss-version': unknownVersionFixes,
    'missing-layer': missingLayerFixes,
    'duplicate-layer': duplicateLayerFixes,
    'unknown-layer': unknownLayerFixes,
    'layer-alias': layerAliasFixes,
    'layer-name-mismatch': layerNameMismatchFixes,
    'missing-factor': missingFactorFixes,
    'unknown-factor': unknownFactorFixes,
    'duplicate-factor': duplicateFactorFixes,
    'mixed-factor-versions': mixedFactorVersionFixes,
    'factor-out-of-range': clampFixes,
    'threat-multiplier-out-of-range': clampFixes,
    'mitigation-out-of-range': clampFixes,
    'invalid-cvss': clampFixes,
    'cvss-version-mismatch': cvssVersionFixes,
    'exploit-contradicts-vector': exploitVectorFixes,
    'published-score-mismatch': publishedScoreFixes,
    'invalid-number': roundFixes,
    'unknown-catalog-id': unknownCatalogIdFixes,
    'catalog-layer-mismatch': catalogLayerMismatchFixes,
    'unresolved-reference': createControlFixes,
    'missing-cvss': missingCvssFixes,
    'bidi-control': hiddenCharacterFixes,
    'invisible-character': hiddenCharacterFixes,
    'duplicate-member': duplicateMemberFixes
};

/** Diagnostics answered per request; the editor sends those under the cursor or selection. */
export const MAX_DIAGNOSTICS_PER_REQUEST = 100;

/**
 * Quick fixes for our diagnostics, dispatched on the stable code in `diagnostic.data.code`
 * (each rule puts there what its fix needs), plus the factor-rename refactoring. Every edit is
 * exact and leaves formatted text formatted.
 */
export class ThreatModelCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        const actions: CodeAction[] = [];
        // A selection over a huge file can bring tens of thousands of diagnostics; a menu of
        // that many fixes helps no one, and computing them kept the server busy for minutes.
        for (const diagnostic of params.context.diagnostics.slice(0, MAX_DIAGNOSTICS_PER_REQUEST)) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
            const fix = typeof code === 'string' ? FIXES[code as DiagnosticCode] : undefined;
            if (fix) actions.push(...fix(fixContext(document, diagnostic)));
        }
        const mixed = params.context.diagnostics.some((diagnostic) => diagnostic.code === 'mixed-factor-versions');
        if (!mixed) actions.push(...factorRenameRefactors(document, params.range));
        const only = params.context.only;
        const wanted = only ? actions.filter((action) => only.some((kind) => isKindOf(action.kind, kind))) : actions;
        return wanted.length > 0 ? wanted : undefined;
    }
}

/** `refactor.rewrite` is of kind `refactor`; `quickfix` of `quickfix`. */
function isKindOf(kind: string | undefined, requested: string): boolean {
    return kind !== undefined && (kind === requested || kind.startsWith(`${requested}.`) || requested === CodeActionKind.Empty);
}
