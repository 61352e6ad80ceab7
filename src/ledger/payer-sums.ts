/**
 * The ledger's side of the payer profile (*profil payeur*, issue 11, docs/formulas.md « Payer
 * profile »): per customer and currency, the sums the rule `paymentBehaviourOfSums`
 * (src/reports/payer-profile.ts) turns into figures, in one statement whatever the size of
 * the ledger; this door only sums, the figures and their rounding are the rule's.
 *
 * The parts it sums, as of a date D, are those of the invoices (not credit notes) issued on
 * or before D: each allocation (payment or credit note) live on D — made on or before D, not
 * undone on or before D — is a part settled on its `allocated_on`; what the invoice still had
 * open on D is one open part. A settled part counts from the window's first day on, with
 * days late = max(0, allocated_on − due date); an open part counts when overdue, to the day
 * it is counted to. What was open on D starts from what is open now (`open_cents`) and
 * undoes what changed after D, as the aged balance does (src/ledger/aged-balance.ts): as of
 * today that is a scan of the open items only.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';

/** The sums of a window (src/reports/payer-profile.ts `PaymentSums`), as the ledger gives them. */
export type PayerWindowSums = {
  customerId: string;
  currency: string;
  weightedDaysCents: bigint;
  amountCents: bigint;
  onTimeAmountCents: bigint;
  invoiceCount: number;
  onTimeInvoiceCount: number;
};

/** The sums of one month of the trend: what its weighted days late is computed from. */
export type PayerTrendSums = {
  customerId: string;
  currency: string;
  /** The month's first day. */
  month: CalendarDate;
  weightedDaysCents: bigint;
  amountCents: bigint;
};

/** Which parts: as of `asOf`, settled from `from` on; every customer's or `customerIds`'. */
export type PayerSumsScope = {
  asOf: CalendarDate;
  from: CalendarDate;
  /** Only these customers (one array parameter, whatever its length); all when absent. */
  customerIds?: readonly string[] | undefined;
  currency?: string | undefined;
};

/**
 * The parts as of `asOf` (see the file's comment): `paid_on` the allocation's date, null for
 * the open part. Settled parts dated before `from` are left out: they count in no window.
 */
function partsOf(ctx: Ctx, scope: PayerSumsScope): RawBuilder<unknown> {
  const companyId = ctx.companyId;
  const asOf = sql`${scope.asOf}::date`;
  const from = sql`${scope.from}::date`;
  const ofScope = sql`${
    scope.customerIds === undefined
      ? sql``
      : sql`AND i.customer_id = ANY(${[...scope.customerIds]}::uuid[])`
  } ${scope.currency === undefined ? sql`` : sql`AND i.currency = ${scope.currency}`}`;
  const invoice = sql`i.company_id = ${companyId} AND i.kind = 'invoice'
    AND i.issue_date <= ${asOf} ${ofScope}`;
  // Live on the date and dated in the window: never undone, or undone after the date. Two
  // branches, one per partial index on the allocation dates (aged_balance_indexes.sql).
  const settledWhere = sql`a.company_id = ${companyId}
    AND a.allocated_on BETWEEN ${from} AND ${asOf}`;
  // What the allocations made or undone after the date change on an invoice's open amount
  // then: added back when made after it, taken off again when live on it and undone since.
  return sql`
    SELECT i.id AS invoice_id, i.customer_id, i.currency, i.due_date, a.amount_cents AS amount,
      a.allocated_on AS paid_on
    FROM allocation AS a
    JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
    WHERE ${settledWhere} AND a.undone_at IS NULL AND ${invoice}
    UNION ALL
    SELECT i.id, i.customer_id, i.currency, i.due_date, a.amount_cents, a.allocated_on
    FROM allocation AS a
    JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
    WHERE ${settledWhere} AND a.undone_on > ${asOf} AND ${invoice}
    UNION ALL
    SELECT invoice_id, customer_id, currency, due_date, sum(open), NULL
    FROM (
      SELECT i.id AS invoice_id, i.customer_id, i.currency, i.due_date, i.open_cents AS open
      FROM invoice AS i
      WHERE ${invoice} AND i.open_cents > 0
      UNION ALL
      SELECT i.id, i.customer_id, i.currency, i.due_date,
        CASE WHEN a.undone_at IS NULL THEN a.amount_cents ELSE -a.amount_cents END
      FROM allocation AS a
      JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
      WHERE a.company_id = ${companyId} AND ${invoice}
        AND ((a.undone_at IS NULL AND a.allocated_on > ${asOf})
          OR (a.undone_on > ${asOf} AND a.allocated_on <= ${asOf}))
    ) AS o
    GROUP BY 1, 2, 3, 4
    HAVING sum(open) > 0`;
}

