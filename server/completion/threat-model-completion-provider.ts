import type { AstNodeDescription, LangiumDocument, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, Cancellation, CstUtils, GrammarAST } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionProviderOptions, CompletionValueItem, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, CompletionList, InsertTextFormat } from 'vscode-languageserver';
import type { AivssVersion } from '../../language/aivss/aivss-types.js';
import { CVSS_CATALOGS } from '../../language/aivss/cvss-vector.js';
import type { Model } from '../../language/generated/ast.js';
import { isAgent, isFactorBlock, isLayer, isMitigatedBy } from '../../language/generated/ast.js';
import type { LayerId } from '../../language/maestro/maestro-layers.js';
import { layerIdOf } from '../../language/scoring/layer-coverage.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type { ThreatModelLspServices } from '../threat-model-lsp-module.js';
import { lexicalPlaceAt, lineIndentAt, linePrefix, rangeOf } from './completion-text.js';
import { alreadyListed, controlDetail } from './control-completions.js';
import { baseVectorSnippet, cvssVectorCompletions, vectorPositionAt } from './cvss-completions.js';
import { factorKeyItems, factorsBlockItem } from './factor-completions.js';
import { isUsefulKeyword, valueKeywordItem } from './keyword-completions.js';
import { catalogIdItems, layerIdItems } from './layer-completions.js';

/**
 * Completion for `.tm`: Langium's grammar-driven keywords (minus those that could only
 * duplicate a member), plus the values the grammar cannot know: factor keys of the block's
 * key set, MAESTRO layer ids and catalog ids, exploit and mitigation levels with their
 * multipliers, controls with their strength, and CVSS vectors metric by metric. Nothing is
 * proposed inside comments or ordinary strings.
 */
export class ThreatModelCompletionProvider extends DefaultCompletionProvider {
    // `"` opens a vector, `/` and `:` step through it.
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['"', '/', ':'] };
    protected readonly scorer: ModelScorer;

    constructor(services: ThreatModelLspServices) {
        super(services);
        this.scorer = services.scoring.ModelScorer;
    }

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken = Cancellation.CancellationToken.None
    ): Promise<CompletionList | undefined> {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(params.position);
        const prefix = linePrefix(text, offset);
        // Checked before the string test: a vector being typed is a string, often an unclosed one.
        const vector = vectorPositionAt(prefix, offset);
        if (vector && lexicalPlaceAt(this.lexer, text, vector.keywordOffset) === 'code') {
            return CompletionList.create(cvssVectorCompletions(textDocument, vector, this.versionOf(document)), false);
        }
        if (lexicalPlaceAt(this.lexer, text, offset) !== 'code') {
            return CompletionList.create([], false);
        }
        // `M1.` does not lex as a catalog id yet, so the grammar sees no catalog position there.
        const catalog = /\bcatalog\s+([A-Za-z0-9.]*)$/.exec(prefix);
        if (catalog) {
            const range = rangeOf(textDocument, offset - catalog[1]!.length, offset);
            return CompletionList.create(catalogIdItems(this.enclosingLayer(document, offset), range), false);
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature;
        switch (`${rule}.${property}`) {
            case 'FactorEntry.key':
                return this.completeFactorKey(context, acceptor);
            case 'Layer.layerId':
                return this.completeLayerId(context, acceptor);
            case 'CvssSetting.vector':
                return this.completeVectorLiteral(context, acceptor);
            default:
                return super.completionFor(context, next, acceptor);
        }
    }

    protected completeFactorKey(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const text = context.textDocument.getText();
        const block = context.node ? AstUtils.getContainerOfType(context.node, isFactorBlock) : undefined;
        const editing = block?.entries.find((entry) => entry.$cstNode?.offset === context.tokenOffset);
        const before = linePrefix(text, context.tokenOffset);
        const atLineStart = before.trim().length === 0;
        const blockIndent = block?.$cstNode ? lineIndentAt(text, block.$cstNode.offset) : '';
        const items = factorKeyItems({
            block,
            editing,
            version: this.versionOf(context.document),
            indent: atLineStart ? before : `${blockIndent}    `,
            valueFollows: /^[ \t]+-?\d/.test(text.slice(context.tokenEndOffset)),
            atLineStart
        });
        for (const item of items) acceptor(context, item);
    }

    protected completeLayerId(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const node = context.node;
        const agent = node ? AstUtils.getContainerOfType(node, isAgent) : undefined;
        const editing = node ? AstUtils.getContainerOfType(node, isLayer) : undefined;
        for (const item of layerIdItems(agent, editing)) acceptor(context, item);
    }

    /** After `cvss`: a whole 4.0 base vector with a choice per metric. */
    protected completeVectorLiteral(context: CompletionContext, acceptor: CompletionAcceptor): void {
        acceptor(context, {
            label: '"CVSS:4.0/…"',
            kind: CompletionItemKind.Snippet,
            detail: 'CVSS v4.0 base vector, one choice per metric',
            insertText: `"${baseVectorSnippet(CVSS_CATALOGS['4.0'])}"`,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '0'
        });
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (!isUsefulKeyword(keyword, rule, context.node, context.offset)) return;
        const version = this.versionOf(context.document);
        const value = valueKeywordItem(rule, keyword.value, version);
        acceptor(context, { label: keyword.value, kind: this.getKeywordCompletionItemKind(keyword), detail: 'Keyword', sortText: '1', ...value });
        if (keyword.value === 'factors' && rule === 'FactorBlock') {
            const text = context.textDocument.getText();
            const before = linePrefix(text, context.tokenOffset);
            if (before.trim().length === 0) acceptor(context, factorsBlockItem(version, before));
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const listed = alreadyListed(isMitigatedBy(refInfo.container) ? refInfo.container : undefined, context.offset);
        return super.getReferenceCandidates(refInfo, context).filter((description) => !listed.has(description.name));
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext
    ): CompletionValueItem {
        return { ...super.createReferenceCompletionItem(description, refInfo, context), detail: controlDetail(description) };
    }

    protected versionOf(document: LangiumDocument): AivssVersion {
        return this.scorer.scoreDocument(document).version;
    }

    protected enclosingLayer(document: LangiumDocument, offset: number): LayerId | undefined {
        const root = (document.parseResult.value as Model).$cstNode;
        const leaf = root ? CstUtils.findLeafNodeBeforeOffset(root, offset) : undefined;
        const layer = leaf ? AstUtils.getContainerOfType(leaf.astNode, isLayer) : undefined;
        return layer ? layerIdOf(layer) : undefined;
    }
}
