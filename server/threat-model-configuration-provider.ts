import type { ConfigurationInitializedParams } from 'langium';
import { DefaultConfigurationProvider } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * Langium registers for `workspace/didChangeConfiguration` whenever the client can be asked for
 * settings, without checking that the client supports dynamic registration, and leaves the
 * registration's promise unobserved: a client that refuses (answers `client/registerCapability`
 * with an error) makes it reject unhandled, and Node ends the server. Here the registration is
 * only attempted when the client declares that it supports it; other clients push settings
 * with plain `didChangeConfiguration` notifications, which Langium handles anyway.
 */
export class ThreatModelConfigurationProvider extends DefaultConfigurationProvider {
    protected dynamicRegistration = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.dynamicRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        if (this.dynamicRegistration || !params.register) {
            return super.initialized(params);
        }
        const { register: _unsupported, ...withoutRegistration } = params;
        return super.initialized(withoutRegistration);
    }
}
