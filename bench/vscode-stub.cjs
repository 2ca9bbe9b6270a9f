// Lets the extension bundle be `require`d outside VS Code, to time its load: `vscode` resolves
// to an object whose every property is a harmless constructor/function/object.
'use strict';
const Module = require('node:module');
const handler = {
    get: (_target, key) => (key === '__esModule' ? true : key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub
};
const stub = new Proxy(function vscode() {}, handler);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
