import { sql, type Selectable } from 'kysely';
import { anyOf, insertRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { AllocationTable, InvoiceTable, PaymentTable } from '../db/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type {
  Allocation,
  Invoice,
  InvoiceKind,
  InvoiceStatus,
  OpenTotalKind,
  Payment,
} from './model.ts';

function toInvoice(row: Selectable<InvoiceTable>): Invoice {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind as InvoiceKind,
    number: row.number,
    issueDate: row.issue_date as CalendarDate,
    dueDate: row.due_date as CalendarDate,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    openCents: cents(row.open_cents),
    status: row.status as InvoiceStatus,
  };
}

function toPayment(row: Selectable<PaymentTable>): Payment {
  return {
    id: row.id,
    customerId: row.customer_id,
    reference: row.reference,
    receivedOn: row.received_on as CalendarDate,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    unappliedCents: cents(row.unapplied_cents),
    method: row.method,
  };
}

function toAllocation(row: Selectable<AllocationTable>): Allocation {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    creditNoteId: row.credit_note_id,
    amountCents: cents(row.amount_cents),
    allocatedOn: row.allocated_on as CalendarDate,
    undoneAt: row.undone_at,
  };
}

export async function insertInvoices(
  q: Queryable,
  companyId: string,
  invoices: readonly Invoice[],
): Promise<void> {
  await insertRows(
    q,
    'invoice',
    {
      company_id: 'uuid',
      id: 'uuid',
      customer_id: 'uuid',
      kind: 'text',
      number: 'text',
      issue_date: 'date',
      due_date: 'date',
      amount_cents: 'bigint',
      currency: 'text',
      open_cents: 'bigint',
      status: 'text',
    },
    invoices.map((invoice) => ({
      company_id: companyId,
      id: invoice.id,
      customer_id: invoice.customerId,
      kind: invoice.kind,
      number: invoice.number,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      amount_cents: invoice.amountCents,
      currency: invoice.currency,
      open_cents: invoice.openCents,
      status: invoice.status,
    })),
  );
}

/** Rewrites an invoice's stored fields (import update); its open amount is recomputed by the caller. */
export async function updateInvoiceRow(
  q: Queryable,
  companyId: string,
  invoice: Invoice,
  now: Date,
): Promise<void> {
  await q
    .updateTable('invoice')
    .set({
      customer_id: invoice.customerId,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      amount_cents: invoice.amountCents,
      currency: invoice.currency,
      open_cents: invoice.openCents,
      status: invoice.status,
      updated_at: now,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', invoice.id)
    .execute();
}

/** Reads invoices and locks them against concurrent allocation until the transaction ends. */
export async function findInvoicesForUpdate(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Map<string, Invoice>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('invoice')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, toInvoice(row)]));
}

