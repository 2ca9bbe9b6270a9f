import packageJson from '../../package.json' with { type: 'json' };

/** The SARIF tool description, as `atm export` writes it (cli/version.ts). */
export const TOOL_VERSION: string = packageJson.version;
export const TOOL_HOME: string = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
