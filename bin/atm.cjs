#!/usr/bin/env node
// The `atm` command: a shim over the bundled CLI (out/cli/main.cjs, built by `npm run build`).
'use strict';
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'main.cjs');
let cli;
try {
    cli = require(bundle);
} catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundle)) {
        process.stderr.write(`atm: the CLI is not built (${path.relative(process.cwd(), bundle) || bundle} is missing); run \`npm run build\` first\n`);
        process.exit(2);
    }
    throw error;
}
cli.main(process.argv.slice(2));
