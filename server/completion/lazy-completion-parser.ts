import type { LangiumCompletionParser, LangiumCoreServices } from 'langium';
import { createCompletionParser } from 'langium';

/**
 * Langium's completion parser, built on the first completion request instead of when the
 * completion provider is constructed. The provider is constructed while the server answers
 * `initialize` (its trigger characters are part of the result) and reads this service in its
 * constructor; building a second Chevrotain parser there was ~25 ms of every server start and
 * of the wait for the first diagnostics, for a feature many sessions never use.
 *
 * The stand-in forwards every property to the real parser once built. Until then it answers
 * symbol keys with `undefined` without building: Langium's `eagerLoad` probes every service for
 * its proxy marker symbol, which must not count as a use.
 */
export function createLazyCompletionParser(
    services: LangiumCoreServices,
    build: (services: LangiumCoreServices) => LangiumCompletionParser = createCompletionParser
): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const real = (): LangiumCompletionParser => (parser ??= build(services));
    return new Proxy({} as LangiumCompletionParser, {
        get(_target, key) {
            if (parser === undefined && typeof key === 'symbol') return undefined;
            const target = real();
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
        },
        has: (_target, key) => Reflect.has(real(), key)
    });
}
