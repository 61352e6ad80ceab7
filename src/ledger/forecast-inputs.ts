/**
 * The ledger's side of the cash forecast and its backtest (issue 11, docs/formulas.md
 * « Cash forecast », « Backtest »): the invoices open on a date with what was open on each
 * then, the median payment delays learnt from the invoices settled by then, and the day
 * each invoice was settled in full. The forecast itself is the reports' rule
 * (src/reports/forecast.ts); these doors only read the ledger as it stood on a date.
 *
 * As of a date D the allocations that count are those live on D: made on or before D and
 * not undone on or before D. An invoice is **settled** on D when they add up to its amount,
 * and its **paid date** is then the latest of their dates: the allocation that brought it
 * to zero. Credit notes settle as payments do (an invoice settled by a credit note is no
 * longer to be collected): the ledger does not tell which of the two ended a debt.
 */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';

/** An invoice open on a date, with what was open on it that day. */
export type OpenInvoiceOn = {
  id: string;
  customerId: string;
  currency: string;
  dueDate: CalendarDate;
  openCents: Cents;
};

/**
 * The invoices (not credit notes) issued on or before `asOf` with something open on it, in
 * one statement: the open amounts of today, corrected by the allocations made or undone
 * since (as the aged balance does, src/ledger/aged-balance.ts); as of today the correction
 * finds nothing through the allocations' date indexes.
 */
export async function openInvoicesOn(
  q: Queryable,
  ctx: Ctx,
  input: { asOf: CalendarDate; currency?: string | undefined },
): Promise<OpenInvoiceOn[]> {
  requirePermission(ctx, 'ledger:read');
  const companyId = ctx.companyId;
  const date = sql`${input.asOf}::date`;
  const inCurrency = input.currency === undefined ? sql`` : sql`AND i.currency = ${input.currency}`;
  const { rows } = await sql<{
    id: string;
    customer_id: string;
    currency: string;
    due_date: string;
    open: string;
  }>`
    SELECT d.id, d.customer_id, d.currency, d.due_date::text AS due_date, sum(d.open)::text AS open
    FROM (
      SELECT i.id, i.customer_id, i.currency, i.due_date, i.open_cents AS open
      FROM invoice AS i
      WHERE i.company_id = ${companyId} AND i.open_cents > 0 AND i.kind = 'invoice'
        AND i.issue_date <= ${date} ${inCurrency}
      UNION ALL
      -- Added back when made after the date, taken off again when live on it and undone since.
      SELECT i.id, i.customer_id, i.currency, i.due_date,
        CASE WHEN m.undone_at IS NULL THEN m.amount_cents ELSE -m.amount_cents END
      FROM allocation AS m
      JOIN invoice AS i ON i.company_id = m.company_id AND i.id = m.invoice_id
      WHERE m.company_id = ${companyId}
        AND ((m.undone_at IS NULL AND m.allocated_on > ${date})
          OR (m.undone_on > ${date} AND m.allocated_on <= ${date}))
        AND i.kind = 'invoice' AND i.issue_date <= ${date} ${inCurrency}
    ) AS d
    GROUP BY d.id, d.customer_id, d.currency, d.due_date
    HAVING sum(d.open) > 0
  `.execute(q);
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    currency: row.currency,
    dueDate: row.due_date as CalendarDate,
    openCents: cents(Number(row.open)),
  }));
}

/**
 * The invoices settled on `asOf` whose paid date is after `after`, with that date. The
 * ledger keeps each invoice's day of settlement as it stands (`settled_on`, ADR 24); it
 * stood so on `asOf` for every invoice no allocation has changed on since (none made or
 * undone after it): those are read from the index. The few others are settled again from
 * their allocations live on `asOf`, summed and dated, kept when they add up to the
 * invoice's amount. A fragment: the statements below read it as `settled`.
 */
