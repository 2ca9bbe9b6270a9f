/**
 * Live AIVSS totals as code lenses: one on every agent, one on every threat. The list carries
 * only ranges and a compact handle (`data`); the title and the breakdown command are filled in
 * by `codeLens/resolve`, which VS Code sends only for the lenses in view. A 5k-line model has
 * ~570 lenses: listing them with titles and commands (document URI and names repeated in each)
 * was 150 KB of JSON per request and scored the whole document on every keystroke; the list is
 * now a third of that and scores nothing, and a resolve scores one agent (cached per version).
 */
import type { AstNode, CstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, GrammarAST, interruptAndCheck, isCompositeCstNode, URI } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, Range } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';
import { isModel } from '../../language/generated/ast.js';
import type { ModelScorer } from '../../language/scoring/model-scorer.js';
import type { ThreatModelServices } from '../../language/threat-model-module.js';
import { SHOW_BREAKDOWN_COMMAND } from '../breakdown-protocol.js';
import type { CodeLensSetting } from './code-lens-setting.js';
import { agentLensTitle, threatLensTitle } from './code-lens-titles.js';
import type { LensData } from './lens-data.js';
import { lensData, StaleLensError } from './lens-data.js';

interface LensList {
    /** Names this list in its lenses' `data`; a resolve carrying another id is stale. */
    readonly id: number;
    readonly lenses: CodeLens[];
}

export class ThreatModelCodeLensProvider implements CodeLensProvider {
    protected readonly scorer: ModelScorer;
    protected readonly setting: CodeLensSetting;
    protected readonly documents: LangiumDocuments;
    /**
     * The lenses of an AST: the client asks again for the same text (after every refresh, on
     * scrolling back, when another editor shows the file); a new text is a new AST, so a stale
     * entry is never hit and is collected with its tree. Titles are not part of the list, so
     * a configuration change does not invalidate it.
     */
    protected readonly listsByModel = new WeakMap<Model, LensList>();
    /** The document of each list id, latest list only (older ids of a document are stale). */
    protected readonly uriById = new Map<number, string>();
    protected readonly idByUri = new Map<string, number>();
    protected nextId = 1;

    constructor(services: ThreatModelServices & { scoreViews: { CodeLensSetting: CodeLensSetting } }) {
        this.scorer = services.scoring.ModelScorer;
        this.setting = services.scoreViews.CodeLensSetting;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    async provideCodeLens(document: LangiumDocument, _params?: unknown, cancelToken?: CancellationToken): Promise<CodeLens[]> {
        if (!(await this.setting.enabled())) return [];
        const model = document.parseResult.value as Model;
        let list = this.listsByModel.get(model);
        if (!list) {
            // Stored only once complete: a cancelled listing leaves no entry behind.
            list = await this.createList(model, cancelToken);
            this.listsByModel.set(model, list);
            this.remember(document.uri.toString(), list.id);
        }
        return list.lenses;
    }

    /** The document a listed lens belongs to, while its list is the document's latest. */
    documentOf(lens: CodeLens): string | undefined {
        const data = lensData(lens.data);
        return data && this.uriById.get(data.list);
    }

    /**
     * Fills in a lens of the current list: title and command (document URI, agent[, threat]),
     * from the agent's cached score. Throws `StaleLensError` when the document has been
     * re-parsed since the list was made (the client asks for a new list after every change).
     */
    resolveCodeLens(lens: CodeLens): CodeLens {
        const data = lensData(lens.data);
        if (!data) return lens;
        const uri = this.uriById.get(data.list);
        const model = uri === undefined ? undefined : this.documents.getDocument(URI.parse(uri))?.parseResult.value;
        if (!uri || !isModel(model) || this.listsByModel.get(model)?.id !== data.list) throw new StaleLensError();
        return { range: lens.range, command: this.command(uri, model, data) };
    }

    protected command(uri: string, model: Model, data: LensData): CodeLens['command'] {
        const agent = model.agents[data.agent];
        if (!agent) throw new StaleLensError();
        const score = this.scorer.scoreOf(agent);
        if (data.threat === undefined) {
            return { title: agentLensTitle(score), command: SHOW_BREAKDOWN_COMMAND, arguments: [uri, agent.name] };
        }
        const threat = score.threats[data.threat];
        if (!threat) throw new StaleLensError();
        return { title: threatLensTitle(threat), command: SHOW_BREAKDOWN_COMMAND, arguments: [uri, agent.name, threat.name] };
    }

    protected async createList(model: Model, cancelToken: CancellationToken | undefined): Promise<LensList> {
        const id = this.nextId++;
        const lenses: CodeLens[] = [];
        for (let a = 0; a < model.agents.length; a++) {
            // Per agent: yields now and then on a large model, so a cancelled request stops.
            if (cancelToken) await interruptAndCheck(cancelToken);
            const agent = model.agents[a]!;
            const agentRange = nameRange(agent);
            if (agentRange) lenses.push({ range: agentRange, data: [id, a] });
            let t = 0;
            for (const layer of agent.layers) {
                for (const threat of layer.threats) {
                    const range = nameRange(threat);
                    if (range) lenses.push({ range, data: [id, a, t] });
                    t++;
                }
            }
        }
        return { id, lenses };
    }

    /** Only the latest list of a document can be resolved; the maps hold one id per document. */
    protected remember(uri: string, id: number): void {
        const previous = this.idByUri.get(uri);
        if (previous !== undefined) this.uriById.delete(previous);
        this.idByUri.set(uri, id);
        this.uriById.set(id, uri);
    }
}

/**
 * The range of a node's `name` token, else of the whole node (recovery can drop the name): the
 * node `GrammarUtils.findNodeForProperty` finds, but the search stops there, at the second
 * token, instead of visiting every member of the agent (that scan cost more than the rest of
 * the lens).
 */
function nameRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    return (cst && firstNameNode(cst, node))?.range ?? cst?.range;
}

function firstNameNode(cst: CstNode, owner: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst) || cst.astNode !== owner) return undefined;
    for (const child of cst.content) {
        if (AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature === 'name') return child;
        const nested = firstNameNode(child, owner);
        if (nested) return nested;
    }
    return undefined;
}
