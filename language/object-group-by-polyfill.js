// Node 20 lacks `Object.groupBy`, which Chevrotain 13 (under Langium 4.4) calls while it builds
// the parser. Importing this module for its side effect installs a spec-conforming version; on a
// Node that has one it does nothing. Plain JavaScript so that one file serves every entry point:
// `node --import` for langium-cli, the vitest setup, and the CLI and server bundles.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        value(items, keySelector) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keySelector(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        },
        writable: true,
        configurable: true
    });
}
