// Summarises V8 CPU profiles (`.cpuprofile`, as written by `node --cpu-prof` or
// `npm run bench -- --cpu-prof`): self and inclusive time per function, and the callers of one.
//
//   node out/bench/profile-summary.cjs <file.cpuprofile> [--top N] [--callers functionName]
import { readFileSync } from 'node:fs';

interface ProfileNode {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
}

interface Profile {
    readonly nodes: readonly ProfileNode[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

function label(node: ProfileNode): string {
    const frame = node.callFrame;
    const file = frame.url.split('/').slice(-2).join('/');
    return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function main(): void {
    // `| head` closes the pipe early; that is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
    });
    const args = process.argv.slice(2);
    const file = args[0];
    if (!file) {
        process.stderr.write('usage: profile-summary.cjs <file.cpuprofile> [--top N] [--callers NAME]\n');
        process.exitCode = 2;
        return;
    }
    const top = Number(args[args.indexOf('--top') + 1] ?? 25) || 25;
    const callersOf = args.includes('--callers') ? args[args.indexOf('--callers') + 1] : undefined;
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const sampled = new Map<number, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
        const dt = profile.timeDeltas[i] ?? 0;
        sampled.set(id, (sampled.get(id) ?? 0) + dt);
        total += dt;
    });
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const callers = new Map<string, number>();
    for (const [id, dt] of sampled) {
        const leaf = byId.get(id)!;
        self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
        const seen = new Set<string>();
        const stack: ProfileNode[] = [];
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
        for (const node of stack) {
            const key = label(node);
            if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
            seen.add(key);
        }
        const at = callersOf ? stack.findIndex((n) => n.callFrame.functionName === callersOf) : -1;
        if (at >= 0) {
            const chain = stack.slice(at, at + 6).map(label).join(' < ');
            callers.set(chain, (callers.get(chain) ?? 0) + dt);
        }
    }
    const print = (title: string, map: Map<string, number>, n: number): void => {
        process.stdout.write(`\n${title}\n`);
        for (const [key, dt] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
            process.stdout.write(`${(dt / 1000).toFixed(1).padStart(9)} ms ${((100 * dt) / total).toFixed(1).padStart(5)}%  ${key}\n`);
        }
    };
    process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n`);
    print('self time', self, top);
    print('inclusive time', inclusive, top * 2);
    if (callersOf) print(`callers of ${callersOf}`, callers, 12);
}

main();
