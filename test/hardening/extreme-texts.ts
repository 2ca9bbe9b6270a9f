/** Large inputs for the hardening tests, built from the seed card so that they mean something. */
import { readFileSync } from 'node:fs';

export const MIB = 1024 * 1024;

const seedCard = readFileSync(new URL('../fixtures/example.tm', import.meta.url), 'utf8');
const seedAgent = seedCard.slice(seedCard.indexOf('agent Wan22S2V'));

/**
 * `n` copies of the seed card's agent (3.4 kB each, every construct but a header), renamed
 * `Agent<i>` with control `Sandbox<i>`, after one `aivss 0.8` header. Each scores 7.8.
 */
export function agentsText(n: number, first = 0): string {
    const parts = ['aivss 0.8\n\n'];
    for (let i = first; i < first + n; i++) {
        parts.push(seedAgent.replace('agent Wan22S2V', `agent Agent${i}`).replaceAll('UploadSandbox', `Sandbox${i}`), '\n');
    }
    return parts.join('');
}

/** The result of `run` and the seconds it took. */
export async function seconds<T>(run: () => Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await run();
    return [result, (performance.now() - started) / 1000];
}
