/**
 * The balance rules of `balances.ts` written in SQL over the ledger's tables, for the
 * lists that rank and total customers by what they owe in one statement (the customer
 * list pages by encours across 100,000 customers: a round trip per customer, or a
 * query per capability joined in Node, would not do). A list composes these fragments;
 * it never names the ledger's tables itself (ADR 19). Each takes the company, the
 * business date overdue is measured at, and the currency where figures are per
 * currency; `customerId` is the SQL of the customer the figures are about.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CalendarDate } from '../shared/calendar-date.ts';

type Sql = RawBuilder<unknown>;

/** The condition on an `invoice i` that makes it an overdue open invoice at `asOf`. */
function overdue(asOf: CalendarDate): Sql {
  return sql`i.kind = 'invoice' AND i.due_date < ${asOf}`;
}

/** The company's overdue open invoices at `asOf`, in `currency`, as a condition on `invoice i`. */
export function overdueItemsOf(companyId: string, asOf: CalendarDate, currency: string): Sql {
  return sql`i.company_id = ${companyId} AND i.open_cents > 0 AND i.currency = ${currency}
        AND ${overdue(asOf)}`;
}

/**
 * One customer's open items at `asOf`: `open_cents` (open invoices − open credit notes),
 * `overdue_cents` (text, exact) and `oldest_overdue` (the earliest due date passed).
 * A `SELECT` for a `LATERAL` join.
 */
export function openItemsOf(
  companyId: string,
  customerId: Sql,
  asOf: CalendarDate,
  currency: string,
): Sql {
  return sql`
      SELECT
        sum(CASE WHEN i.kind = 'invoice' THEN i.open_cents ELSE -i.open_cents END) AS open_cents,
        coalesce(sum(i.open_cents) FILTER (WHERE ${overdue(asOf)}), 0)::text AS overdue_cents,
        min(i.due_date) FILTER (WHERE ${overdue(asOf)}) AS oldest_overdue
      FROM invoice i
      WHERE i.company_id = ${companyId} AND i.customer_id = ${customerId} AND i.open_cents > 0
        AND i.currency = ${currency}`;
}

/** One customer's unapplied cash, `unapplied_cents`: a `SELECT` for a `LATERAL` join. */
export function unappliedCashOf(companyId: string, customerId: Sql, currency: string): Sql {
  return sql`
      SELECT sum(pay.unapplied_cents) AS unapplied_cents FROM payment pay
      WHERE pay.company_id = ${companyId} AND pay.customer_id = ${customerId}
        AND pay.unapplied_cents > 0 AND pay.currency = ${currency}`;
}

/**
 * Every customer's encours in `currency`, kept by triggers (`customer_open_balance`,
 * ADR 6), as a relation of `customer_id` and `key` (the encours) to rank on.
 */
export function keptEncours(companyId: string, currency: string): Sql {
  return sql`(SELECT b.customer_id, b.balance_cents AS key FROM customer_open_balance b
          WHERE b.company_id = ${companyId} AND b.currency = ${currency})`;
}

/** Whether the customer has a non-zero kept encours in `currency`. */
export function hasKeptEncours(companyId: string, customerId: Sql, currency: string): Sql {
  return sql`EXISTS (SELECT 1 FROM customer_open_balance b WHERE b.company_id = ${companyId}
          AND b.customer_id = ${customerId} AND b.currency = ${currency} AND b.balance_cents <> 0)`;
}

/** Whether the customer has an overdue open invoice at `asOf` in `currency`. */
export function hasOverdueItems(
  companyId: string,
  customerId: Sql,
  asOf: CalendarDate,
  currency: string,
): Sql {
  return sql`EXISTS (SELECT 1 FROM invoice i WHERE ${overdueItemsOf(companyId, asOf, currency)}
          AND i.customer_id = ${customerId})`;
}

/**
 * Every overdue customer's overdue key at `asOf`: the sum of its overdue open invoices,
 * or the earliest due date among them (`oldest`), as a `SELECT customer_id, key`.
 */
export function overdueKeys(
  companyId: string,
  asOf: CalendarDate,
  currency: string,
  key: 'sum' | 'oldest',
): Sql {
  const value = key === 'oldest' ? sql`min(i.due_date)` : sql`sum(i.open_cents)`;
  return sql`SELECT i.customer_id, ${value} AS key FROM invoice i
        WHERE ${overdueItemsOf(companyId, asOf, currency)}
        GROUP BY i.customer_id`;
}

/**
 * The encours and overdue amount of each customer of `customers` (the name of a relation
 * with an `id` column, e.g. a CTE) at `asOf`, per currency, as rows of `customer_id, currency, open_cents,
 * overdue_cents` to sum: the kept encours, and the overdue items read through the
 * covering index `invoice_open_due_date_idx`.
 */
export function figuresOf(companyId: string, customers: Sql, asOf: CalendarDate): Sql {
  return sql`
      SELECT b.customer_id, b.currency, b.balance_cents::numeric AS open_cents, 0::numeric AS overdue_cents
      FROM customer_open_balance b JOIN ${customers} AS listed ON listed.id = b.customer_id
      WHERE b.company_id = ${companyId} AND b.balance_cents <> 0
      UNION ALL
      SELECT i.customer_id, i.currency, 0, i.open_cents
      FROM invoice i JOIN ${customers} AS listed ON listed.id = i.customer_id
      WHERE i.company_id = ${companyId} AND i.open_cents > 0 AND ${overdue(asOf)}`;
}
