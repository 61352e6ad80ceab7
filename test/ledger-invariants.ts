import { sql } from 'kysely';
import type { Queryable } from '../src/db/client.ts';

/** One row whose stored amounts disagree with what its allocations say. */
export type LedgerInconsistency = {
  entity: 'invoice' | 'credit_note' | 'payment' | 'customer_open_balance' | 'ledger_month_change';
  key: string;
  stored: number;
  expected: number;
  problem: string;
};

/**
 * Every row of a company whose derived amounts are wrong, checked from the live
 * allocations alone (so it holds whichever code wrote them):
 * - an invoice's `open_cents = amount_cents − Σ live allocations to it`, a credit
 *   note's `open_cents = amount_cents − Σ live allocations drawn from it`, never
 *   below 0, and its status follows (`open`, `partially_paid`, `paid`);
 * - a payment's `unapplied_cents = amount_cents − Σ live allocations drawn from it`
 *   (0, with no live allocation, once voided),
 *   never below 0;
 * - `customer_open_balance` (ADR 6) equals the open invoices minus the open credit
 *   notes of each customer and currency, and its `unapplied_cents` the unapplied
 *   cash of the customer's payments in that currency (202612011600);
 * - an invoice's `settled_on` (ADR 24) is the latest date of its live allocations when they
 *   add up to its amount, else null (`stored` and `expected` are then days since 2000-01-01,
 *   -1 for null);
 * - `ledger_month_change` (ADR 24), summed up to each month, gives each month end's
 *   receivables and their part not yet due as they stood that day (invoices issued by then,
 *   less the allocations live then), and each month's sales.
 * An empty list means the ledger holds together; tests assert exactly that.
 */