function settledInvoices(companyId: string, asOf: CalendarDate, after: CalendarDate) {
  const date = sql`${asOf}::date`;
  return sql`
    WITH touched AS (
      SELECT a.invoice_id FROM allocation AS a
      WHERE a.company_id = ${companyId} AND a.undone_at IS NULL AND a.allocated_on > ${date}
      UNION
      SELECT a.invoice_id FROM allocation AS a
      WHERE a.company_id = ${companyId} AND a.undone_on > ${date}
    )
    SELECT i.id, i.customer_id, i.due_date, i.settled_on AS paid_on
    FROM invoice AS i
    WHERE i.company_id = ${companyId} AND i.settled_on > ${after}::date
      AND i.settled_on <= ${date}
      AND NOT EXISTS (SELECT 1 FROM touched AS t WHERE t.invoice_id = i.id)
    UNION ALL
    SELECT i.id, i.customer_id, i.due_date, s.paid_on
    FROM (
      SELECT a.invoice_id, max(a.allocated_on) AS paid_on,
        sum(a.amount_cents)::bigint AS settled_cents
      FROM allocation AS a
      WHERE a.company_id = ${companyId} AND a.allocated_on <= ${date}
        AND (a.undone_on IS NULL OR a.undone_on > ${date})
        AND a.invoice_id IN (SELECT invoice_id FROM touched)
      GROUP BY a.invoice_id
      HAVING max(a.allocated_on) > ${after}::date
    ) AS s
    JOIN invoice AS i ON i.company_id = ${companyId} AND i.id = s.invoice_id
    WHERE i.kind = 'invoice' AND s.settled_cents = i.amount_cents`;
}

/** The medians of `buildDelayModel` (src/reports/forecast.ts), each kept doubled. */
export type PaidDelayMedians = {
  portfolioTwiceMedian: number;
  customers: { customerId: string; twiceMedian: number; paidInvoices: number }[];
};

/**
 * The median payment delay (paid date − due date, in days) of each customer's invoices
 * settled on `asOf` with a paid date after `after`, and of all of them, in one statement:
 * the database sorts the delays, so that a million paid invoices never travel. Each median
 * is kept doubled, as `buildDelayModel` keeps it: the lower middle plus the upper middle
 * (`percentile_disc(0.5)` ascending, then descending), which is twice the middle delay of
 * an odd count and the two middle ones added of an even count. The portfolio's is 0 when
 * nothing was paid.
 */
export async function paidDelayMedians(
  q: Queryable,
  ctx: Ctx,
  window: { asOf: CalendarDate; after: CalendarDate },
): Promise<PaidDelayMedians> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{
    customer_id: string | null;
    twice_median: number;
    paid: number;
  }>`
    WITH settled AS (${settledInvoices(ctx.companyId, window.asOf, window.after)})
    SELECT customer_id,
      (percentile_disc(0.5) WITHIN GROUP (ORDER BY paid_on - due_date)
        + percentile_disc(0.5) WITHIN GROUP (ORDER BY paid_on - due_date DESC))::int
        AS twice_median,
      count(*)::int AS paid
    FROM settled
    GROUP BY GROUPING SETS ((customer_id), ())
  `.execute(q);
  const portfolio = rows.find((row) => row.customer_id === null);
  return {
    portfolioTwiceMedian:
      portfolio === undefined || portfolio.paid === 0 ? 0 : portfolio.twice_median,
    customers: rows.flatMap((row) =>
      row.customer_id === null
        ? []
        : [{ customerId: row.customer_id, twiceMedian: row.twice_median, paidInvoices: row.paid }],
    ),
  };
}

/**
 * The paid date of each invoice settled on `asOf` and paid after `after`, by invoice id, in
 * one statement: what the backtest compares its predictions made on `after` with.
 */
export async function settlementDates(
  q: Queryable,
  ctx: Ctx,
  window: { asOf: CalendarDate; after: CalendarDate },
): Promise<Map<string, CalendarDate>> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{ id: string; paid_on: string }>`
    SELECT id, paid_on::text AS paid_on
    FROM (${settledInvoices(ctx.companyId, window.asOf, window.after)}) AS settled
  `.execute(q);
  return new Map(rows.map((row) => [row.id, row.paid_on as CalendarDate]));
}
