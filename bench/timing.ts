/** Milliseconds of repeated runs of one operation, summarised. */
export type Sample = {
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
};

/** Nearest-rank percentile of sorted values (p95 of 20 runs is the 19th). */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export function summarise(durations: readonly number[]): Sample {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/** Wall-clock milliseconds of one call. */
export async function timeOnce<T>(operation: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await operation();
  return { ms: performance.now() - started, value };
}

/**
 * Runs `operation` `warmup` times untimed (plans cached, pages in memory, JIT warm),
 * then `runs` times one after the other, timed.
 */
export async function measure(
  operation: () => Promise<unknown>,
  options: { runs: number; warmup: number },
): Promise<Sample> {
  for (let index = 0; index < options.warmup; index++) {
    await operation();
  }
  const durations: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    durations.push((await timeOnce(operation)).ms);
  }
  return summarise(durations);
}
