/** Prints a run as tables and writes it as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Check, Figures } from './budgets.js';
import { formatBytes, formatCount, formatMs } from './stats.js';

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

const pair = (s: { median: number; p95: number } | undefined): [string, string] => (s ? [formatMs(s.median), formatMs(s.p95)] : ['—', '—']);

export function renderFigures(figures: Figures): string {
    const out: string[] = [];
    out.push('### 1–2. atm check vs the floor (bare lexing + parsing), processes incl. Node start-up');
    out.push(
        table(
            ['input', 'lines', 'MiB', 'check p50/p95 ms', 'lines/s', 'MB/s', 'peak RSS', 'floor p50 ms', 'floor lines/s', 'ratio wall', 'ratio CPU'],
            figures.cli.map((f) => [
                f.fixture.name,
                formatCount(f.fixture.lines),
                (f.fixture.bytes / 1024 / 1024).toFixed(1),
                pair(f.wallMs).join(' / '),
                `${formatCount(Math.round(f.linesPerSecond))}`,
                f.mbPerSecond.toFixed(2),
                formatBytes(f.maxRssBytes.median),
                formatMs(f.floorWallMs.median),
                formatCount(Math.round(f.floorLinesPerSecond)),
                f.failure ? `FAILED` : f.ratioWall.toFixed(2),
                f.failure ? f.failure.slice(0, 40) : f.ratioCpu.toFixed(2)
            ])
        )
    );
    const splits = [
        ...figures.cli.flatMap((f) => (f.inProcess ? [{ name: f.fixture.name, lines: f.fixture.lines, split: f.inProcess }] : [])),
        ...figures.scaling.map((s) => ({ name: `in-process ${formatCount(s.lines)}`, lines: s.lines, split: s.split }))
    ];
    if (splits.length > 0) {
        out.push('', '### In-process, warm: full check phase by phase (median ms) against the floor');
        out.push(
            table(
                ['input', 'parse', 'index', 'scopes', 'link', 'refs', 'validate', 'total p50/p95', 'floor', 'ratio', 'heap'],
                splits.map(({ name, split }) => [
                    name,
                    formatMs(split.phases.parse ?? 0),
                    formatMs(split.phases.indexedContent ?? 0),
                    formatMs(split.phases.computedScopes ?? 0),
                    formatMs(split.phases.linked ?? 0),
                    formatMs(split.phases.indexedReferences ?? 0),
                    formatMs(split.phases.validated ?? 0),
                    pair(split.total).join(' / '),
                    formatMs(split.floor.median),
                    split.ratio.toFixed(2),
                    formatBytes(split.heapUsedBytes)
                ])
            )
        );
    }
    out.push('', `Small model (seed card) one-file check, wall: p50 ${formatMs(figures.smallCheck.wallMs.median)} / p95 ${formatMs(figures.smallCheck.wallMs.p95)} ms`);
    out.push('', '### 3. Language server over LSP stdio (p50 / p95 ms)');
    out.push(
        table(
            ['lines', 'KiB', 'initialize', 'open → diags', 'key → diags', 'key → lenses', 'key → lens refresh*', 'burst → diags', 'hover', 'code lens', 'resolve a screen', 'lenses', 'heap'],
            figures.lsp.map((f) => [
                formatCount(f.lines),
                (f.bytes / 1024).toFixed(0),
                formatMs(f.initializeMs),
                pair(f.openToDiagnosticsMs).join(' / '),
                pair(f.keystrokeToDiagnosticsMs).join(' / '),
                pair(f.keystrokeToCodeLensMs).join(' / '),
                pair(f.keystrokeToLensRefreshMs).join(' / '),
                pair(f.burstToDiagnosticsMs).join(' / '),
                pair(f.hoverMs).join(' / '),
                pair(f.codeLensMs).join(' / '),
                pair(f.codeLensResolveMs).join(' / '),
                f.codeLensCount === undefined ? '—' : `${f.codeLensCount}${f.codeLensBytes === undefined ? '' : ` (${formatBytes(f.codeLensBytes)})`}`,
                f.heapUsedBytes === undefined ? '—' : formatBytes(f.heapUsedBytes)
            ])
        )
    );
    out.push('', '* includes the server\'s deliberate refresh debounce (CODE_LENS_REFRESH_DELAY_MS); VS Code then waits its own code-lens debounce (≥ 250 ms) before asking.');
    const st = figures.startup;
    out.push('', `Server cold start: spawn → initialize ${pair(st.initializeMs).join(' / ')} ms; → first diagnostics of the seed card ${pair(st.readyMs).join(' / ')} ms`);
    out.push('', '### 4. Bundles');
    out.push(
        table(
            ['bundle', 'as built', 'minified', 'minified+gzip'],
            figures.bundles.bundles.map((b) => [b.bundle, formatBytes(b.builtBytes), formatBytes(b.minifiedBytes), formatBytes(b.minifiedGzipBytes)])
        )
    );
    const b = figures.bundles;
    out.push(
        '',
        `VSIX (minified bundles): ${b.vsixBytes === undefined ? `not packed (${b.vsixError ?? 'skipped'})` : `${formatBytes(b.vsixBytes)}, ${b.vsixFiles} files`}; ` +
            `extension bundle require: ${pair(b.clientLoadMs).join(' / ')} ms; \`atm --version\`: ${pair(b.cliStartMs).join(' / ')} ms`
    );
    return out.join('\n');
}

export function renderChecks(checks: readonly Check[]): string {
    return table(
        ['check', 'figure', 'budget', 'measured', 'verdict'],
        checks.map((c) => [c.id, c.figure, c.budget, c.measured, c.passed ? 'ok' : 'OVER'])
    );
}

export function writeJson(path: string, value: unknown): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
