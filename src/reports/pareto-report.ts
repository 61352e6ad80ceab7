/**
 * The Pareto of the overdue amount (issue 11, docs/formulas.md « Pareto »): per currency, the
 * fewest customers or invoices that carry at least 80 % of what was overdue on a date (open
 * and past due, as the ledger stood that day), and the largest overdue invoices the
 * dashboard lists.
 *
 * The ledger answers every overdue amount in one statement — each invoice's with its number
 * and due date, or each customer's sum — and the pure rule (`paretoSets`) chooses the set;
 * only the lines shown are then named. Reading every amount is one scan of the open items, where
 * pages largest first would each scan them again: there is no index on an amount open on a
 * past date.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import {
  listAgedItems,
  listOverdueByCustomer,
  listOverdueInvoices,
  type AgedItem,
} from '../ledger/aged-items.ts';
import { labelCustomers } from '../ledger/customer-labels.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { Cents } from '../shared/money.ts';
import { daysPastDue } from './aging.ts';
import { paretoSets, type ParetoItem, type ParetoSet } from './pareto.ts';
import { checkReportRequest } from './report-request.ts';

/** What the Pareto counts: customers (their overdue invoices summed) or invoices. */
export const PARETO_OF = ['customers', 'invoices'] as const;
export type ParetoOf = (typeof PARETO_OF)[number];

/** The share asked by default, in percent (`DEFAULT_PARETO_SHARE_BPS`). */
export const DEFAULT_PARETO_SHARE_PERCENT = 80;

/** A line of the Pareto: a customer, or an invoice with its customer. */
export type ParetoLine = {
  id: string;
  overdueCents: Cents;
  customer: { id: string; code: string; name: string };
  /** The invoice's own figures; null on a line of customers. */
  invoice: { number: string; dueDate: CalendarDate; daysPastDue: number } | null;
};

export type ParetoCurrency = {
  currency: string;
  totalCents: Cents;
  coveredCents: Cents;
  /** `coveredCents` ÷ `totalCents`, in percent, one decimal. */
  sharePercent: number;
  /** How many lines the set has, and how many were overdue in all. */
  setCount: number;
  itemCount: number;
  /** The set's first `limit` lines, largest first. */
  lines: ParetoLine[];
};

export type ParetoReport = {
  asOf: CalendarDate;
  of: ParetoOf;
  /** The share asked, in percent. */
  share: number;
  currencies: ParetoCurrency[];
};

export type ParetoInput = {
  asOf?: CalendarDate | undefined;
  currency?: string | undefined;
  of?: ParetoOf | undefined;
  /** In whole percent, 1 to 100 (80 by default). */
  share?: number | undefined;
  /** The most lines shown per currency; the counts and amounts cover the whole set. */
  limit: number;
};

/**
 * The Pareto set of each currency as of `input.asOf` (`ledger:read`). 400 `report_invalid`
 * with every issue at once: the reports' date and currency, a share not a whole number from
 * 1 to 100 (`pareto_share_out_of_range`). Two statements past the checks: the amounts (an
 * invoice's with its own figures), the shown lines' customers' names.
 */
export async function paretoReport(
  deps: Deps,
  ctx: Ctx,
  input: ParetoInput,
): Promise<ParetoReport> {
  requirePermission(ctx, 'ledger:read');
  const share = input.share ?? DEFAULT_PARETO_SHARE_PERCENT;
  const of = input.of ?? 'customers';
  const issues: Issue[] =
    Number.isSafeInteger(share) && share >= 1 && share <= 100
      ? []
      : [fieldIssue('share', 'pareto_share_out_of_range', { share })];
  const asOf = await checkReportRequest(deps, ctx, input, issues);
  const currencies =
    of === 'customers'
      ? await paretoCurrencies(
          await listOverdueByCustomer(deps.db, ctx, { asOf, currency: input.currency }),
          { share, limit: input.limit },
          (shown) => customerLines(deps, ctx, shown),
        )
      : await paretoCurrencies(
          (await listOverdueInvoices(deps.db, ctx, { asOf, currency: input.currency })).map(
            (invoice) => ({ ...invoice, amountCents: invoice.openCents }),
          ),
          { share, limit: input.limit },
          (shown) => invoiceLines(deps, ctx, asOf, shown),
        );
  return { asOf, of, share, currencies };
}

