import type { LangiumDocument } from 'langium';
import { AstUtils, DocumentCache } from 'langium';
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
 * all read the same cached breakdown instead of recomputing it. The cache empties itself when
 * the document changes and when the configuration changes.
 */
export class ModelScorer {
    protected readonly cache: DocumentCache<string, ModelScore>;
    /** The same scores by agent: validation asks once per setting, a scan would be quadratic. */
    protected readonly byAgent: DocumentCache<string, ReadonlyMap<Agent, AgentScore>>;
    protected readonly config: AtmConfigProvider;

    constructor(services: ThreatModelServices) {
        this.cache = new DocumentCache(services.shared);
        this.byAgent = new DocumentCache(services.shared);
        this.config = services.config.AtmConfig;
        this.config.onChange(() => {
            this.cache.clear();
            this.byAgent.clear();
        });
    }

    scoreDocument(document: LangiumDocument): ModelScore {
        return this.cache.get(document.uri, 'model', () => {
            const model = document.parseResult.value as Model;
            const context = scoringContextOf(model, this.config.get());
            return { ...context, agents: model.agents.map((agent) => scoreAgent(agent, context)) };
        });
    }

    /**
     * The formula version in force for an agent, without scoring anything: validation rules need
     * only this, so diagnostics after a keystroke do not wait for the whole document's scores.
     */
    versionOf(agent: Agent): AivssVersion {
        return scoringContextOf(agent.$container, this.config.get()).version;
    }

    /** The score of one agent of a built document. */
    scoreOf(agent: Agent): AgentScore {
        const document = AstUtils.getDocument(agent);
        const index = this.byAgent.get(document.uri, 'agents', () => new Map(this.scoreDocument(document).agents.map((entry) => [entry.agent, entry])));
        const score = index.get(agent);
        // An agent detached from its document's current AST (a stale reference) is scored afresh.
        return score ?? scoreAgent(agent, scoringContextOf(agent.$container, this.config.get()));
    }
}
