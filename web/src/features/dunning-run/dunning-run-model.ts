/**
 * The daily run's page, pure: the bars' widths, the reasons' words, the lines of a report
 * grouped as the collector reads them.
 */
import {
  HOLD_REASONS,
  RUN_COUNTS,
  type HoldReason,
  type RunCountName,
  type TRunCounts,
  type TRunReport,
} from './dunning-run-schemas.ts';

/** A reason the words know; one added on the server later reads as « autre raison ». */
export function holdReasonKey(reason: string): HoldReason | 'other' {
  return HOLD_REASONS.find((known) => known === reason) ?? 'other';
}

export type CountBar = { name: RunCountName; value: number; percent: number };

/**
 * Each count as a bar, as a share of the largest (0 to 100, whole percents); the largest
 * fills the row, a count of 0 has no bar, any other count at least 1 %.
 */
export function countBars(counts: TRunCounts): CountBar[] {
  const largest = Math.max(0, ...RUN_COUNTS.map((name) => counts[name]));
  return RUN_COUNTS.map((name) => {
    const value = counts[name];
    const percent =
      largest === 0 || value === 0 ? 0 : Math.max(1, Math.round((value * 100) / largest));
    return { name, value, percent };
  });
}

/** The held-back lines by reason, the reasons in the catalogue's order, with their invoices. */
export function heldBackByReason(
  heldBack: TRunReport['heldBack'],
): { reason: HoldReason | 'other'; lines: TRunReport['heldBack'] }[] {
  const order: readonly (HoldReason | 'other')[] = [...HOLD_REASONS, 'other'];
  const groups = new Map<HoldReason | 'other', TRunReport['heldBack']>();
  for (const line of heldBack) {
    const key = holdReasonKey(line.reason);
    const lines = groups.get(key);
    if (lines === undefined) {
      groups.set(key, [line]);
    } else {
      lines.push(line);
    }
  }
  return order.flatMap((reason) => {
    const lines = groups.get(reason);
    return lines === undefined ? [] : [{ reason, lines }];
  });
}
