/**
 * The SQL of orders received by the batch (`receive-orders.ts`): the stored orders of a
 * batch's numbers in one statement, and the new orders inserted through `unnest`, one
 * statement per `ROWS_PER_STATEMENT` orders, each with one array parameter per column
 * (ADR 13), so no statement grows with the file.
 */
import { sql } from 'kysely';
import { anyOf, chunksOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { OrderChecklist, OrderStatus, SalesOrder } from './orders.ts';
import { creditDb } from './tables.ts';

/** What a stored order is compared on when the same number comes again. */
export type StoredOrderTerms = {
  id: string;
  number: string;
  customerId: string;
  orderedOn: CalendarDate;
  amountCents: Cents;
  currency: string;
  expectedDeliveryOn: CalendarDate | null;
  specialConditions: string | null;
  checklist: OrderChecklist;
  status: OrderStatus;
};

/** The stored orders of `numbers`, by number, in one statement, without locks. */
export async function findOrderTermsByNumbers(
  q: Queryable,
  companyId: string,
  numbers: readonly string[],
): Promise<Map<string, StoredOrderTerms>> {
  const found = new Map<string, StoredOrderTerms>();
  if (numbers.length === 0) {
    return found;
  }
  const rows = await creditDb(q)
    .selectFrom('sales_order')
    .select([
      'id',
      'number',
      'customer_id',
      'ordered_on',
      'amount_cents',
      'currency',
      'expected_delivery_on',
      'special_conditions',
      'prices_agreed',
      'delivery_date_confirmed',
      'confirmation_sent',
      'status',
    ])
    .where('company_id', '=', companyId)
    .where('number', '=', anyOf(numbers, 'text'))
    .execute();
  for (const row of rows) {
    found.set(row.number, {
      id: row.id,
      number: row.number,
      customerId: row.customer_id,
      orderedOn: row.ordered_on as CalendarDate,
      amountCents: cents(row.amount_cents),
      currency: row.currency,
      expectedDeliveryOn: row.expected_delivery_on as CalendarDate | null,
      specialConditions: row.special_conditions,
      checklist: {
        pricesAgreed: row.prices_agreed,
        deliveryDateConfirmed: row.delivery_date_confirmed,
        confirmationSent: row.confirmation_sent,
      },
      status: row.status as OrderStatus,
    });
  }
  return found;
}

/**
 * Stores new orders, one statement per `ROWS_PER_STATEMENT`; a number taken already fails on
 * the unique key (`inTransaction` makes it a conflict).
 */
export async function insertOrders(
  tx: Queryable,
  companyId: string,
  orders: readonly SalesOrder[],
): Promise<void> {
  for (const chunk of chunksOf(orders)) {
    await sql`
      INSERT INTO sales_order (company_id, id, number, customer_id, ordered_on, amount_cents,
        currency, invoiced_cents, expected_delivery_on, delivered_on, special_conditions,
        prices_agreed, delivery_date_confirmed, confirmation_sent, status, hold_reason,
        prepayment_required, exception_id, created_at, updated_at)
      SELECT ${companyId}::uuid, o.*
      FROM ${unnestRows(
        'o',
        {
          id: 'uuid',
          number: 'text',
          customer_id: 'uuid',
          ordered_on: 'date',
          amount_cents: 'bigint',
          currency: 'text',
          invoiced_cents: 'bigint',
          expected_delivery_on: 'date',
          delivered_on: 'date',
          special_conditions: 'text',
          prices_agreed: 'boolean',
          delivery_date_confirmed: 'boolean',
          confirmation_sent: 'boolean',
          status: 'text',
          hold_reason: 'text',
          prepayment_required: 'boolean',
          exception_id: 'uuid',
          created_at: 'timestamptz',
          updated_at: 'timestamptz',
        },
        chunk.map((order) => ({
          id: order.id,
          number: order.number,
          customer_id: order.customerId,
          ordered_on: order.orderedOn,
          amount_cents: order.amountCents,
          currency: order.currency,
          invoiced_cents: order.invoicedCents,
          expected_delivery_on: order.expectedDeliveryOn,
          delivered_on: order.deliveredOn,
          special_conditions: order.specialConditions,
          prices_agreed: order.checklist.pricesAgreed,
          delivery_date_confirmed: order.checklist.deliveryDateConfirmed,
          confirmation_sent: order.checklist.confirmationSent,
          status: order.status,
          hold_reason: order.holdReason,
          prepayment_required: order.prepaymentRequired,
          exception_id: order.exceptionId,
          created_at: order.createdAt,
          updated_at: order.updatedAt,
        })),
      )}`.execute(tx);
  }
}
