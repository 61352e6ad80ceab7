/**
 * The documents behind the aged balance's cells (issue 11, docs/formulas.md « Aged balance »):
 * each invoice, credit note or payment with what it had open on a date, as the ledger stood
 * that day — the drill-down of a cell, the Pareto's overdue items, the largest overdue
 * invoices.
 *
 * The as-of rule is `agedBalanceSums`'s (src/ledger/aged-balance.ts), per document instead
 * of per customer: what is open now, plus the allocations live now but made after D, minus
 * those live on D but undone since. Those allocations are found by their own indexes
 * (`allocation_allocated_on_idx`, `allocation_undone_on_idx`; none as of today), so each
 * statement reads them always rather than asking first whether there are any.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { requirePermission } from '../app/permissions.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';

/**
 * Which documents: the invoices of one bucket (`index`: those `index` of the thresholds
 * reach, 0 not yet due), every invoice past due (`overdue`), every open invoice
 * (`invoices`), the credit notes not yet applied, the payments not yet applied.
 */
export type AgedItemsColumn =
  | { readonly column: 'bucket'; readonly index: number }
  | { readonly column: 'overdue' }
  | { readonly column: 'invoices' }
  | { readonly column: 'credit_notes' }
  | { readonly column: 'unapplied_cash' };

/** The orders of a page: most open first, the oldest due date (or receipt) first, by number. */
export const AGED_ITEM_SORTS = ['open', 'oldest', 'number'] as const;
export type AgedItemSort = (typeof AGED_ITEM_SORTS)[number];

export type AgedItemsFilter = {
  asOf: CalendarDate;
  /** The first day past due of each late bucket (`agingThresholds`), for a `bucket` column. */
  thresholds: readonly number[];
  column: AgedItemsColumn;
  currency?: string | undefined;
  /** Only these customers' documents (a customer, a collector's, a category's). */
  customerIds?: readonly string[] | undefined;
  /** Only these documents (the lines a report shows). */
  documentIds?: readonly string[] | undefined;
};

/** A document with what it had open on the as-of date. */
export type AgedItem = {
  id: string;
  kind: 'invoice' | 'credit_note' | 'payment';
  /** The invoice's or credit note's number, the payment's reference. */
  number: string;
  customerId: string;
  /** Its issue date (a payment's: received on). */
  issueDate: CalendarDate;
  /** An invoice's due date; null for a credit note or a payment. */
  dueDate: CalendarDate | null;
  currency: string;
  openCents: Cents;
};

/** How many documents, and their open amount, in one currency. */
export type AgedItemsTotal = { currency: string; count: number; openCents: Cents };

/**
 * The documents of `filter` that had something open on its date: the page asked (ordered
 * and cut by the database, id breaking ties), and per currency the count and sum of all of
 * them — the sum is the aged balance's cell. One statement.
 */
export async function listAgedItems(
  q: Queryable,
  ctx: Ctx,
  filter: AgedItemsFilter,
  page: { sort: AgedItemSort; limit: number; offset: number },
): Promise<{ items: AgedItem[]; totals: AgedItemsTotal[] }> {
  requirePermission(ctx, 'ledger:read');
  // On the subquery's columns (`items.`): a bare `open` would be the answer's text.
  const order = {
    open: sql`items.open DESC, items.id`,
    oldest: sql`coalesce(items.due_date, items.issue_date), items.open DESC, items.id`,
    number: sql`items.number, items.id`,
  }[page.sort];
  const { rows } = await sql<{
    line: 'item' | 'total';
    id: string | null;
    kind: AgedItem['kind'] | null;
    number: string | null;
    customer_id: string | null;
    issue_date: string | null;
    due_date: string | null;
    currency: string;
    open: string;
    count: number;
  }>`
    WITH items AS (${itemsOnDate(ctx.companyId, filter)})
    (
      SELECT 'item' AS line, id, kind, number, customer_id, issue_date::text, due_date::text,
        currency, open::text, 1 AS count
      FROM items
      ORDER BY ${order}
      LIMIT ${page.limit} OFFSET ${page.offset}
    )
    UNION ALL
    (
      SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, currency, sum(open)::text,
        count(*)::int
      FROM items
      GROUP BY currency
      ORDER BY currency
    )
  `.execute(q);
  return {
    // An item's line has every column; only the totals' are null.
    items: rows.flatMap((row) => (row.line === 'item' ? [itemOf(row as ItemRow)] : [])),
    totals: rows
      .filter((row) => row.line === 'total')
      .map((row) => ({
        currency: row.currency,
        count: row.count,
        openCents: cents(Number(row.open)),
      })),
  };
}

/** A customer's overdue invoices summed, in one currency, for the Pareto. */
export type OverdueAmount = { id: string; currency: string; amountCents: Cents };

/**
 * Every invoice overdue on `asOf` (open on it and past due), unordered, as the Pareto rule
 * takes them (src/reports/pareto.ts), in one statement.
 */
export async function listOverdueInvoices(
  q: Queryable,
  ctx: Ctx,
  input: { asOf: CalendarDate; currency?: string | undefined },
): Promise<AgedItem[]> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<ItemRow>`
    SELECT id, kind, number, customer_id, issue_date::text, due_date::text, currency,
      open::text
    FROM (${itemsOnDate(ctx.companyId, overdueFilter(input))}) AS items
  `.execute(q);
  return rows.map(itemOf);
}

