/**
 * The orders' and holds' SQL (migration 202612070100): `sales_order` and `credit_hold`. The
 * exposure's orders are read by index only (`sales_order_live_idx`): what remains to invoice
 * of each account's validated and delivered orders.
 */
import { sql } from 'kysely';
import { anyOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { HoldReason } from './model.ts';
import type { HoldSource, OrderStatus, SalesOrder } from './orders.ts';
import { creditDb } from './tables.ts';

/**
 * What remains to invoice of the live orders of `customerIds`, by account and currency, in
 * one statement (an index-only scan of `sales_order_live_idx`).
 */
export async function sumLiveOrders(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<{ customerId: string; currency: string; remainingCents: Cents }[]> {
  if (customerIds.length === 0) {
    return [];
  }
  const rows = await creditDb(q)
    .selectFrom('sales_order')
    .select([
      'customer_id',
      'currency',
      sql<string>`sum(amount_cents - invoiced_cents)::text`.as('remaining'),
    ])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('status', 'in', ['validated', 'delivered'])
    .groupBy(['customer_id', 'currency'])
    .execute();
  return rows.map((row) => ({
    customerId: row.customer_id,
    currency: row.currency,
    remainingCents: cents(Number(row.remaining)),
  }));
}

const ORDER_COLUMNS = [
  'id',
  'number',
  'customer_id',
  'ordered_on',
  'amount_cents',
  'currency',
  'invoiced_cents',
  'expected_delivery_on',
  'delivered_on',
  'special_conditions',
  'prices_agreed',
  'delivery_date_confirmed',
  'confirmation_sent',
  'status',
  'hold_reason',
  'prepayment_required',
  'exception_id',
  'created_at',
  'updated_at',
] as const;

type OrderRow = {
  id: string;
  number: string;
  customer_id: string;
  ordered_on: string;
  amount_cents: number;
  currency: string;
  invoiced_cents: number;
  expected_delivery_on: string | null;
  delivered_on: string | null;
  special_conditions: string | null;
  prices_agreed: boolean;
  delivery_date_confirmed: boolean;
  confirmation_sent: boolean;
  status: string;
  hold_reason: string | null;
  prepayment_required: boolean;
  exception_id: string | null;
  created_at: Date;
  updated_at: Date;
};

function toOrder(row: OrderRow): SalesOrder {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    orderedOn: row.ordered_on as CalendarDate,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    invoicedCents: cents(row.invoiced_cents),
    expectedDeliveryOn: row.expected_delivery_on as CalendarDate | null,
    deliveredOn: row.delivered_on as CalendarDate | null,
    specialConditions: row.special_conditions,
    checklist: {
      pricesAgreed: row.prices_agreed,
      deliveryDateConfirmed: row.delivery_date_confirmed,
      confirmationSent: row.confirmation_sent,
    },
    status: row.status as OrderStatus,
    holdReason: row.hold_reason as HoldReason | 'prepayment_required' | null,
    prepaymentRequired: row.prepayment_required,
    exceptionId: row.exception_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An order by id or number, `FOR UPDATE` when asked; `undefined` when not the company's. */
export async function findOrder(
  q: Queryable,
  companyId: string,
  key: { id: string } | { number: string },
  options: { lock?: boolean } = {},
): Promise<SalesOrder | undefined> {
  let query = creditDb(q)
    .selectFrom('sales_order')
    .select(ORDER_COLUMNS)
    .where('company_id', '=', companyId)
    .$call((b) => ('id' in key ? b.where('id', '=', key.id) : b.where('number', '=', key.number)));
  if (options.lock === true) {
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toOrder(row);
}

/** Writes an order's changing fields back, in one statement. */
export async function saveOrder(
  tx: Queryable,
  companyId: string,
  order: SalesOrder,
): Promise<void> {
  await creditDb(tx)
    .updateTable('sales_order')
    .set({
      invoiced_cents: order.invoicedCents,
      delivered_on: order.deliveredOn,
      prices_agreed: order.checklist.pricesAgreed,
      delivery_date_confirmed: order.checklist.deliveryDateConfirmed,
      confirmation_sent: order.checklist.confirmationSent,
      status: order.status,
      hold_reason: order.holdReason,
      prepayment_required: order.prepaymentRequired,
      exception_id: order.exceptionId,
      updated_at: order.updatedAt,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', order.id)
    .execute();
}

/** Orders, newest first, paged by (ordered_on, id) before a cursor; filtered when asked. */
export async function listOrderRows(
  q: Queryable,
  companyId: string,
  filter: {
    customerIds?: readonly string[] | undefined;
    status?: OrderStatus | undefined;
    limit: number;
  },
): Promise<SalesOrder[]> {
  let query = creditDb(q)
    .selectFrom('sales_order')
    .select(ORDER_COLUMNS)
    .where('company_id', '=', companyId);
  if (filter.customerIds !== undefined) {
    query = query.where('customer_id', '=', anyOf(filter.customerIds, 'uuid'));
  }
  if (filter.status !== undefined) {
    query = query.where('status', '=', filter.status);
  }
  const rows = await query
    .orderBy('ordered_on', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toOrder);
}

/** The held orders of `customerIds`, oldest first, locked: a decision re-checks them in turn. */
export async function lockHeldOrders(
  tx: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<SalesOrder[]> {
  if (customerIds.length === 0) {
    return [];
  }
  const rows = await creditDb(tx)
    .selectFrom('sales_order')
    .select(ORDER_COLUMNS)
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('status', '=', 'held')
    .orderBy('ordered_on')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toOrder);
}

/** An open credit hold. */
export type StoredHold = {
  id: string;
  customerId: string;
  source: HoldSource;
  reason: string | null;
  placedBy: { id: string | null; name: string | null };
  placedAt: Date;
};

/** The open holds of `customerIds`, in one statement. */
export async function listOpenHolds(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<StoredHold[]> {
  if (customerIds.length === 0) {
    return [];
  }
  const rows = await creditDb(q)
    .selectFrom('credit_hold')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('released_at', 'is', null)
    .orderBy('customer_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    source: row.source as HoldSource,
    reason: row.reason,
    placedBy: { id: row.placed_by, name: row.placed_by_name },
    placedAt: row.placed_at,
  }));
}

/** Opens a hold on each of `holds` without one, in one statement; the ids it opened. */
export async function insertHolds(
  tx: Queryable,
  companyId: string,
  holds: readonly (Omit<StoredHold, 'placedAt'> & { placedAt: Date })[],
): Promise<Set<string>> {
  if (holds.length === 0) {
    return new Set();
  }
  const rows = await sql<{ customer_id: string }>`
    INSERT INTO credit_hold (company_id, id, customer_id, source, reason, placed_by,
      placed_by_name, placed_at)
    SELECT ${companyId}::uuid, h.id, h.customer_id, h.source, h.reason, h.placed_by,
      h.placed_by_name, h.placed_at
    FROM ${unnestRows(
      'h',
      {
        id: 'uuid',
        customer_id: 'uuid',
        source: 'text',
        reason: 'text',
        placed_by: 'uuid',
        placed_by_name: 'text',
        placed_at: 'timestamptz',
      },
      holds.map((hold) => ({
        id: hold.id,
        customer_id: hold.customerId,
        source: hold.source,
        reason: hold.reason,
        placed_by: hold.placedBy.id,
        placed_by_name: hold.placedBy.name,
        placed_at: hold.placedAt,
      })),
    )}
    ON CONFLICT DO NOTHING
    RETURNING customer_id`.execute(tx);
  return new Set(rows.rows.map((row) => row.customer_id));
}

/** Closes the open holds of `customerIds`, saying how and why, in one statement. */
export async function releaseHolds(
  tx: Queryable,
  companyId: string,
  customerIds: readonly string[],
  release: {
    kind: 'exception' | 'limit_raised' | 'prepayment' | 'under_limit' | 'decision';
    reason: string | null;
    by: { id: string | null; name: string | null };
  },
  now: Date,
): Promise<void> {
  if (customerIds.length === 0) {
    return;
  }
  await creditDb(tx)
    .updateTable('credit_hold')
    .set({
      released_at: now,
      released_by: release.by.id,
      released_by_name: release.by.name,
      release_kind: release.kind,
      release_reason: release.reason,
    })
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('released_at', 'is', null)
    .execute();
}

/** A link between an order and one of its invoices, with the days the lag is measured on. */
export type OrderInvoiceLink = {
  orderId: string;
  invoiceId: string;
  customerId: string;
  deliveredOn: CalendarDate | null;
  invoicedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
};

/** Links an order to its invoices, in one statement; a link made already is kept as it is. */
export async function insertOrderInvoices(
  tx: Queryable,
  companyId: string,
  links: readonly OrderInvoiceLink[],
): Promise<void> {
  if (links.length === 0) {
    return;
  }
  await sql`
    INSERT INTO sales_order_invoice (company_id, order_id, invoice_id, customer_id, delivered_on,
      invoiced_on, amount_cents, currency)
    SELECT ${companyId}::uuid, l.order_id, l.invoice_id, l.customer_id, l.delivered_on,
      l.invoiced_on, l.amount_cents, l.currency
    FROM ${unnestRows(
      'l',
      {
        order_id: 'uuid',
        invoice_id: 'uuid',
        customer_id: 'uuid',
        delivered_on: 'date',
        invoiced_on: 'date',
        amount_cents: 'bigint',
        currency: 'text',
      },
      links.map((link) => ({
        order_id: link.orderId,
        invoice_id: link.invoiceId,
        customer_id: link.customerId,
        delivered_on: link.deliveredOn,
        invoiced_on: link.invoicedOn,
        amount_cents: link.amountCents,
        currency: link.currency,
      })),
    )}
    ON CONFLICT DO NOTHING`.execute(tx);
}

/** Writes the order's delivery day on its links made before it was delivered. */
export async function setOrderInvoicesDelivered(
  tx: Queryable,
  companyId: string,
  orderId: string,
  deliveredOn: CalendarDate,
): Promise<void> {
  await sql`
    UPDATE sales_order_invoice SET delivered_on = ${deliveredOn}::date
    WHERE company_id = ${companyId} AND order_id = ${orderId} AND delivered_on IS NULL`.execute(tx);
}

/**
 * The lag's sums per customer over the links invoiced from `from` to `to` whose order was
 * delivered, in one grouped statement (`LAG_BANDS`' bounds are its parameters). A delivery
 * after the invoice (invoiced ahead) counts as no lag.
 */
export async function sumInvoicingLag(
  q: Queryable,
  companyId: string,
  period: { from: CalendarDate; to: CalendarDate },
  bands: readonly number[],
): Promise<{ customerId: string; links: number; totalDays: number; bands: number[] }[]> {
  const lag = sql`greatest(invoiced_on - delivered_on, 0)`;
  const { rows } = await sql<{
    customer_id: string;
    links: string;
    total_days: string;
    bands: string[];
  }>`
    SELECT customer_id, count(*)::text AS links, sum(${lag})::text AS total_days,
      ARRAY[${sql.join(
        bands.map((upTo, index) =>
          index === 0
            ? sql`count(*) FILTER (WHERE ${lag} <= ${upTo})::text`
            : sql`count(*) FILTER (WHERE ${lag} > ${bands[index - 1] ?? 0} AND ${lag} <= ${upTo})::text`,
        ),
      )}, count(*) FILTER (WHERE ${lag} > ${bands.at(-1) ?? 0})::text] AS bands
    FROM sales_order_invoice
    WHERE company_id = ${companyId} AND invoiced_on BETWEEN ${period.from}::date AND ${period.to}::date
      AND delivered_on IS NOT NULL
    GROUP BY customer_id`.execute(q);
  return rows.map((row) => ({
    customerId: row.customer_id,
    links: Number(row.links),
    totalDays: Number(row.total_days),
    bands: row.bands.map(Number),
  }));
}
