import type { AtmConfig } from './atm-config.js';
import { DEFAULT_CONFIG } from './atm-config.js';

/**
 * Holds the configuration in force. The entry point loads `atm.config.json` (the CLI from the
 * working directory or `--config`, the server from the workspace root) and sets it here; the
 * language services only read it, so they never touch the file system themselves.
 */
export class AtmConfigProvider {
    protected current: AtmConfig = DEFAULT_CONFIG;
    protected readonly listeners: Array<(config: AtmConfig) => void> = [];

    get(): AtmConfig {
        return this.current;
    }

    set(config: AtmConfig): void {
        this.current = config;
        for (const listener of this.listeners) listener(config);
    }

    onChange(listener: (config: AtmConfig) => void): void {
        this.listeners.push(listener);
    }
}
