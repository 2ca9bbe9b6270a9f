import type { LangiumDocument } from 'langium';
import { AstUtils, Cancellation, DocumentCache, interruptAndCheck } from 'langium';
import type { AivssVersion } from '../aivss/aivss-types.js';
import type { AtmConfig } from '../config/atm-config.js';
import type { AtmConfigProvider } from '../config/atm-config-provider.js';
import type { Agent, Model } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ScoringContext } from './agent-scoring.js';
import { scoreAgent } from './agent-scoring.js';
import type { AgentScore, ModelScore } from './score-types.js';

/** The formula version and rounding in force: the file's `aivss` header, else the configuration. */
export function scoringContextOf(model: Model, config: AtmConfig): ScoringContext {
    const version = model.header?.version;
    return {
        version: version === '0.8' || version === '0.5' ? version : config.aivss,
        rounding: model.header?.rounding === 'half_up' || model.header?.rounding === 'half_even' ? model.header.rounding : config.rounding
    };
}

/**
 * Scores a document once per version of its text: hover, code lenses, diagnostics and exports
 * all read the same cached breakdown instead of recomputing it. Agents are scored one by one as
 * they are asked for (a hover or a lens scores one agent, not the file) and the whole document
 * is assembled from the same per-agent entries, so both views hold the same objects. The
 * caches empty themselves when the document changes and when the configuration changes.
 */
export class ModelScorer {
    protected readonly cache: DocumentCache<string, ModelScore>;
    /** Each agent's score of the document's current AST, filled on demand. */
    protected readonly byAgent: DocumentCache<string, Map<Agent, AgentScore>>;
    protected readonly config: AtmConfigProvider;
    /**
     * Counts configuration changes: a cancellable scoring that yielded across one must not
     * store what it computed under the old configuration.
     */
    protected configGeneration = 0;

    constructor(services: ThreatModelServices) {
        this.cache = new DocumentCache(services.shared);
        this.byAgent = new DocumentCache(services.shared);
        this.config = services.config.AtmConfig;
        this.config.onChange(() => {
            this.configGeneration++;
            this.cache.clear();
            this.byAgent.clear();
        });
    }

    scoreDocument(document: LangiumDocument): ModelScore {
        return this.cache.get(document.uri, 'model', () => {
            const model = document.parseResult.value as Model;
            return this.assemble(model, model.agents.map((agent) => this.scoreOf(agent)));
        });
    }

    /**
     * `scoreDocument` for request handlers: checks `cancelToken` between agents and yields to
     * the event loop now and then (Langium's `interruptAndCheck`), so a `$/cancelRequest` or a
     * newer edit is seen on a large model. A cancelled run throws `OperationCancelled` and
     * stores no document entry; the agents it finished are complete and stay cached.
     */
    async scoreDocumentCancellable(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<ModelScore> {
        const cached = this.cache.get(document.uri, 'model');
        if (cached) return cached;
        const model = document.parseResult.value as Model;
        const generation = this.configGeneration;
        const agents: AgentScore[] = [];
        for (const agent of model.agents) {
            await interruptAndCheck(cancelToken);
            agents.push(this.scoreOf(agent));
        }
        const score = this.assemble(model, agents);
        // While this yielded, the text may have been re-parsed or the configuration changed:
        // the result then describes neither and is returned to this caller only.
        if (document.parseResult.value !== model || generation !== this.configGeneration) return score;
        // Someone may have scored the document meanwhile: keep one object per version.
        return this.cache.get(document.uri, 'model', () => score);
    }

    /**
     * The formula version in force for an agent, without scoring anything: validation rules need
     * only this, so diagnostics after a keystroke do not wait for the whole document's scores.
     */
    versionOf(agent: Agent): AivssVersion {
        return scoringContextOf(agent.$container, this.config.get()).version;
    }

    /** The score of one agent of a built document, computed once per version of its text. */
    scoreOf(agent: Agent): AgentScore {
        const document = AstUtils.getDocument(agent);
        // An agent detached from its document's current AST (a stale reference) is scored
        // afresh and not cached: the cache describes the current text only.
        if (document.parseResult.value !== agent.$container) return this.scoreAfresh(agent);
        const scores = this.byAgent.get(document.uri, 'agents', () => new Map<Agent, AgentScore>());
        let score = scores.get(agent);
        if (!score) {
            score = this.scoreAfresh(agent);
            scores.set(agent, score);
        }
        return score;
    }

    /** The scoring context is read only when an agent is actually scored, not on a cache hit. */
    protected scoreAfresh(agent: Agent): AgentScore {
        return scoreAgent(agent, scoringContextOf(agent.$container, this.config.get()));
    }

    protected assemble(model: Model, agents: AgentScore[]): ModelScore {
        return { ...scoringContextOf(model, this.config.get()), agents };
    }
}
