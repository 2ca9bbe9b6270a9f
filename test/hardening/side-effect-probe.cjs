// Loaded with `node --require` in front of a bundle (the `atm` CLI): records every path the
// process reads or lists (`read`), stats or resolves (`stat`), or writes (`write`), all as real
// paths, and every attempt to open a network connection, resolve a host name or start a
// process (those also throw), then writes the records, one per line (`kind<TAB>detail`), to the
// file named by ATM_PROBE_LOG when the process exits.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const logFile = process.env.ATM_PROBE_LOG;
const writeLog = fs.writeFileSync;
const records = [];

const realpath = fs.realpathSync.native;

/** The real path (symbolic links resolved, so a link out of a folder shows where it leads). */
function pathOf(value) {
    let resolved;
    if (typeof value === 'string') resolved = path.resolve(value);
    else if (value instanceof URL && value.protocol === 'file:') resolved = require('node:url').fileURLToPath(value);
    else if (Buffer.isBuffer(value)) resolved = path.resolve(value.toString('utf8'));
    else return undefined; // a file descriptor: its path was recorded when it was opened
    try {
        return realpath(resolved);
    } catch {
        // Not there (yet): the real path of its folder, and its name.
        try {
            return path.join(realpath(path.dirname(resolved)), path.basename(resolved));
        } catch {
            return resolved;
        }
    }
}

function spy(object, name, kind) {
    const original = object[name];
    if (typeof original !== 'function') return;
    const wrapped = function (...args) {
        const target = pathOf(args[0]);
        if (target !== undefined) records.push(`${kind(args)}\t${target}`);
        return original.apply(this, args);
    };
    Object.assign(wrapped, original); // realpathSync.native and friends
    object[name] = wrapped;
}

const read = () => 'read';
const write = () => 'write';
const openKind = (args) => {
    const flags = args[1];
    const writing = typeof flags === 'number'
        ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0
        : typeof flags === 'string' && /[wa+]/.test(flags);
    return writing ? 'write' : 'read';
};

// Reading a file's bytes or a folder's entries is a read; asking where a link leads or whether a
// path exists is metadata, recorded apart (deciding not to follow a link needs it).
const metadata = () => 'stat';
for (const name of ['readFileSync', 'readdirSync', 'opendirSync', 'readFile', 'readdir', 'opendir', 'createReadStream']) spy(fs, name, read);
for (const name of ['statSync', 'lstatSync', 'realpathSync', 'existsSync', 'accessSync', 'stat', 'lstat', 'realpath', 'access']) spy(fs, name, metadata);
for (const name of ['openSync', 'open']) spy(fs, name, openKind);
for (const name of ['writeFileSync', 'appendFileSync', 'renameSync', 'linkSync', 'unlinkSync', 'mkdirSync', 'rmSync', 'rmdirSync',
    'copyFileSync', 'symlinkSync', 'chmodSync', 'truncateSync', 'writeFile', 'appendFile', 'rename', 'link', 'unlink', 'mkdir',
    'rm', 'rmdir', 'copyFile', 'symlink', 'chmod', 'truncate', 'createWriteStream']) spy(fs, name, write);
for (const name of ['readFile', 'readdir', 'opendir']) spy(fs.promises, name, read);
for (const name of ['stat', 'lstat', 'realpath', 'access']) spy(fs.promises, name, metadata);
spy(fs.promises, 'open', openKind);
for (const name of ['writeFile', 'appendFile', 'rename', 'link', 'unlink', 'mkdir', 'rm', 'rmdir', 'copyFile', 'symlink', 'chmod']) spy(fs.promises, name, write);

function forbid(moduleName, names, kind) {
    const module = require(moduleName);
    for (const name of names) {
        if (typeof module[name] !== 'function') continue;
        module[name] = function () {
            records.push(`${kind}\t${moduleName}.${name}`);
            throw new Error(`side-effect probe: ${moduleName}.${name} is not allowed`);
        };
    }
}

forbid('node:child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'process');
forbid('node:net', ['connect', 'createConnection', 'createServer'], 'network');
forbid('node:tls', ['connect'], 'network');
forbid('node:http', ['request', 'get', 'createServer'], 'network');
forbid('node:https', ['request', 'get', 'createServer'], 'network');
forbid('node:http2', ['connect'], 'network');
forbid('node:dgram', ['createSocket'], 'network');
forbid('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6'], 'network');
globalThis.fetch = function () {
    records.push('network\tfetch');
    throw new Error('side-effect probe: fetch is not allowed');
};

process.on('exit', () => {
    if (logFile) writeLog(logFile, records.join('\n'));
});
