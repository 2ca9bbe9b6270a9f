/**
 * The budgets of the speed issue, as checks over a run's figures. The full run checks the
 * budgets themselves; the quick run (CI, `npm run test:all`) checks gross multiples of them and
 * size-scaling ratios, loose enough for a loaded 2-core runner and tight enough to catch a
 * regression of kind rather than degree (quadratic work, a cache that stopped hitting, a
 * provider that recomputes every score).
 */
import type { BundleFigure } from './bundle-bench.js';
import type { CliFigure, PhaseSplit } from './cli-bench.js';
import type { LspFigure, StartupFigure } from './lsp-bench.js';
import type { Summary } from './stats.js';
import { formatBytes, formatMs } from './stats.js';

export interface Figures {
    readonly cli: readonly CliFigure[];
    readonly smallCheck: { readonly wallMs: Summary; readonly failure?: string };
    readonly scaling: ReadonlyArray<{ readonly lines: number; readonly split: PhaseSplit }>;
    readonly lsp: readonly LspFigure[];
    readonly startup: StartupFigure;
    readonly bundles: BundleFigure;
}

export interface Check {
    readonly id: string;
    readonly figure: string;
    readonly budget: string;
    readonly measured: string;
    readonly passed: boolean;
}

const MIB = 1024 * 1024;

function check(id: string, figure: string, budget: string, measured: string, passed: boolean): Check {
    return { id, figure, budget, measured, passed };
}

function p50p95(s: Summary | undefined): string {
    return s ? `${formatMs(s.median)} / ${formatMs(s.p95)} ms` : 'not bound';
}

/** Cost growth against size growth: 1.0 is linear, 2.0 twice linear. */
export function scalingExcess(small: number, large: number, smallSize: number, largeSize: number): number {
    return large / small / (largeSize / smallSize);
}

function lspAt(figures: Figures, lines: number): LspFigure | undefined {
    return figures.lsp.find((f) => Math.abs(f.lines - lines) / lines < 0.1);
}

function scalingChecks(figures: Figures, limit: number): Check[] {
    const checks: Check[] = [];
    // atm check as a process (Node start-up included, so small sizes look cheap), single files
    // and workspaces separately, on median CPU time.
    for (const kind of ['single', 'workspace']) {
        const runs = figures.cli.filter((f) => f.fixture.name.startsWith(kind) && !f.failure).sort((a, b) => a.fixture.lines - b.fixture.lines);
        for (let i = 1; i < runs.length; i++) {
            const [a, b] = [runs[i - 1]!, runs[i]!];
            const excess = scalingExcess(a.cpuMs.median, b.cpuMs.median, a.fixture.lines, b.fixture.lines);
            checks.push(check(`scaling-cli-${a.fixture.name}-${b.fixture.name}`, `atm check CPU, ${a.fixture.name} → ${b.fixture.name}`,
                `cost ≤ ${limit}× linear`, `${excess.toFixed(2)}× linear`, excess <= limit));
        }
    }
    const sorted = [
        ...figures.scaling,
        ...figures.cli.flatMap((f) => (f.inProcess && f.fixture.name.startsWith('single') ? [{ lines: f.fixture.lines, split: f.inProcess }] : []))
    ].sort((a, b) => a.lines - b.lines);
    for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]!, sorted[i]!];
        const excess = scalingExcess(a.split.total.median, b.split.total.median, a.lines, b.lines);
        checks.push(check(`scaling-check-${a.lines}-${b.lines}`, `full check in-process (warm), ${a.lines} → ${b.lines} lines`,
            `cost ≤ ${limit}× linear`, `${excess.toFixed(2)}× linear`, excess <= limit));
    }
    const lsp = [...figures.lsp].sort((a, b) => a.lines - b.lines);
    for (let i = 1; i < lsp.length; i++) {
        const [a, b] = [lsp[i - 1]!, lsp[i]!];
        const excess = scalingExcess(a.keystrokeToDiagnosticsMs.median, b.keystrokeToDiagnosticsMs.median, a.lines, b.lines);
        checks.push(check(`scaling-keystroke-${a.lines}-${b.lines}`, `keystroke → diagnostics, ${a.lines} → ${b.lines} lines`,
            `cost ≤ ${limit}× linear`, `${excess.toFixed(2)}× linear`, excess <= limit));
    }
    return checks;
}

function failures(figures: Figures): Check[] {
    const broken = figures.cli.filter((f) => f.failure);
    const all = [...broken.map((f) => `${f.fixture.name}: ${f.failure}`), ...(figures.smallCheck.failure ? [`small: ${figures.smallCheck.failure}`] : [])];
    return [check('cli-runs-clean', 'atm check exits 0 on every generated model', 'no failure', all.length === 0 ? 'all clean' : all.join('; '), all.length === 0)];
}

