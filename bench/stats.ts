/** Summaries of repeated measurements: the median and the 95th percentile, never the mean. */
export interface Summary {
    readonly n: number;
    readonly median: number;
    readonly p95: number;
    readonly min: number;
    readonly max: number;
}

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
    if (samples.length === 0) return Number.NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
    return {
        n: samples.length,
        median: percentile(samples, 50),
        p95: percentile(samples, 95),
        min: samples.length > 0 ? Math.min(...samples) : Number.NaN,
        max: samples.length > 0 ? Math.max(...samples) : Number.NaN
    };
}

/** Milliseconds for tables: one decimal below 100, none above. */
export function formatMs(ms: number): string {
    if (!Number.isFinite(ms)) return '—';
    return ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes)) return '—';
    if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
    return `${bytes} B`;
}

export function formatCount(n: number): string {
    if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1)}M`;
    if (n >= 1_000) return `${(n / 1_000).toFixed(n % 1_000 === 0 ? 0 : 1)}k`;
    return String(n);
}
