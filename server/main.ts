// The polyfill must run before Langium builds its parser (Node 20 lacks `Object.groupBy`).
import '../language/object-group-by-polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createThreatModelLspServices } from './threat-model-lsp-module.js';

// The transport (`--node-ipc` from VS Code, `--stdio` from tests and other editors) is chosen
// from the command line by `createConnection`.
const connection = createConnection(ProposedFeatures.all);
// A rejected promise that nobody awaits (a client refusing an optional request, say) is logged,
// not fatal: Node would otherwise end the server, and every open file's diagnostics with it.
process.on('unhandledRejection', (reason) => {
    console.error('Unhandled rejection in the language server:', reason);
});
const { shared } = createThreatModelLspServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