/** The budgets, checked on a full run. */
export function fullChecks(figures: Figures): Check[] {
    const checks = failures(figures);
    const ws100k = figures.cli.find((f) => f.fixture.name === 'workspace-100k');
    if (ws100k) {
        checks.push(check('cli-ratio-100k', 'atm check / floor, 100k-line workspace (wall)', '≤ 1.5',
            `${ws100k.ratioWall.toFixed(2)} (CPU ${ws100k.ratioCpu.toFixed(2)})`, ws100k.ratioWall <= 1.5));
        checks.push(check('cli-throughput-100k', 'atm check throughput, 100k-line workspace', '≥ 100k lines/s',
            `${Math.round(ws100k.linesPerSecond / 1000)}k lines/s`, ws100k.linesPerSecond >= 100_000));
    }
    checks.push(check('cli-small', 'atm check of the seed card, wall incl. Node start-up', '≤ 300 ms',
        p50p95(figures.smallCheck.wallMs), figures.smallCheck.wallMs.median <= 300));
    const lsp5k = lspAt(figures, 5000);
    if (lsp5k) {
        const d = lsp5k.keystrokeToDiagnosticsMs;
        checks.push(check('keystroke-diagnostics-5k', 'keystroke → diagnostics, 5k lines', 'p50 ≤ 100, p95 ≤ 200 ms', p50p95(d), d.median <= 100 && d.p95 <= 200));
        const l = lsp5k.keystrokeToCodeLensMs;
        checks.push(check('keystroke-codelens-5k', 'keystroke → code lenses, 5k lines', 'p50 ≤ 100, p95 ≤ 200 ms', p50p95(l), !!l && l.median <= 100 && l.p95 <= 200));
        checks.push(check('hover-5k', 'hover, 5k lines', 'p50 ≤ 5 ms', p50p95(lsp5k.hoverMs), !!lsp5k.hoverMs && lsp5k.hoverMs.median <= 5));
        checks.push(check('codelens-5k', 'code lens request, 5k lines', 'p50 ≤ 5 ms', p50p95(lsp5k.codeLensMs), !!lsp5k.codeLensMs && lsp5k.codeLensMs.median <= 5));
    }
    checks.push(check('initialize', 'server spawn → initialize result', '≤ 300 ms', p50p95(figures.startup.initializeMs), figures.startup.initializeMs.median <= 300));
    const lsp30k = lspAt(figures, 30000);
    if (lsp30k?.heapUsedBytes !== undefined) {
        checks.push(check('heap-30k', 'server heap with a 30k-line file open (after GC)', '≤ 300 MiB', formatBytes(lsp30k.heapUsedBytes), lsp30k.heapUsedBytes <= 300 * MIB));
    }
    const vsix = figures.bundles.vsixBytes;
    checks.push(check('vsix', 'VSIX size (minified bundles)', '≤ 2 MB', vsix === undefined ? `not packed: ${figures.bundles.vsixError}` : formatBytes(vsix),
        vsix !== undefined && vsix <= 2_000_000));
    return [...checks, ...scalingChecks(figures, 1.25)];
}

/** Gross multiples of the budgets, for the quick run inside `npm run test:all`. */
export function quickChecks(figures: Figures): Check[] {
    const checks = failures(figures);
    const ws = figures.cli.find((f) => f.fixture.name.startsWith('workspace-'));
    if (ws) {
        // CPU time: on a loaded runner wall time says more about the neighbours than about us.
        checks.push(check('quick-cli-ratio', `atm check / floor, ${ws.fixture.name} (CPU)`, '≤ 3 (budget 1.5)', ws.ratioCpu.toFixed(2), ws.ratioCpu <= 3));
    }
    checks.push(check('quick-cli-small', 'atm check of the seed card (wall)', '≤ 2000 ms (budget 300)', p50p95(figures.smallCheck.wallMs),
        figures.smallCheck.wallMs.median <= 2000));
    const lsp5k = lspAt(figures, 5000);
    if (lsp5k) {
        const d = lsp5k.keystrokeToDiagnosticsMs;
        checks.push(check('quick-keystroke-5k', 'keystroke → diagnostics, 5k lines', 'p50 ≤ 600 ms (budget 100)', p50p95(d), d.median <= 600));
        if (lsp5k.keystrokeToCodeLensMs) {
            const l = lsp5k.keystrokeToCodeLensMs;
            checks.push(check('quick-keystroke-lens-5k', 'keystroke → code lenses, 5k lines', 'p50 ≤ 600 ms (budget 100)', p50p95(l), l.median <= 600));
        }
        if (lsp5k.hoverMs) {
            checks.push(check('quick-hover-5k', 'hover, 5k lines', 'p50 ≤ 50 ms (budget 5)', p50p95(lsp5k.hoverMs), lsp5k.hoverMs.median <= 50));
        }
        if (lsp5k.codeLensMs) {
            checks.push(check('quick-codelens-5k', 'code lens request, 5k lines', 'p50 ≤ 50 ms (budget 5)', p50p95(lsp5k.codeLensMs), lsp5k.codeLensMs.median <= 50));
        }
        if (lsp5k.heapUsedBytes !== undefined) {
            checks.push(check('quick-heap-5k', 'server heap, 5k-line file open', '≤ 150 MiB', formatBytes(lsp5k.heapUsedBytes), lsp5k.heapUsedBytes <= 150 * MIB));
        }
    }
    checks.push(check('quick-initialize', 'server spawn → initialize result', '≤ 1500 ms (budget 300)', p50p95(figures.startup.initializeMs),
        figures.startup.initializeMs.median <= 1500));
    const vsix = figures.bundles.vsixBytes;
    checks.push(check('quick-vsix', 'VSIX size (minified bundles)', '≤ 2 MB', vsix === undefined ? `not packed: ${figures.bundles.vsixError}` : formatBytes(vsix),
        vsix !== undefined && vsix <= 2_000_000));
    // Linear is 1.0; quadratic work shows as ~10 at these sizes, so 2.5 leaves room for noise.
    return [...checks, ...scalingChecks(figures, 2.5)];
}