export async function findInvoicesByNumbers(
  q: Queryable,
  companyId: string,
  kind: InvoiceKind,
  numbers: readonly string[],
): Promise<Map<string, Invoice>> {
  if (numbers.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('invoice')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('number', '=', anyOf(numbers, 'text'))
    .execute();
  return new Map(rows.map((row) => [row.number, toInvoice(row)]));
}

export async function setInvoiceOpenAmount(
  q: Queryable,
  companyId: string,
  id: string,
  openCents: Cents,
  status: InvoiceStatus,
  now: Date,
): Promise<void> {
  await q
    .updateTable('invoice')
    .set({ open_cents: openCents, status, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export type InvoiceListRow = Invoice & { customerCode: string; customerName: string };

export type InvoiceListQuery = {
  id?: string | undefined;
  customerId?: string | undefined;
  kind?: InvoiceKind | undefined;
  status?: InvoiceStatus | 'unpaid' | 'overdue' | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  sort: 'due_date' | 'issue_date' | 'number' | 'amount' | 'open_amount';
  order: 'asc' | 'desc';
  limit: number | undefined;
  offset: number;
  today: CalendarDate;
};

export async function listInvoiceRows(
  q: Queryable,
  companyId: string,
  query: InvoiceListQuery,
): Promise<{ rows: InvoiceListRow[]; total: number }> {
  let base = q
    .selectFrom('invoice as i')
    .innerJoin('customer as c', (join) =>
      join.onRef('c.company_id', '=', 'i.company_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .where('i.company_id', '=', companyId);
  if (query.id !== undefined) {
    base = base.where('i.id', '=', query.id);
  }
  if (query.customerId !== undefined) {
    base = base.where('i.customer_id', '=', query.customerId);
  }
  if (query.kind !== undefined) {
    base = base.where('i.kind', '=', query.kind);
  }
  if (query.status === 'unpaid') {
    base = base.where('i.open_cents', '>', 0);
  } else if (query.status === 'overdue') {
    base = base
      .where('i.open_cents', '>', 0)
      .where('i.kind', '=', 'invoice')
      .where('i.due_date', '<', query.today);
  } else if (query.status !== undefined) {
    base = base.where('i.status', '=', query.status);
  }
  if (query.issuedFrom !== undefined) {
    base = base.where('i.issue_date', '>=', query.issuedFrom);
  }
  if (query.issuedTo !== undefined) {
    base = base.where('i.issue_date', '<=', query.issuedTo);
  }
  if (query.dueFrom !== undefined) {
    base = base.where('i.due_date', '>=', query.dueFrom);
  }
  if (query.dueTo !== undefined) {
    base = base.where('i.due_date', '<=', query.dueTo);
  }
  const column = {
    due_date: 'i.due_date',
    issue_date: 'i.issue_date',
    number: 'i.number',
    amount: 'i.amount_cents',
    open_amount: 'i.open_cents',
  } as const;
  let page = base
    .selectAll('i')
    .select(['c.code as customer_code', 'c.legal_name as customer_name'])
    .orderBy(column[query.sort], query.order)
    .orderBy('i.number', 'asc')
    .offset(query.offset);
  if (query.limit !== undefined) {
    page = page.limit(query.limit);
  }
  const [rows, count] = await Promise.all([
    page.execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({
      ...toInvoice(row),
      customerCode: row.customer_code,
      customerName: row.customer_name,
    })),
    total: count.total,
  };
}

export async function insertPayments(
  q: Queryable,
  companyId: string,
  payments: readonly Payment[],
): Promise<void> {
  await insertRows(
    q,
    'payment',
    {
      company_id: 'uuid',
      id: 'uuid',
      customer_id: 'uuid',
      reference: 'text',
      received_on: 'date',
      amount_cents: 'bigint',
      currency: 'text',
      unapplied_cents: 'bigint',
      method: 'text',
    },
    payments.map((payment) => ({
      company_id: companyId,
      id: payment.id,
      customer_id: payment.customerId,
      reference: payment.reference,
      received_on: payment.receivedOn,
      amount_cents: payment.amountCents,
      currency: payment.currency,
      unapplied_cents: payment.unappliedCents,
      method: payment.method,
    })),
  );
}

export async function findPaymentsForUpdate(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Map<string, Payment>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('payment')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, toPayment(row)]));
}

export async function findPaymentsByReferences(
  q: Queryable,
  companyId: string,
  references: readonly string[],
): Promise<Map<string, Payment>> {
  if (references.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('payment')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('reference', '=', anyOf(references, 'text'))
    .execute();
  return new Map(rows.map((row) => [row.reference, toPayment(row)]));
}

export async function setPaymentUnapplied(
  q: Queryable,
  companyId: string,
  id: string,
  unappliedCents: Cents,
): Promise<void> {
  await q
    .updateTable('payment')
    .set({ unapplied_cents: unappliedCents })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export type PaymentListRow = Payment & { customerCode: string; customerName: string };

export async function listPaymentRows(
  q: Queryable,
  companyId: string,
  query: {
    id?: string | undefined;
    customerId?: string | undefined;
    receivedFrom?: string | undefined;
    receivedTo?: string | undefined;
    hasUnapplied?: boolean | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: PaymentListRow[]; total: number }> {
  let base = q
    .selectFrom('payment as p')
    .innerJoin('customer as c', (join) =>
      join.onRef('c.company_id', '=', 'p.company_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .where('p.company_id', '=', companyId);
  if (query.id !== undefined) {
    base = base.where('p.id', '=', query.id);
  }
  if (query.customerId !== undefined) {
    base = base.where('p.customer_id', '=', query.customerId);
  }
  if (query.receivedFrom !== undefined) {
    base = base.where('p.received_on', '>=', query.receivedFrom);
  }
  if (query.receivedTo !== undefined) {
    base = base.where('p.received_on', '<=', query.receivedTo);
  }
  if (query.hasUnapplied !== undefined) {
    base = base.where('p.unapplied_cents', query.hasUnapplied ? '>' : '=', 0);
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('p')
      .select(['c.code as customer_code', 'c.legal_name as customer_name'])
      .orderBy('p.received_on', 'desc')
      .orderBy('p.reference', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({
      ...toPayment(row),
      customerCode: row.customer_code,
      customerName: row.customer_name,
    })),
    total: count.total,
  };
}

export async function insertAllocations(
  q: Queryable,
  companyId: string,
  allocations: readonly Allocation[],
): Promise<void> {
  await insertRows(
    q,
    'allocation',
    {
      company_id: 'uuid',
      id: 'uuid',
      invoice_id: 'uuid',
      payment_id: 'uuid',
      credit_note_id: 'uuid',
      amount_cents: 'bigint',
      allocated_on: 'date',
    },
    allocations.map((allocation) => ({
      company_id: companyId,
      id: allocation.id,
      invoice_id: allocation.invoiceId,
      payment_id: allocation.paymentId,
      credit_note_id: allocation.creditNoteId,
      amount_cents: allocation.amountCents,
      allocated_on: allocation.allocatedOn,
    })),
  );
}

export async function findAllocationForUpdate(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<Allocation | undefined> {
  const row = await q
    .selectFrom('allocation')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toAllocation(row);
}

export async function markAllocationUndone(
  q: Queryable,
  companyId: string,
  id: string,
  now: Date,
): Promise<void> {
  await q
    .updateTable('allocation')
    .set({ undone_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** Whether this payment already settles this invoice (live allocation): keeps re-imports idempotent. */
export async function hasLiveAllocation(
  q: Queryable,
  companyId: string,
  paymentId: string,
  invoiceId: string,
): Promise<boolean> {
  const row = await q
    .selectFrom('allocation')
    .select('id')
    .where('company_id', '=', companyId)
    .where('payment_id', '=', paymentId)
    .where('invoice_id', '=', invoiceId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export type AllocationListRow = Allocation & {
  invoiceNumber: string;
  paymentReference: string | null;
  creditNoteNumber: string | null;
  currency: string;
};

/**
 * Allocations with the numbers of what they link, newest first, undone ones
 * included: every one touching a customer's invoices, or a single one by id.
 */
export async function listAllocationRows(
  q: Queryable,
  companyId: string,
  filter: { customerId: string } | { allocationId: string },
): Promise<AllocationListRow[]> {
  const result = await sql<
    Selectable<AllocationTable> & {
      invoice_number: string;
      currency: string;
      payment_reference: string | null;
      credit_note_number: string | null;
    }
  >`
    SELECT a.*, i.number AS invoice_number, i.currency, p.reference AS payment_reference, cn.number AS credit_note_number
    FROM allocation a
    JOIN invoice i ON i.company_id = a.company_id AND i.id = a.invoice_id
    LEFT JOIN payment p ON p.company_id = a.company_id AND p.id = a.payment_id
    LEFT JOIN invoice cn ON cn.company_id = a.company_id AND cn.id = a.credit_note_id
    WHERE a.company_id = ${companyId}
      AND ${'customerId' in filter ? sql`i.customer_id = ${filter.customerId}` : sql`a.id = ${filter.allocationId}`}
    ORDER BY a.allocated_on DESC, a.created_at DESC, a.id DESC`.execute(q);
  return result.rows.map((row) => ({
    ...toAllocation(row),
    invoiceNumber: row.invoice_number,
    paymentReference: row.payment_reference,
    creditNoteNumber: row.credit_note_number,
    currency: row.currency,
  }));
}

/**
 * The open totals of `customerIds` (see `OpenTotalKind`), summed exactly: a numeric
 * sum read as text, since a total written before the bounds may pass 2^53.
 */
export async function sumOpenTotals(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<{ customerId: string; currency: string; kind: OpenTotalKind; total: bigint }[]> {
  if (customerIds.length === 0) {
    return [];
  }
  const ids = sql.val([...new Set(customerIds)]);
  const result = await sql<{
    customer_id: string;
    currency: string;
    kind: OpenTotalKind;
    total: string;
  }>`
    SELECT customer_id, currency, kind, sum(open_cents)::text AS total
    FROM invoice
    WHERE company_id = ${companyId} AND customer_id = ANY(${ids}::uuid[]) AND open_cents > 0
    GROUP BY customer_id, currency, kind
    UNION ALL
    SELECT customer_id, currency, 'payment', sum(unapplied_cents)::text
    FROM payment
    WHERE company_id = ${companyId} AND customer_id = ANY(${ids}::uuid[]) AND unapplied_cents > 0
    GROUP BY customer_id, currency`.execute(q);
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    currency: row.currency,
    kind: row.kind,
    total: BigInt(row.total),
  }));
}
