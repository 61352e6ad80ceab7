/**
 * How the reports turn an exact ratio into the figure shown. Every report figure that is
 * not money (days, percentages) is computed as an exact ratio of integers (BigInt), then
 * rounded **once**, half away from zero (12,25 → 12,3; −12,25 → −12,3), so no float error
 * accumulates and the same inputs always show the same figure (docs/formulas.md, "Reports").
 *
 * Pure (HOUSE_STYLE §3).
 */

/** The decimal places a report figure keeps: whole days for dates, one decimal for the rest. */
export type ReportDecimals = 0 | 1;

/**
 * `numerator / denominator` rounded half away from zero to `decimals` places, as a number
 * (453n / 10n with 1 decimal → 45.3). The denominator must not be zero.
 */
export function roundRatio(
  numerator: bigint,
  denominator: bigint,
  decimals: ReportDecimals,
): number {
  if (denominator === 0n) {
    throw new RangeError('A report ratio cannot divide by zero');
  }
  const scale = decimals === 0 ? 1n : 10n;
  return Number(roundHalfAwayFromZero(numerator * scale, denominator)) / Number(scale);
}

/** `numerator / denominator` rounded half away from zero to an integer. */
function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const isNegative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = n / d + ((n % d) * 2n >= d ? 1n : 0n);
  return isNegative ? -magnitude : magnitude;
}

/**
 * `part / whole` as a percentage with one decimal (2 of 3 → 66.7); `null` when `whole`
 * is zero, since a share of nothing is not 0 %.
 */
export function sharePercent(part: bigint, whole: bigint): number | null {
  return whole === 0n ? null : roundRatio(part * 100n, whole, 1);
}
