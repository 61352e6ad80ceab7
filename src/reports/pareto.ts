/**
 * The Pareto view of the overdue amount (*les 20 / 80*): the fewest customers or invoices
 * that carry at least 80 % of it, so collectors know where the money is
 * (docs/formulas.md, "Pareto").
 *
 * Pure (HOUSE_STYLE §3).
 */
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import { sharePercent } from './rounding.ts';

/** The share of the overdue amount the Pareto set reaches at least, in basis points: 80 %. */
export const DEFAULT_PARETO_SHARE_BPS = 8_000;

/** What the Pareto needs of an item (a customer's or an invoice's overdue amount). */
export type ParetoItem = {
  readonly id: string;
  readonly currency: string;
  readonly amountCents: Cents;
};

/**
 * The Pareto set of one currency: `items`, largest first, carry `coveredCents` of the
 * `totalCents` overdue, `sharePercent` of it (one decimal), at least the share asked for.
 */
export type ParetoSet<T extends ParetoItem> = {
  readonly currency: string;
  readonly items: readonly T[];
  readonly coveredCents: Cents;
  readonly totalCents: Cents;
  readonly sharePercent: number;
};

/**
 * For each currency (sorted), the smallest set of items whose amounts reach at least
 * `shareBps` of that currency's total (80 % by default): items taken largest first, equal
 * amounts in the order of their `id`, so the same ledger always gives the same set.
 * Items of zero or less are left out; a currency with nothing overdue has no set.
 */
export function paretoSets<T extends ParetoItem>(
  items: readonly T[],
  shareBps: number = DEFAULT_PARETO_SHARE_BPS,
): ParetoSet<T>[] {
  if (!Number.isSafeInteger(shareBps) || shareBps <= 0 || shareBps > 10_000) {
    throw new RangeError(`A Pareto share is 1 to 10 000 basis points: ${shareBps}`);
  }
  const positive = items.filter((item) => item.amountCents > 0);
  const currencies = [...new Set(positive.map((item) => item.currency))].sort();
  return currencies.map((currency) => {
    const own = positive
      .filter((item) => item.currency === currency)
      .sort((a, b) => b.amountCents - a.amountCents || compareIds(a.id, b.id));
    const total = own.reduce((sum, item) => addCents(sum, item.amountCents), ZERO_CENTS);
    // covered / total ≥ shareBps / 10 000, compared in integers.
    const target = BigInt(total) * BigInt(shareBps);
    const chosen: T[] = [];
    let covered = ZERO_CENTS;
    for (const item of own) {
      if (BigInt(covered) * 10_000n >= target) {
        break;
      }
      chosen.push(item);
      covered = addCents(covered, item.amountCents);
    }
    return {
      currency,
      items: chosen,
      coveredCents: covered,
      totalCents: total,
      sharePercent: sharePercent(BigInt(covered), BigInt(total)) ?? 0,
    };
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
