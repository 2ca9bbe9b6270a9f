/**
 * The display setting `threat-model.codeLens.enabled`. The server reads it through Langium's
 * configuration provider (`workspace/configuration` at start-up, then the `threat-model`
 * section of `workspace/didChangeConfiguration`), so every LSP client gets the same behaviour
 * and turning lenses off is an empty answer rather than client-side filtering.
 */
import type { ConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

export const SETTINGS_SECTION = 'threat-model';

/**
 * How long a lens request waits for the client's first configuration answer. Langium only
 * resolves its configuration once the client has answered; a client that never does must
 * not leave the lenses hanging, so after this the default (enabled) applies.
 */
const CONFIGURATION_WAIT_MS = 2_000;

export class CodeLensSetting {
    protected readonly configuration: ConfigurationProvider;

    constructor(services: { shared: LangiumSharedServices }) {
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    async enabled(): Promise<boolean> {
        let timer: NodeJS.Timeout | undefined;
        const fallback = new Promise<undefined>((resolve) => {
            timer = setTimeout(() => resolve(undefined), CONFIGURATION_WAIT_MS);
        });
        try {
            const value: unknown = await Promise.race([this.configuration.getConfiguration(SETTINGS_SECTION, 'codeLens'), fallback]);
            return !(typeof value === 'object' && value !== null && (value as { enabled?: unknown }).enabled === false);
        } finally {
            clearTimeout(timer);
        }
    }

    /** Called when the client reports a change of the `threat-model` settings. */
    onChange(listener: () => void): void {
        this.configuration.onConfigurationSectionUpdate((update) => {
            if (update.section === SETTINGS_SECTION) listener();
        });
    }
}
