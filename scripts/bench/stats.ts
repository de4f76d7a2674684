// Small measurement helpers for `npm run bench` (scripts/bench.ts). Pure: no I/O.

/** The p-th percentile (0–100) of samples, nearest-rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export type Verdict = 'met' | 'missed' | 'info';

/** Whether a figure meets its target; `atMost` for latencies and sizes, `atLeast` for rates. */
export function verdict(value: number, target: { atMost?: number; atLeast?: number } | undefined): Verdict {
  if (!target || !Number.isFinite(value)) return 'info';
  if (target.atMost !== undefined) return value <= target.atMost ? 'met' : 'missed';
  return value >= target.atLeast! ? 'met' : 'missed';
}

/** "+40 %" over a target (for a latency) or "−40 %" under it (for a rate): how far off a missed target is. */
export function shortfall(value: number, target: { atMost?: number; atLeast?: number }): string {
  const limit = target.atMost ?? target.atLeast!;
  const pct = Math.round(((value - limit) / limit) * 100);
  return `${pct > 0 ? '+' : ''}${pct} %`;
}
