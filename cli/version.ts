import packageJson from '../package.json' with { type: 'json' };

/** The package version, for `atm --version` and the SARIF tool description. */
export const PACKAGE_VERSION: string = packageJson.version;

/** Where users learn about the tool (SARIF `informationUri`): the package's repository. */
export const PACKAGE_HOME: string = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
