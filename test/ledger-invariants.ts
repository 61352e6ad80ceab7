import { sql } from 'kysely';
import type { Queryable } from '../src/db/client.ts';

/** One row whose stored amounts disagree with what its allocations say. */
export type LedgerInconsistency = {
  entity: 'invoice' | 'credit_note' | 'payment' | 'customer_open_balance';
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
 *   cash of the customer's payments in that currency (202612011600).
 * An empty list means the ledger holds together; tests assert exactly that.
 */
export async function findLedgerInconsistencies(
  q: Queryable,
  companyId: string,
): Promise<LedgerInconsistency[]> {
  const result = await sql<LedgerInconsistency>`
    WITH live AS (
      SELECT invoice_id, credit_note_id, payment_id, amount_cents FROM allocation
      WHERE company_id = ${companyId} AND undone_at IS NULL
    ),
    drawn AS (
      SELECT invoice_id AS id, sum(amount_cents) AS amount FROM live GROUP BY invoice_id
      UNION ALL
      SELECT credit_note_id, sum(amount_cents) FROM live WHERE credit_note_id IS NOT NULL GROUP BY credit_note_id
      UNION ALL
      SELECT payment_id, sum(amount_cents) FROM live WHERE payment_id IS NOT NULL GROUP BY payment_id
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
    ORDER BY 1, 2`.execute(q);
  return result.rows;
}
