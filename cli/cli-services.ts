/**
 * The language services the CLI runs on, with `atm.config.json` loaded into them: from the
 * working directory, or the file `--config PATH` names. Config problems are warnings on stderr
 * (`atm.config.json: <path>: <message>`), never fatal: a typo must not switch off every check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import type { AtmConfig } from '../language/config/atm-config.js';
import { ATM_CONFIG_FILE, DEFAULT_CONFIG, parseAtmConfig } from '../language/config/atm-config.js';
import type { ThreatModelServices } from '../language/threat-model-module.js';
import { createThreatModelServices } from '../language/threat-model-module.js';
import type { CliIo } from './output.js';
import { CliIndexModule } from './cli-index-module.js';
import { describeFsError, PathError } from './output.js';

/**
 * Reads the configuration. The default file may be absent; a file named with `--config` must
 * exist (a typo there is a usage problem, exit 2).
 */
export function loadConfig(io: CliIo, configPath: string | undefined): AtmConfig {
    const explicit = configPath !== undefined;
    const absolute = resolve(io.cwd, configPath ?? ATM_CONFIG_FILE);
    let text: string;
    try {
        text = readFileSync(absolute, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (!explicit && code === 'ENOENT') return DEFAULT_CONFIG;
        if (explicit) throw new PathError(`${configPath}: cannot read the configuration: ${describeFsError(error)}`);
        io.err(`${ATM_CONFIG_FILE}: warning: cannot read it (${describeFsError(error)}); using the defaults\n`);
        return DEFAULT_CONFIG;
    }
    const { config, problems } = parseAtmConfig(text.replace(/^\uFEFF/, ''));
    const shown = configPath ?? ATM_CONFIG_FILE;
    for (const problem of problems) {
        io.err(`${shown}: ${problem.path || '(root)'}: ${problem.message}\n`);
    }
    return config;
}

/** Fresh services per run: the CLI is one run, tests call commands many times in one process. */
export function createCliServices(config: AtmConfig): ThreatModelServices {
    const services = createThreatModelServices(NodeFileSystem, CliIndexModule).ThreatModel;
    services.config.AtmConfig.set(config);
    return services;
}
