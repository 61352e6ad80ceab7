import type { Queryable } from '../db/client.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { MAX_TOTAL_CENTS, type Cents } from '../shared/money.ts';
import {
  findOpenTotalOverflows,
  openTotalKey,
  type OpenTotalAddition,
  type OpenTotalKind,
} from './model.ts';
import { sumOpenTotals } from './store.ts';

/** The variant of `total_too_large` that names each open total, in every language. */
const TOTAL_VARIANTS: Readonly<Record<OpenTotalKind, string>> = {
  invoice: 'open_invoices',
  credit_note: 'open_credit_notes',
  payment: 'unapplied_payments',
};

/**
 * Splits items about to be written into those that keep every open total of their
 * customer within `MAX_TOTAL_CENTS` and, for the others, an issue on their line
 * (`total_too_large`), so an import that would overflow is refused with its lines
 * rather than by the database's constraint, or by a list that can no longer sum.
 * Called inside the import's transaction, with the totals as they are there.
 */
export async function refuseOpenTotalOverflows<
  T extends { line?: number; customerId: string; currency: string; amountCents: Cents },
>(
  tx: Queryable,
  companyId: string,
  items: readonly T[],
  kindOf: (item: T) => OpenTotalKind,
): Promise<{ kept: T[]; issues: Issue[] }> {
  const stored = await sumOpenTotals(
    tx,
    companyId,
    items.map((item) => item.customerId),
  );
  const open = new Map(
    stored.map((row) => [openTotalKey(row.customerId, row.currency, row.kind), row.total]),
  );
  const additions = items.map((item): OpenTotalAddition & { item: T } => ({
    line: item.line,
    customerId: item.customerId,
    currency: item.currency,
    kind: kindOf(item),
    amount: item.amountCents,
    item,
  }));
  const overflows = new Set(findOpenTotalOverflows(open, additions));
  // `max` in minor units: the catalogue says it as money in the line's currency.
  const issues = [...overflows].map((addition) =>
    fieldIssue(
      'amount',
      'total_too_large',
      {
        currency: addition.currency,
        max: MAX_TOTAL_CENTS,
        context: TOTAL_VARIANTS[addition.kind],
      },
      addition.line,
    ),
  );
  return {
    kept: additions.filter((addition) => !overflows.has(addition)).map((addition) => addition.item),
    issues,
  };
}