export async function findLedgerInconsistencies(
  q: Queryable,
  companyId: string,
): Promise<LedgerInconsistency[]> {
  const result = await sql<LedgerInconsistency>`
    WITH live AS (
      SELECT invoice_id, credit_note_id, payment_id, amount_cents, allocated_on FROM allocation
      WHERE company_id = ${companyId} AND undone_at IS NULL
    ),
    drawn AS (
      SELECT invoice_id AS id, sum(amount_cents) AS amount, max(allocated_on) AS last_on
      FROM live GROUP BY invoice_id
      UNION ALL
      SELECT credit_note_id, sum(amount_cents), NULL FROM live WHERE credit_note_id IS NOT NULL GROUP BY credit_note_id
      UNION ALL
      SELECT payment_id, sum(amount_cents), NULL FROM live WHERE payment_id IS NOT NULL GROUP BY payment_id
    ),
    settlement AS (
      SELECT i.number AS key, coalesce(i.settled_on - DATE '2000-01-01', -1) AS stored,
        coalesce(CASE WHEN d.amount = i.amount_cents THEN d.last_on END - DATE '2000-01-01', -1)
          AS expected
      FROM invoice i LEFT JOIN drawn d ON d.id = i.id AND d.last_on IS NOT NULL
      WHERE i.company_id = ${companyId} AND i.kind = 'invoice'
    ),
    month_end AS (
      SELECT c.currency, m.month::date AS month,
        (m.month + interval '1 month' - interval '1 day')::date AS end_on
      FROM (SELECT DISTINCT currency FROM invoice WHERE company_id = ${companyId}) AS c
      CROSS JOIN generate_series(
        (SELECT min(date_trunc('month', issue_date)) FROM invoice WHERE company_id = ${companyId}),
        (SELECT max(date_trunc('month', d)) FROM (
          SELECT greatest(due_date + 1, issue_date) AS d FROM invoice WHERE company_id = ${companyId}
          UNION ALL SELECT greatest(allocated_on, undone_on) FROM allocation WHERE company_id = ${companyId}
          UNION ALL SELECT month FROM ledger_month_change WHERE company_id = ${companyId}
        ) AS dates),
        interval '1 month') AS m(month)
    ),
    month_kept AS (
      SELECT e.currency, e.month,
        coalesce(sum(k.sales_cents) FILTER (WHERE k.month = e.month), 0) AS sales,
        coalesce(sum(k.receivables_cents), 0) AS receivables,
        coalesce(sum(k.not_due_cents), 0) AS not_due
      FROM month_end e
      LEFT JOIN ledger_month_change k ON k.company_id = ${companyId} AND k.currency = e.currency
        AND k.month <= e.month
      GROUP BY e.currency, e.month
    ),
    -- What stood on each month end, from the definitions: no month changes involved.
    month_stood AS (
      SELECT e.currency, e.month,
        coalesce(sum(CASE WHEN i.kind = 'invoice' THEN i.amount_cents ELSE -i.amount_cents END)
          FILTER (WHERE date_trunc('month', i.issue_date) = e.month), 0) AS sales,
        coalesce(sum(i.amount_cents) FILTER (WHERE i.kind = 'invoice'), 0) AS receivables,
        coalesce(sum(i.amount_cents) FILTER (WHERE i.kind = 'invoice' AND i.due_date >= e.end_on), 0)
          AS not_due
      FROM month_end e
      LEFT JOIN invoice i ON i.company_id = ${companyId} AND i.currency = e.currency
        AND i.issue_date <= e.end_on
      GROUP BY e.currency, e.month
    ),
    month_live AS (
      -- Each allocation with its invoice once (a hash join), then matched to the month ends
      -- by currency: never a lookup per month and invoice.
      SELECT e.currency, e.month, coalesce(sum(l.amount_cents), 0) AS receivables,
        coalesce(sum(l.amount_cents) FILTER (WHERE l.due_date >= e.end_on), 0) AS not_due
      FROM month_end e
      LEFT JOIN (
        SELECT i.currency, i.issue_date, i.due_date, a.amount_cents, a.allocated_on, a.undone_on
        FROM allocation a
        JOIN invoice i ON i.company_id = a.company_id AND i.id = a.invoice_id AND i.kind = 'invoice'
        WHERE a.company_id = ${companyId}
      ) AS l ON l.currency = e.currency AND l.issue_date <= e.end_on
        AND l.allocated_on <= e.end_on AND (l.undone_on IS NULL OR l.undone_on > e.end_on)
      GROUP BY e.currency, e.month
    ),
    month_figure AS (
      SELECT k.currency || ' ' || k.month || ' ' || f.name AS key, f.stored, f.expected
      FROM month_kept k
      JOIN month_stood s ON s.currency = k.currency AND s.month = k.month
      JOIN month_live l ON l.currency = k.currency AND l.month = k.month
      CROSS JOIN LATERAL (VALUES
        ('sales', k.sales, s.sales),
        ('receivables', k.receivables, s.receivables - l.receivables),
        ('not due', k.not_due, s.not_due - l.not_due)
      ) AS f(name, stored, expected)
    ),
    item AS (
      SELECT i.kind AS entity, i.number AS key, i.amount_cents, i.open_cents, i.status,
        i.amount_cents - coalesce(d.amount, 0) AS expected
      FROM invoice i LEFT JOIN drawn d ON d.id = i.id
      WHERE i.company_id = ${companyId}
    ),
    cash AS (
      SELECT 'payment'::text AS entity, p.reference AS key, p.unapplied_cents AS stored,
        CASE WHEN p.voided_at IS NULL THEN p.amount_cents - coalesce(d.amount, 0)
          -- A voided payment holds nothing, and nothing may still be drawn on it.
          ELSE -coalesce(d.amount, 0) END AS expected
      FROM payment p LEFT JOIN drawn d ON d.id = p.id
      WHERE p.company_id = ${companyId}
    ),
    balance AS (
      SELECT c.code AS key, coalesce(b.open_cents, 0) AS stored, coalesce(s.open_cents, 0) AS expected
      FROM customer c
      LEFT JOIN (
        SELECT customer_id, sum(CASE WHEN kind = 'invoice' THEN open_cents ELSE -open_cents END) AS open_cents
        FROM invoice WHERE company_id = ${companyId} GROUP BY customer_id
      ) s ON s.customer_id = c.id
      LEFT JOIN (
        SELECT customer_id, sum(open_cents) AS open_cents
        FROM customer_open_balance WHERE company_id = ${companyId} GROUP BY customer_id
      ) b ON b.customer_id = c.id
      WHERE c.company_id = ${companyId}
    ),
    unapplied AS (
      SELECT (SELECT c.code FROM customer c WHERE c.company_id = ${companyId}
                AND c.id = coalesce(s.customer_id, b.customer_id))
          || ' ' || coalesce(s.currency, b.currency) AS key,
        coalesce(b.unapplied_cents, 0) AS stored, coalesce(s.unapplied_cents, 0) AS expected
      FROM (
        SELECT customer_id, currency, sum(unapplied_cents) AS unapplied_cents
        FROM payment WHERE company_id = ${companyId} GROUP BY customer_id, currency
      ) s
      FULL JOIN (
        SELECT customer_id, currency, unapplied_cents
        FROM customer_open_balance WHERE company_id = ${companyId}
      ) b ON b.customer_id = s.customer_id AND b.currency = s.currency
    )
    SELECT entity, key, open_cents::bigint AS stored, expected::bigint AS expected,
      CASE WHEN expected < 0 THEN 'allocated beyond its amount'
        WHEN open_cents <> expected THEN 'open amount differs from amount minus live allocations'
        ELSE 'status does not follow the open amount' END AS problem
    FROM item
    WHERE expected < 0 OR open_cents <> expected
      OR status <> CASE WHEN open_cents = 0 THEN 'paid'
        WHEN open_cents < amount_cents THEN 'partially_paid' ELSE 'open' END
    UNION ALL
    SELECT entity, key, stored::bigint, expected::bigint,
      CASE WHEN expected < 0 THEN 'allocated beyond its amount'
        ELSE 'unapplied amount differs from amount minus live allocations' END
    FROM cash WHERE expected < 0 OR stored <> expected
    UNION ALL
    SELECT 'customer_open_balance', key, stored::bigint, expected::bigint,
      'kept balance differs from the open items'
    FROM balance WHERE stored <> expected
    UNION ALL
    SELECT 'customer_open_balance', key, stored::bigint, expected::bigint,
      'kept unapplied cash differs from the payments'
    FROM unapplied WHERE stored <> expected
    UNION ALL
    SELECT 'invoice', key, stored::bigint, expected::bigint,
      'settlement day differs from its live allocations'
    FROM settlement WHERE stored <> expected
    UNION ALL
    SELECT 'ledger_month_change', key, stored::bigint, expected::bigint,
      'kept month changes differ from the ledger as it stood that month end'
    FROM month_figure WHERE stored <> expected
    ORDER BY 1, 2`.execute(q);
  return result.rows;
}
