/**
 * The invoicing lag (issue 12, docs/credit.md « Invoicing lag »): the days between an order's
 * delivery and the issue of its invoice. « A 30-day term is worth nothing if you invoice once
 * a month »: the invoice date starts the payment clock, so every day between delivery and
 * invoice is a day of credit given for nothing.
 *
 * Pure: the sums come from one grouped statement (`order-store.ts`), whatever the period.
 */

/** The lag's bands, in days (upper bounds, inclusive; the last is open). */
export const LAG_BANDS = [2, 7, 15, 30] as const;

/** What one group (a customer, or all) sums over its links. */
export type LagSums = {
  links: number;
  /** Σ (invoice day − delivery day), in days. */
  totalDays: number;
  /** Links per band of `LAG_BANDS`, then over the last: `LAG_BANDS.length + 1` counts. */
  bands: readonly number[];
};

export type LagFigures = {
  links: number;
  /** The mean lag in days, to a tenth (half away from zero); null without a link. */
  meanDays: number | null;
  bands: { upToDays: number | null; links: number }[];
};

/** The mean in tenths of a day, rounded half up: 7 links over 10 days say 1.4. */
export function lagFigures(sums: LagSums): LagFigures {
  return {
    links: sums.links,
    meanDays: sums.links === 0 ? null : Math.round((sums.totalDays * 10) / sums.links) / 10,
    bands: [...LAG_BANDS, null].map((upToDays, index) => ({
      upToDays,
      links: sums.bands[index] ?? 0,
    })),
  };
}

/** The portfolio's sums: every group's added. */
export function addLagSums(groups: readonly LagSums[]): LagSums {
  return {
    links: groups.reduce((sum, group) => sum + group.links, 0),
    totalDays: groups.reduce((sum, group) => sum + group.totalDays, 0),
    bands: [...LAG_BANDS, null].map((_, index) =>
      groups.reduce((sum, group) => sum + (group.bands[index] ?? 0), 0),
    ),
  };
}
