import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationCheck, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AtmConfigProvider } from '../config/atm-config-provider.js';
import { severityFor } from '../config/atm-config.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { rejectText } from '../workspace/text-guard.js';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { limitDiagnostics } from './diagnostic-limits.js';
import { pushChildrenReversed } from './fast-ast-walk.js';

const SEVERITY_NUMBER = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** Nodes validated between two cancellation checks: well under a millisecond of checks. */
const NODES_PER_INTERRUPT = 32;

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
        let diagnostics: Diagnostic[];
        if (rejection) {
            diagnostics = [this.rejectionDiagnostic(rejection.code, rejection.message)];
        } else {
            const root = document.parseResult.value;
            this.checkDiagnostics.delete(root);
            diagnostics = await super.validateDocument(document, options, cancelToken);
            diagnostics = diagnostics.concat(this.checkDiagnostics.get(root) ?? []);
        }
        return this.applyConfiguredSeverities(limitDiagnostics(diagnostics.map((d) => this.withStableCode(d))));
    }

    /**
     * The checks' diagnostics, handed to `validateDocument` past Langium's
     * `diagnostics.push(...checkDiagnostics)`: a spread of more than ~120 000 items overflows the
     * stack, and Langium then drops every check's diagnostic (Trojan Source warnings included)
     * and logs an error. 300 kB of `agent agent …` was enough.
     */
    protected readonly checkDiagnostics = new WeakMap<AstNode, Diagnostic[]>();

    protected override async validateAst(
        rootNode: AstNode,
        options: ValidationOptions,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<Diagnostic[]> {
        this.checkDiagnostics.set(rootNode, await super.validateAst(rootNode, options, cancelToken));
        return [];
    }

    /**
     * Langium's loop, made cheaper: the same nodes in the same order (`validateSingleNodeOptions`
     * honoured), the same checks from the registry, but a plain walk instead of `streamAst`, the
     * check list looked up once per node type, and the promises of asynchronous checks awaited in
     * batches, with a cancellation check every `NODES_PER_INTERRUPT` nodes, instead of one `await`
     * per node and per check. Our checks are synchronous (and called directly, see
     * ThreatModelValidationRegistry), so they run and report in exactly the default order.
     * With Langium's profiler active the default runs, keeping its per-node-type timings.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        // Checks that return a promise (none of ours; see ThreatModelValidationRegistry).
        const pending: Array<PromiseLike<void>> = [];
        const stack: AstNode[] = [rootNode];
        let visited = 0;
        while (stack.length > 0) {
            if (visited++ % NODES_PER_INTERRUPT === 0) {
                await Promise.all(pending.splice(0));
                await interruptAndCheck(cancelToken);
            }
            const node = stack.pop()!;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksByType.set(node.$type, checks);
                }
                for (const check of checks) {
                    const result = check(node, acceptor, cancelToken);
                    if (result !== undefined) pending.push(result);
                }
            }
            if (nodeOptions.validateChildren) pushChildrenReversed(node, stack);
        }
        await Promise.all(pending);
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
