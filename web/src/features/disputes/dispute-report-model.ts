/**
 * The report's figures as the charts draw them. The server answers a row per group and
 * currency; a bar counts disputes, which add up across currencies, while amounts never do
 * (each stays with its currency, in the bar's tooltip line).
 */
import { ZDisputeAgeBucket, type TDisputeReport } from '../../../../src/disputes/report-schemas.ts';

/** One bar: its label, the disputes it counts, and its amounts by currency. */
export type CountBar = {
  key: string;
  label: string;
  count: number;
  amounts: { currency: string; amountCents: number }[];
};

type CountedRow = { count: number; amountCents: number; currency: string };

/**
 * Bars of `rows` grouped by `keyOf`, in the order the server ranked them (first seen first),
 * their counts summed and their amounts summed per currency.
 */
export function countBars<Row extends CountedRow>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  labelOf: (row: Row) => string,
): CountBar[] {
  const bars = new Map<string, CountBar>();
  for (const row of rows) {
    const key = keyOf(row);
    const bar = bars.get(key) ?? { key, label: labelOf(row), count: 0, amounts: [] };
    bar.count += row.count;
    const amount = bar.amounts.find((item) => item.currency === row.currency);
    if (amount === undefined) {
      bar.amounts.push({ currency: row.currency, amountCents: row.amountCents });
    } else {
      amount.amountCents += row.amountCents;
    }
    bars.set(key, bar);
  }
  return [...bars.values()];
}

/** The age classes in their own order (0-7 first), every class present even when empty. */
export function ageBars(rows: TDisputeReport['openByAge']): CountBar[] {
  const byBucket = countBars(
    rows,
    (row) => row.bucket,
    (row) => row.bucket,
  );
  return ZDisputeAgeBucket.options.map(
    (bucket) =>
      byBucket.find((bar) => bar.key === bucket) ?? {
        key: bucket,
        label: bucket,
        count: 0,
        amounts: [],
      },
  );
}