/** What each customer had overdue on `asOf`, per currency, in one statement. */
export async function listOverdueByCustomer(
  q: Queryable,
  ctx: Ctx,
  input: { asOf: CalendarDate; currency?: string | undefined },
): Promise<OverdueAmount[]> {
  requirePermission(ctx, 'ledger:read');
  const { rows } = await sql<{ id: string; currency: string; open: string }>`
    SELECT customer_id AS id, currency, sum(open)::text AS open
    FROM (${itemsOnDate(ctx.companyId, overdueFilter(input))}) AS items
    GROUP BY 1, 2
  `.execute(q);
  return rows.map((row) => ({
    id: row.id,
    currency: row.currency,
    amountCents: cents(Number(row.open)),
  }));
}

function overdueFilter(input: {
  asOf: CalendarDate;
  currency?: string | undefined;
}): AgedItemsFilter {
  return { ...input, thresholds: [], column: { column: 'overdue' } };
}

type ItemRow = {
  id: string;
  kind: AgedItem['kind'];
  number: string;
  customer_id: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  open: string;
};

function itemOf(row: ItemRow): AgedItem {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    customerId: row.customer_id,
    issueDate: row.issue_date as CalendarDate,
    dueDate: row.due_date as CalendarDate | null,
    currency: row.currency,
    openCents: cents(Number(row.open)),
  };
}

/**
 * The documents of `filter` with their open amount on its date (zero left out), as a
 * subquery: `id, kind, number, customer_id, issue_date, due_date, currency, open`. The
 * filters apply to what is open now (a scan of the open items) and to the documents
 * changed since the date, joined to their table.
 */
function itemsOnDate(companyId: string, filter: AgedItemsFilter): RawBuilder<unknown> {
  const date = sql`${filter.asOf}::date`;
  const isPayment = filter.column.column === 'unapplied_cash';
  const alias = isPayment ? 'p' : 'i';
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.currency !== undefined) {
    conditions.push(sql`${ref('currency')} = ${filter.currency}`);
  }
  if (filter.customerIds !== undefined) {
    conditions.push(sql`${ref('customer_id')} = ANY(${[...filter.customerIds]}::uuid[])`);
  }
  if (filter.documentIds !== undefined) {
    conditions.push(sql`${ref('id')} = ANY(${[...filter.documentIds]}::uuid[])`);
  }
  switch (filter.column.column) {
    case 'bucket':
      conditions.push(
        sql`i.kind = 'invoice'`,
        sql`width_bucket(${date} - i.due_date,
        ${`{${filter.thresholds.join(',')}}`}::int[]) = ${filter.column.index}`,
      );
      break;
    case 'overdue':
      conditions.push(sql`i.kind = 'invoice'`, sql`i.due_date < ${date}`);
      break;
    case 'invoices':
      conditions.push(sql`i.kind = 'invoice'`);
      break;
    case 'credit_notes':
      conditions.push(sql`i.kind = 'credit_note'`);
      break;
    case 'unapplied_cash':
      break;
  }
  const where = sql.join(
    conditions.map((condition) => sql`AND ${condition}`),
    sql` `,
  );
  // What each allocation made or undone since the date changes on a document of its
  // `column` side, as agedBalanceSums counts it.
  const movedOn = (column: 'invoice_id' | 'credit_note_id' | 'payment_id') => sql`
    SELECT ${sql.ref(column)} AS id,
      CASE WHEN undone_at IS NULL THEN amount_cents ELSE -amount_cents END AS open
    FROM allocation
    WHERE company_id = ${companyId} AND ${sql.ref(column)} IS NOT NULL
      AND ((undone_at IS NULL AND allocated_on > ${date})
        OR (undone_on > ${date} AND allocated_on <= ${date}))`;
  // Each branch carries the document's own columns, filtered, and the sum is grouped on
  // them: the documents changed since the date are joined to their table once, by a hash,
  // rather than each looked up after the grouping (×3 at size L six months back).
  const moved = isPayment
    ? movedOn('payment_id')
    : sql`${movedOn('invoice_id')} UNION ALL ${movedOn('credit_note_id')}`;
  const columns = isPayment
    ? sql`p.id, 'payment' AS kind, p.reference AS number, p.customer_id,
        p.received_on AS issue_date, NULL::date AS due_date, p.currency`
    : sql`i.id, i.kind, i.number, i.customer_id, i.issue_date,
        CASE WHEN i.kind = 'invoice' THEN i.due_date END AS due_date, i.currency`;
  const documents = isPayment
    ? { from: sql`payment AS p`, open: sql`p.unapplied_cents`, date: sql`p.received_on` }
    : { from: sql`invoice AS i`, open: sql`i.open_cents`, date: sql`i.issue_date` };
  return sql`
    SELECT id, kind, number, customer_id, issue_date, due_date, currency, sum(open) AS open
    FROM (
      SELECT ${columns}, ${documents.open} AS open
      FROM ${documents.from}
      WHERE ${ref('company_id')} = ${companyId} AND ${documents.open} > 0
        AND ${documents.date} <= ${date} ${where}
      UNION ALL
      SELECT ${columns}, m.open
      FROM (${moved}) AS m
      JOIN ${documents.from} ON ${ref('company_id')} = ${companyId} AND ${ref('id')} = m.id
      WHERE ${documents.date} <= ${date} ${where}
    ) AS d
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(open) <> 0`;
}
