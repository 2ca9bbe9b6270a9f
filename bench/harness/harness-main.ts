// The in-process harness (bundled to out/bench/harness.cjs): runs the language library directly,
// without the CLI or the server around it, and prints one JSON line on stdout.
//
//   floor  <reps> <paths…>   bare Langium lexing + parsing (no document, no linking, no validation)
//   phases <reps> <paths…>   the full check, phase by phase, with the floor measured in between
//   edits  <reps> <file>     the server's keystroke path: update, code lenses, hover (edit-harness)
//
// Paths are files or folders (searched for *.tm). The first repetition includes building the
// Chevrotain parser and JIT warm-up; it is reported separately as `first`.
import '../../language/object-group-by-polyfill.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createThreatModelServices } from '../../language/threat-model-module.js';
import { runEdits } from './edit-harness.js';

interface Source {
    readonly path: string;
    readonly text: string;
}

const PHASES = [
    ['indexedContent', DocumentState.IndexedContent],
    ['computedScopes', DocumentState.ComputedScopes],
    ['linked', DocumentState.Linked],
    ['indexedReferences', DocumentState.IndexedReferences],
    ['validated', DocumentState.Validated]
] as const;

type PhaseName = 'parse' | (typeof PHASES)[number][0];
type PhaseTimes = Record<PhaseName, number> & { total: number; cpu: number; scoring: number; diagnostics: number };

function collect(paths: readonly string[]): Source[] {
    const files: string[] = [];
    const visit = (path: string): void => {
        if (statSync(path).isDirectory()) {
            for (const name of readdirSync(path).sort()) visit(join(path, name));
        } else if (path.endsWith('.tm')) {
            files.push(path);
        }
    };
    paths.forEach(visit);
    return files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

function floorOnce(services: ReturnType<typeof createThreatModelServices>['ThreatModel'], sources: readonly Source[]): { wall: number; cpu: number } {
    const parser = services.parser.LangiumParser;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let nodes = 0;
    // With ATM_BENCH_FLOOR_RETAIN=1 every result is kept until the end, as a checker keeps its
    // documents: shows what keeping the trees alive costs in garbage collection.
    const retained: unknown[] = [];
    for (const source of sources) {
        const result = parser.parse(source.text);
        // Touch the result so the work cannot be skipped.
        nodes += result.lexerErrors.length + result.parserErrors.length + (result.value ? 1 : 0);
        if (process.env.ATM_BENCH_FLOOR_RETAIN) retained.push(result);
    }
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (nodes < sources.length) throw new Error('floor: a parse returned no model');
    return { wall: elapsed, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Wall and CPU milliseconds since the process started; CPU time is what a loaded machine distorts least. */
function now(): { wall: number; cpu: number } {
    const cpu = process.cpuUsage();
    return { wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000 };
}

async function phasesOnce(services: ReturnType<typeof createThreatModelServices>['ThreatModel'], sources: readonly Source[], rep: number): Promise<PhaseTimes> {
    const shared = services.shared;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const marks: Partial<Record<PhaseName, { wall: number; cpu: number }>> = {};
    const disposables = PHASES.map(([name, state]) => builder.onBuildPhase(state, () => void (marks[name] = now())));
    const start = now();
    const docs: LangiumDocument[] = sources.map((source, i) => {
        const document = factory.fromString(source.text, URI.parse(`memory:///rep${rep}/${i}.tm`));
        documents.addDocument(document);
        return document;
    });
    marks.parse = now();
    await builder.build(docs, { validation: true });
    const built = now();
    // The CLI reads every score after the build; here too, so scoring is never skipped.
    let diagnostics = 0;
    for (const document of docs) {
        services.scoring.ModelScorer.scoreDocument(document);
        diagnostics += document.diagnostics?.length ?? 0;
    }
    const scored = now();
    disposables.forEach((d) => d.dispose());
    // Through the builder, so the index forgets them too (its symbols hold the old trees).
    await builder.update([], docs.map((document) => document.uri));
    const times: Record<string, number> = { total: scored.wall - start.wall, cpu: scored.cpu - start.cpu };
    let previous = start;
    for (const name of ['parse', ...PHASES.map(([n]) => n)] as PhaseName[]) {
        const mark = marks[name] ?? previous;
        times[name] = mark.wall - previous.wall;
        times[`${name}Cpu`] = mark.cpu - previous.cpu;
        previous = mark;
    }
    return { ...times, scoring: scored.wall - built.wall, diagnostics } as PhaseTimes;
}

async function main(): Promise<void> {
    const [mode, repsText, ...paths] = process.argv.slice(2);
    const reps = Number(repsText);
    if ((mode !== 'floor' && mode !== 'phases' && mode !== 'edits') || !Number.isInteger(reps) || reps < 1 || paths.length === 0) {
        process.stderr.write('usage: harness.cjs floor|phases|edits <reps> <paths…>\n');
        process.exitCode = 2;
        return;
    }
    if (mode === 'edits') {
        process.stdout.write(`${JSON.stringify(await runEdits(reps, paths[0]!))}\n`);
        return;
    }
    const startedAt = performance.now();
    const sources = collect(paths);
    const { ThreatModel: services } = createThreatModelServices(EmptyFileSystem);
    const ready = performance.now();
    const runs: Array<Record<string, number>> = [];
    for (let rep = 0; rep < reps; rep++) {
        if (mode === 'floor') {
            const floor = floorOnce(services, sources);
            runs.push({ floor: floor.wall, floorCpu: floor.cpu });
        } else {
            const floor = floorOnce(services, sources);
            const phases = await phasesOnce(services, sources, rep);
            runs.push({ ...phases, floor: floor.wall, floorCpu: floor.cpu });
        }
    }
    const memory = process.memoryUsage();
    process.stdout.write(
        `${JSON.stringify({
            mode,
            files: sources.length,
            lines: sources.reduce((n, s) => n + countLines(s.text), 0),
            bytes: sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0),
            // Process start-up (Node, bundle load) until main ran, then reading files and services.
            bootMs: startedAt,
            setupMs: ready - startedAt,
            runs,
            heapUsedBytes: memory.heapUsed,
            rssBytes: memory.rss
        })}\n`
    );
}

function countLines(text: string): number {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return text.endsWith('\n') || text.length === 0 ? n : n + 1;
}

main().catch((error: unknown) => {
    process.stderr.write(`harness: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
});