/**
 * The window's sums of each customer and currency with a part in it — settled from `from`
 * to `asOf`, or open on `asOf` (overdue or not: a customer whose open items are not yet due
 * has sums of zero, no figure) — in one statement. An invoice is counted when one of its
 * parts counts, on time when every part that counts is 0 days late.
 */
export async function payerWindowSums(
  q: Queryable,
  ctx: Ctx,
  scope: PayerSumsScope,
): Promise<PayerWindowSums[]> {
  requirePermission(ctx, 'ledger:read');
  const asOf = sql`${scope.asOf}::date`;
  const { rows } = await sql<{
    customer_id: string;
    currency: string;
    weighted: string;
    amount: string;
    on_time: string;
    invoices: number;
    on_time_invoices: number;
  }>`
    WITH counted AS (
      SELECT invoice_id, customer_id, currency, amount,
        CASE WHEN paid_on IS NOT NULL THEN greatest(paid_on - due_date, 0)
          WHEN due_date < ${asOf} THEN ${asOf} - due_date END AS days
      FROM (${partsOf(ctx, scope)}) AS p
    ),
    invoices AS (
      SELECT customer_id, currency,
        coalesce(sum(amount * days), 0) AS weighted,
        coalesce(sum(amount) FILTER (WHERE days IS NOT NULL), 0) AS amount,
        coalesce(sum(amount) FILTER (WHERE days = 0), 0) AS on_time,
        bool_or(days IS NOT NULL) AS is_counted,
        coalesce(bool_and(days = 0), false) AS is_on_time
      FROM counted
      GROUP BY invoice_id, customer_id, currency
    )
    SELECT customer_id, currency, sum(weighted)::text AS weighted, sum(amount)::text AS amount,
      sum(on_time)::text AS on_time, (count(*) FILTER (WHERE is_counted))::int AS invoices,
      (count(*) FILTER (WHERE is_on_time))::int AS on_time_invoices
    FROM invoices
    GROUP BY 1, 2
    ORDER BY 1, 2
  `.execute(q);
  return rows.map((row) => ({
    customerId: row.customer_id,
    currency: row.currency,
    weightedDaysCents: BigInt(row.weighted),
    amountCents: BigInt(row.amount),
    onTimeAmountCents: BigInt(row.on_time),
    invoiceCount: row.invoices,
    onTimeInvoiceCount: row.on_time_invoices,
  }));
}

/**
 * The trend's sums of each customer, currency and month in `months` (first days, each with
 * the day it counts to: its end, or the as-of date), in one statement: the parts settled in
 * the month, and those still open at its end — settled after it or open on `asOf` — and
 * overdue then, counted to it. Months where nothing counts are absent. `scope.from` must
 * not be after the first month.
 */
export async function payerTrendSums(
  q: Queryable,
  ctx: Ctx,
  scope: PayerSumsScope,
  months: readonly { month: CalendarDate; end: CalendarDate }[],
): Promise<PayerTrendSums[]> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{
    customer_id: string;
    currency: string;
    month: string;
    weighted: string;
    amount: string;
  }>`
    WITH parts AS (${partsOf(ctx, scope)}),
    months AS (
      SELECT * FROM unnest(
        ${months.map(({ month }) => month)}::date[], ${months.map(({ end }) => end)}::date[]
      ) AS m(month, end_on)
    )
    SELECT p.customer_id, p.currency, m.month::text AS month,
      sum(p.amount * CASE WHEN p.paid_on BETWEEN m.month AND m.end_on
        THEN greatest(p.paid_on - p.due_date, 0) ELSE m.end_on - p.due_date END)::text AS weighted,
      sum(p.amount)::text AS amount
    FROM parts AS p
    CROSS JOIN months AS m
    WHERE p.paid_on BETWEEN m.month AND m.end_on
      OR ((p.paid_on IS NULL OR p.paid_on > m.end_on) AND p.due_date < m.end_on)
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
  `.execute(q);
  return rows.map((row) => ({
    customerId: row.customer_id,
    currency: row.currency,
    month: row.month as CalendarDate,
    weightedDaysCents: BigInt(row.weighted),
    amountCents: BigInt(row.amount),
  }));
}