/**
 * The Pareto set of each currency (`paretoSets`) as the report shows it: its first `limit`
 * items as lines, all named in one question (`linesOf`), and the counts and amounts of
 * the whole set.
 */
async function paretoCurrencies<T extends ParetoItem>(
  items: readonly T[],
  options: { share: number; limit: number },
  linesOf: (shown: T[]) => Promise<ParetoLine[]>,
): Promise<ParetoCurrency[]> {
  const sets = paretoSets(items, options.share * 100);
  const shownOf = (set: ParetoSet<T>) => set.items.slice(0, options.limit);
  const lines = new Map((await linesOf(sets.flatMap(shownOf))).map((line) => [line.id, line]));
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.amountCents > 0) {
      counts.set(item.currency, (counts.get(item.currency) ?? 0) + 1);
    }
  }
  return sets.map((set) => ({
    currency: set.currency,
    totalCents: set.totalCents,
    coveredCents: set.coveredCents,
    sharePercent: set.sharePercent,
    setCount: set.items.length,
    itemCount: counts.get(set.currency) ?? 0,
    lines: shownOf(set).flatMap((item) => {
      const line = lines.get(item.id);
      return line === undefined ? [] : [line];
    }),
  }));
}

/**
 * The largest invoices overdue on `input.asOf` (the company's today by default), largest
 * first, at most `limit` of them, in one currency or all — the dashboard's list. The same
 * refusals as the aged balance's date and currency.
 */
export async function largestOverdueInvoices(
  deps: Deps,
  ctx: Ctx,
  input: { asOf?: CalendarDate | undefined; currency?: string | undefined; limit: number },
): Promise<ParetoLine[]> {
  requirePermission(ctx, 'ledger:read');
  const asOf = await checkReportRequest(deps, ctx, input);
  const read = await listAgedItems(
    deps.db,
    ctx,
    { asOf, thresholds: [], column: { column: 'overdue' }, currency: input.currency },
    { sort: 'open', limit: input.limit, offset: 0 },
  );
  return invoiceLines(deps, ctx, asOf, read.items);
}

/** Overdue invoices as lines: their figures on `asOf` and their customers, named at once. */
async function invoiceLines(
  deps: Deps,
  ctx: Ctx,
  asOf: CalendarDate,
  invoices: readonly AgedItem[],
): Promise<ParetoLine[]> {
  const items = await labelCustomers(deps, deps.db, ctx, invoices);
  return items.map((item) => {
    // Overdue documents are invoices, which have a due date.
    const dueDate = item.dueDate ?? asOf;
    return {
      id: item.id,
      overdueCents: item.openCents,
      customer: { id: item.customerId, code: item.customerCode, name: item.customerName },
      invoice: { number: item.number, dueDate, daysPastDue: daysPastDue(dueDate, asOf) },
    };
  });
}

/** Customers' overdue amounts as lines, named by the customers in one question. */
async function customerLines(
  deps: Deps,
  ctx: Ctx,
  items: readonly { id: string; amountCents: Cents }[],
): Promise<ParetoLine[]> {
  const labels = await deps.customers.namesOf(
    deps.db,
    ctx,
    items.map((item) => item.id),
  );
  return items.map((item) => {
    const label = labels.get(item.id);
    return {
      id: item.id,
      overdueCents: item.amountCents,
      customer: { id: item.id, code: label?.code ?? '', name: label?.name ?? '' },
      invoice: null,
    };
  });
}
