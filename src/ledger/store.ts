import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import {
  anyOf,
  arrayParameter,
  insertRows,
  unnestRows,
  updateRows,
  type ColumnTypes,
} from '../db/array-parameters.ts';
import type { CopyValue, RowSink } from '../db/bulk-copy.ts';
import type { Queryable } from '../db/client.ts';
import type { AllocationTable, InvoiceTable, PaymentTable } from '../db/schema.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { OpenItemSums } from './balances.ts';
import { allOf, countWhere, sumByCurrency, type CurrencyTotal } from './list-sql.ts';
import type {
  Allocation,
  Invoice,
  InvoiceKind,
  InvoiceStatus,
  OpenTotalKind,
  Payment,
} from './model.ts';

/**
 * The columns an `Invoice` is read from: the timestamps are left out, since turning
 * them into dates costs more than the rest of the row on a file's worth of rows.
 */
const INVOICE_COLUMNS = [
  'id',
  'customer_id',
  'kind',
  'number',
  'issue_date',
  'due_date',
  'amount_cents',
  'currency',
  'open_cents',
  'status',
] as const satisfies readonly (keyof InvoiceTable)[];

const PAYMENT_COLUMNS = [
  'id',
  'customer_id',
  'reference',
  'received_on',
  'amount_cents',
  'currency',
  'unapplied_cents',
  'method',
] as const satisfies readonly (keyof PaymentTable)[];

function toInvoice(row: Pick<Selectable<InvoiceTable>, (typeof INVOICE_COLUMNS)[number]>): Invoice {
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

function toPayment(row: Pick<Selectable<PaymentTable>, (typeof PAYMENT_COLUMNS)[number]>): Payment {
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
    undoneOn: row.undone_on as CalendarDate | null,
  };
}

/** Invoice columns as they travel in array parameters (`invoiceRow` gives the values). */
const INVOICE_ROW_TYPES = {
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
  source_key: 'text',
} as const satisfies ColumnTypes<Insertable<InvoiceTable>>;

function invoiceRow(companyId: string, invoice: Invoice) {
  return {
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
    source_key: invoice.sourceKey ?? null,
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
    INVOICE_ROW_TYPES,
    invoices.map((invoice) => invoiceRow(companyId, invoice)),
  );
}

/**
 * Rewrites invoices' stored fields (import updates); their open amounts come from
 * a locked read. Kind and number are the key: they never change; nor does the
 * source key, which says where the item was created from.
 */
export async function updateInvoiceRows(
  q: Queryable,
  companyId: string,
  invoices: readonly Invoice[],
  now: Date,
): Promise<void> {
  const {
    company_id: _company,
    kind: _kind,
    number: _number,
    source_key: _source,
    ...columns
  } = INVOICE_ROW_TYPES;
  await updateRows(
    q,
    'invoice',
    companyId,
    { ...columns, updated_at: 'timestamptz' },
    invoices.map((invoice) => ({ ...invoiceRow(companyId, invoice), updated_at: now })),
  );
}

/**
 * Reads invoices and credit notes and locks them until the transaction ends. One
 * statement, rows locked in id order: the order every writer of the ledger locks
 * in (ADR 13), so two of them never wait on each other in a circle. Every ledger
 * lock is `FOR NO KEY UPDATE`, the lock an UPDATE takes itself: writers of these
 * rows wait for each other, while inserting an allocation that refers to them (a
 * foreign-key check) does not.
 */
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
    .select(INVOICE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, toInvoice(row)]));
}

/**
 * Invoices and credit notes by (kind, number), as committed (no lock): imports
 * look up a whole file's keys in one statement.
 */
export async function findInvoicesByKeys(
  q: Queryable,
  companyId: string,
  keys: readonly { kind: InvoiceKind; number: string }[],
): Promise<Invoice[]> {
  if (keys.length === 0) {
    return [];
  }
  const { rows } = await sql<Selectable<InvoiceTable>>`
    SELECT ${sql.join(INVOICE_COLUMNS.map((column) => sql.ref(`i.${column}`)))} FROM invoice i
    JOIN ${unnestRows('k', { kind: 'text', number: 'text' }, keys)}
      ON i.kind = k.kind AND i.number = k.number
    WHERE i.company_id = ${companyId}`.execute(q);
  return rows.map(toInvoice);
}

/** Writes the open amounts and statuses of invoices and credit notes (allocations, undo). */
export async function setInvoiceOpenAmounts(
  q: Queryable,
  companyId: string,
  invoices: readonly Pick<Invoice, 'id' | 'openCents' | 'status'>[],
  now: Date,
): Promise<void> {
  await updateRows(
    q,
    'invoice',
    companyId,
    { id: 'uuid', open_cents: 'bigint', status: 'text', updated_at: 'timestamptz' },
    invoices.map((invoice) => ({
      id: invoice.id,
      open_cents: invoice.openCents,
      status: invoice.status,
      updated_at: now,
    })),
  );
}

/**
 * Which invoices and credit notes a list shows (every field optional: no filter). A
 * customer is named by its id: the service resolves a customer code through the
 * customer directory first, since `customer` is not the ledger's table (ADR 19).
 */
export type InvoiceListFilter = {
  id?: string | undefined;
  customerId?: string | undefined;
  /** Part of the number, in any case. */
  search?: string | undefined;
  kind?: InvoiceKind | undefined;
  /** `undefined` and `all`: every status. */
  status?: InvoiceStatus | 'unpaid' | 'overdue' | 'all' | undefined;
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  /** What "overdue" is measured against. */
  today: CalendarDate;
};

export type InvoiceListQuery = InvoiceListFilter & {
  sort: 'due_date' | 'issue_date' | 'number' | 'amount' | 'open_amount';
  order: 'asc' | 'desc';
  limit: number | undefined;
  offset: number;
  /**
   * Keyset paging (exports): only the rows after this one in the list's order, so the
   * thousandth batch costs what the first did, where an OFFSET walks every row before.
   */
  after?: Invoice | undefined;
};

/** The list's sort columns and how each reads off a row, for keyset paging. */
const SORT_COLUMNS = {
  due_date: { column: 'i.due_date', keyOf: (row: Invoice) => row.dueDate },
  issue_date: { column: 'i.issue_date', keyOf: (row: Invoice) => row.issueDate },
  number: { column: 'i.number', keyOf: (row: Invoice) => row.number },
  amount: { column: 'i.amount_cents', keyOf: (row: Invoice) => row.amountCents },
  open_amount: { column: 'i.open_cents', keyOf: (row: Invoice) => row.openCents },
} as const;

/** `%text%` for LIKE, its own `%`, `_` and `\` matched literally (as the customer search). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * The WHERE of an invoice list over `invoice i`, shared by its page and its totals so
 * both always count the same rows.
 */
function invoiceListConditions(companyId: string, query: InvoiceListFilter) {
  const conditions: RawBuilder<unknown>[] = [sql`i.company_id = ${companyId}`];
  if (query.id !== undefined) {
    conditions.push(sql`i.id = ${query.id}`);
  }
  if (query.customerId !== undefined) {
    conditions.push(sql`i.customer_id = ${query.customerId}`);
  }
  if (query.search !== undefined && query.search !== '') {
    conditions.push(sql`i.number ILIKE ${containsPattern(query.search)}`);
  }
  if (query.kind !== undefined) {
    conditions.push(sql`i.kind = ${query.kind}`);
  }
  if (query.status === 'unpaid') {
    conditions.push(sql`i.open_cents > 0`);
  } else if (query.status === 'overdue') {
    conditions.push(sql`i.open_cents > 0 AND i.kind = 'invoice' AND i.due_date < ${query.today}`);
  } else if (query.status !== undefined && query.status !== 'all') {
    conditions.push(sql`i.status = ${query.status}`);
  }
  if (query.issuedFrom !== undefined && query.issuedFrom !== '') {
    conditions.push(sql`i.issue_date >= ${query.issuedFrom}`);
  }
  if (query.issuedTo !== undefined && query.issuedTo !== '') {
    conditions.push(sql`i.issue_date <= ${query.issuedTo}`);
  }
  if (query.dueFrom !== undefined && query.dueFrom !== '') {
    conditions.push(sql`i.due_date >= ${query.dueFrom}`);
  }
  if (query.dueTo !== undefined && query.dueTo !== '') {
    conditions.push(sql`i.due_date <= ${query.dueTo}`);
  }
  return allOf(conditions);
}

/**
 * One page of an invoice list. Its rows name their customer by id: the service asks the
 * customer directory for the page's codes and names, in one statement more.
 */
export async function listInvoiceRows(
  q: Queryable,
  companyId: string,
  query: InvoiceListQuery,
): Promise<Invoice[]> {
  const sort = SORT_COLUMNS[query.sort];
  let page = q
    .selectFrom('invoice as i')
    .where(invoiceListConditions(companyId, query))
    .select(INVOICE_COLUMNS.map((name) => `i.${name}` as const))
    .orderBy(sort.column, query.order)
    .orderBy('i.number', 'asc')
    // An invoice and a credit note may share a number: the id makes the order total.
    .orderBy('i.id', 'asc')
    .offset(query.offset);
  if (query.after !== undefined) {
    const key = sort.keyOf(query.after);
    const column = sql.ref(sort.column);
    const beyond = query.order === 'asc' ? sql`>` : sql`<`;
    page = page.where(
      sql<SqlBool>`(${column} ${beyond} ${key} OR (${column} = ${key} AND (i.number, i.id) > (${query.after.number}, ${query.after.id}::uuid)))`,
    );
  }
  if (query.limit !== undefined) {
    page = page.limit(query.limit);
  }
  const rows = await page.execute();
  return rows.map(toInvoice);
}

/** How many invoices and credit notes a list's filters match, all pages together. */
export async function countInvoiceRows(
  q: Queryable,
  companyId: string,
  filter: InvoiceListFilter,
): Promise<number> {
  return countWhere(q, sql`invoice i`, invoiceListConditions(companyId, filter));
}

/** Signed (credit notes negative), summed exactly: numeric, read as text (`sumByCurrency`). */
export type InvoiceListTotal = CurrencyTotal<'amount' | 'openAmount' | 'overdueAmount'>;

/**
 * The totals of every row an invoice list matches, per currency, in one aggregate
 * statement whatever the number of rows or pages: the same conditions as the page.
 */
export async function sumInvoiceRows(
  q: Queryable,
  companyId: string,
  filter: InvoiceListFilter,
): Promise<InvoiceListTotal[]> {
  const signed = (column: RawBuilder<unknown>) =>
    sql`CASE WHEN i.kind = 'invoice' THEN ${column} ELSE -${column} END`;
  return sumByCurrency(q, sql`invoice i`, invoiceListConditions(companyId, filter), {
    amount: sql`sum(${signed(sql`i.amount_cents`)})`,
    openAmount: sql`sum(${signed(sql`i.open_cents`)})`,
    overdueAmount: sql`coalesce(sum(i.open_cents) FILTER (
        WHERE i.kind = 'invoice' AND i.open_cents > 0 AND i.due_date < ${filter.today}
      ), 0)`,
  });
}

/** Payment columns as they travel in array parameters or a COPY (`paymentRow` gives the values). */
const PAYMENT_ROW_TYPES = {
  company_id: 'uuid',
  id: 'uuid',
  customer_id: 'uuid',
  reference: 'text',
  received_on: 'date',
  amount_cents: 'bigint',
  currency: 'text',
  unapplied_cents: 'bigint',
  method: 'text',
  source_key: 'text',
} as const satisfies ColumnTypes<Insertable<PaymentTable>>;

function paymentRow(companyId: string, payment: Payment) {
  return {
    company_id: companyId,
    id: payment.id,
    customer_id: payment.customerId,
    reference: payment.reference,
    received_on: payment.receivedOn,
    amount_cents: payment.amountCents,
    currency: payment.currency,
    unapplied_cents: payment.unappliedCents,
    method: payment.method,
    source_key: payment.sourceKey ?? null,
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
    PAYMENT_ROW_TYPES,
    payments.map((payment) => paymentRow(companyId, payment)),
  );
}

/** Reads payments and locks them in id order until the transaction ends (see `findInvoicesForUpdate`). */
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
    .select(PAYMENT_COLUMNS)
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, toPayment(row)]));
}

/** Payments by reference, as committed (no lock). */
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
    .select(PAYMENT_COLUMNS)
    .where('company_id', '=', companyId)
    .where('reference', '=', anyOf(references, 'text'))
    .execute();
  return new Map(rows.map((row) => [row.reference, toPayment(row)]));
}

/** Writes the unapplied amounts of payments (allocations, undo). */
export async function setPaymentsUnapplied(
  q: Queryable,
  companyId: string,
  payments: readonly Pick<Payment, 'id' | 'unappliedCents'>[],
): Promise<void> {
  await updateRows(
    q,
    'payment',
    companyId,
    { id: 'uuid', unapplied_cents: 'bigint' },
    payments.map((payment) => ({
      id: payment.id,
      unapplied_cents: payment.unappliedCents,
    })),
  );
}

/**
 * Which payments a list shows (every field optional: no filter). A customer is named by
 * its id, as for invoices (ADR 19).
 */
export type PaymentListFilter = {
  id?: string | undefined;
  customerId?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  hasUnapplied?: boolean | undefined;
};

export type PaymentListQuery = PaymentListFilter & {
  limit: number;
  offset: number;
  /**
   * Keyset paging (exports): only the payments after this one in the list's order (newest
   * first, then by reference, unique in a company), never an OFFSET.
   */
  after?: Payment | undefined;
};

/**
 * The WHERE of a payment list over `payment p`, shared by its page, its count and its
 * totals so that all three always count the same rows.
 */
function paymentListConditions(companyId: string, filter: PaymentListFilter) {
  const conditions: RawBuilder<unknown>[] = [sql`p.company_id = ${companyId}`];
  if (filter.id !== undefined) {
    conditions.push(sql`p.id = ${filter.id}`);
  } else {
    // A voided payment (an undone bank match) stays readable by its id, out of the lists.
    conditions.push(sql`p.voided_at IS NULL`);
  }
  if (filter.customerId !== undefined) {
    conditions.push(sql`p.customer_id = ${filter.customerId}`);
  }
  if (filter.receivedFrom !== undefined) {
    conditions.push(sql`p.received_on >= ${filter.receivedFrom}`);
  }
  if (filter.receivedTo !== undefined) {
    conditions.push(sql`p.received_on <= ${filter.receivedTo}`);
  }
  if (filter.hasUnapplied !== undefined) {
    conditions.push(filter.hasUnapplied ? sql`p.unapplied_cents > 0` : sql`p.unapplied_cents = 0`);
  }
  return allOf(conditions);
}

/** A page of payments, newest first, customers by id (the service names them). */
export async function listPaymentRows(
  q: Queryable,
  companyId: string,
  query: PaymentListQuery,
): Promise<Payment[]> {
  let page = q
    .selectFrom('payment as p')
    .where(paymentListConditions(companyId, query))
    .select(PAYMENT_COLUMNS.map((name) => `p.${name}` as const))
    .orderBy('p.received_on', 'desc')
    .orderBy('p.reference', 'asc')
    .limit(query.limit)
    .offset(query.offset);
  if (query.after !== undefined) {
    const { receivedOn, reference } = query.after;
    page = page.where(
      sql<SqlBool>`(p.received_on < ${receivedOn} OR (p.received_on = ${receivedOn} AND p.reference > ${reference}))`,
    );
  }
  const rows = await page.execute();
  return rows.map(toPayment);
}

/** How many payments a list's filters match, all pages together. */
export async function countPaymentRows(
  q: Queryable,
  companyId: string,
  filter: PaymentListFilter,
): Promise<number> {
  return countWhere(q, sql`payment p`, paymentListConditions(companyId, filter));
}

/** Summed exactly: numeric, read as text (`sumByCurrency`). */
export type PaymentListTotal = CurrencyTotal<'amount' | 'unappliedAmount'>;

/**
 * The totals of every payment a list matches, per currency, in one aggregate statement
 * whatever the number of rows: the same conditions as the page.
 */
export async function sumPaymentRows(
  q: Queryable,
  companyId: string,
  filter: PaymentListFilter,
): Promise<PaymentListTotal[]> {
  return sumByCurrency(q, sql`payment p`, paymentListConditions(companyId, filter), {
    amount: sql`sum(p.amount_cents)`,
    unappliedAmount: sql`sum(p.unapplied_cents)`,
  });
}

/** Allocation columns as they travel in array parameters or a COPY (`allocationRow` gives the values). */
const ALLOCATION_ROW_TYPES = {
  company_id: 'uuid',
  id: 'uuid',
  invoice_id: 'uuid',
  payment_id: 'uuid',
  credit_note_id: 'uuid',
  amount_cents: 'bigint',
  allocated_on: 'date',
} as const satisfies ColumnTypes<Insertable<AllocationTable>>;

/** What an allocation row is written from: its undoing is written by `markAllocationsUndone`. */
type NewAllocation = Omit<Allocation, 'undoneAt' | 'undoneOn'>;

function allocationRow(companyId: string, allocation: NewAllocation) {
  return {
    company_id: companyId,
    id: allocation.id,
    invoice_id: allocation.invoiceId,
    payment_id: allocation.paymentId,
    credit_note_id: allocation.creditNoteId,
    amount_cents: allocation.amountCents,
    allocated_on: allocation.allocatedOn,
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
    ALLOCATION_ROW_TYPES,
    allocations.map((allocation) => allocationRow(companyId, allocation)),
  );
}

/** Rows to COPY, in the column order of `types`, as its row builder gives their values. */
function copyValues<Row extends Record<string, CopyValue>>(
  types: Readonly<Record<keyof Row & string, unknown>>,
  rows: readonly Row[],
): { columns: string[]; values: CopyValue[][] } {
  const columns = Object.keys(types);
  return { columns, values: rows.map((row) => columns.map((column) => row[column] ?? null)) };
}

/**
 * The day each invoice was settled in full by `allocations` (all live), as the trigger on
 * `allocation` writes it (ADR 24): the latest of their dates when they add up to its amount.
 */
function settlementDays(
  invoices: readonly Invoice[],
  allocations: readonly NewAllocation[],
): Map<string, CalendarDate> {
  const drawn = new Map<string, { cents: number; last: CalendarDate }>();
  for (const allocation of allocations) {
    const sum = drawn.get(allocation.invoiceId);
    drawn.set(allocation.invoiceId, {
      cents: (sum?.cents ?? 0) + allocation.amountCents,
      last:
        sum === undefined || allocation.allocatedOn > sum.last ? allocation.allocatedOn : sum.last,
    });
  }
  const days = new Map<string, CalendarDate>();
  for (const invoice of invoices) {
    const sum = drawn.get(invoice.id);
    if (invoice.kind === 'invoice' && sum !== undefined && sum.cents === invoice.amountCents) {
      days.set(invoice.id, sum.last);
    }
  }
  return days;
}

/**
 * Sends invoices, payments and allocations down a COPY sink (the demo's bulk load), with
 * the very columns and values the inserts above write, and each invoice's day of settlement:
 * the trigger on `allocation` then finds it right and leaves the rows as COPY wrote them
 * (frozen, ADR 7) instead of rewriting every paid invoice.
 */
export async function copyLedgerRows(
  copy: RowSink,
  companyId: string,
  rows: {
    invoices: readonly Invoice[];
    payments: readonly Payment[];
    allocations: readonly NewAllocation[];
  },
): Promise<void> {
  const settled = settlementDays(rows.invoices, rows.allocations);
  const tables = [
    [
      'invoice',
      copyValues(
        { ...INVOICE_ROW_TYPES, settled_on: 'date' },
        rows.invoices.map((row) => ({
          ...invoiceRow(companyId, row),
          settled_on: settled.get(row.id) ?? null,
        })),
      ),
    ],
    [
      'payment',
      copyValues(
        PAYMENT_ROW_TYPES,
        rows.payments.map((row) => paymentRow(companyId, row)),
      ),
    ],
    [
      'allocation',
      copyValues(
        ALLOCATION_ROW_TYPES,
        rows.allocations.map((row) => allocationRow(companyId, row)),
      ),
    ],
  ] as const;
  for (const [table, { columns, values }] of tables) {
    await copy(table, columns, values);
  }
}

/** Allocations by id, locked until the transaction ends (an undo of several at once). */
export async function findAllocationsForUpdate(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Allocation[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await q
    .selectFrom('allocation')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return rows.map(toAllocation);
}

/** Marks allocations undone, in one statement. */
export async function markAllocationsUndone(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
  undone: { at: Date; on: CalendarDate },
): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  await q
    .updateTable('allocation')
    .set({ undone_at: undone.at, undone_on: undone.on })
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
}

/** Voids payments: no cash left on them, dated. Their live allocations must be undone first. */
export async function voidPaymentRows(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
  voided: { at: Date; on: CalendarDate },
): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  await q
    .updateTable('payment')
    .set({ unapplied_cents: 0, voided_at: voided.at, voided_on: voided.on })
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
}

/** The payment references among `references` the company already holds, voided ones included. */
export async function findTakenPaymentReferences(
  q: Queryable,
  companyId: string,
  references: readonly string[],
): Promise<Set<string>> {
  if (references.length === 0) {
    return new Set();
  }
  const rows = await q
    .selectFrom('payment')
    .select('reference')
    .where('company_id', '=', companyId)
    .where('reference', '=', anyOf(references, 'text'))
    .execute();
  return new Set(rows.map((row) => row.reference));
}

/**
 * Every open invoice and credit note of the company in `currency` (open amount above 0),
 * read in one statement on the partial open-items index: what the bank matcher searches.
 */
export async function listOpenItemRows(
  q: Queryable,
  companyId: string,
  currency: string,
): Promise<Invoice[]> {
  const rows = await q
    .selectFrom('invoice')
    .select(INVOICE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('open_cents', '>', 0)
    .where('currency', '=', currency)
    .execute();
  return rows.map(toInvoice);
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
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row && toAllocation(row);
}

export async function markAllocationUndone(
  q: Queryable,
  companyId: string,
  id: string,
  undone: { at: Date; on: CalendarDate },
): Promise<void> {
  await q
    .updateTable('allocation')
    .set({ undone_at: undone.at, undone_on: undone.on })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/**
 * The (source, invoice) pairs that already have a live allocation, among the
 * allocations drawn on these payments or credit notes (ids are unique across both):
 * re-importing a payment or a lettering does not allocate it twice.
 */
export async function findLiveAllocationPairs(
  q: Queryable,
  companyId: string,
  sourceIds: readonly string[],
): Promise<{ sourceId: string; invoiceId: string }[]> {
  if (sourceIds.length === 0) {
    return [];
  }
  const ids = arrayParameter(sourceIds, 'uuid');
  const { rows } = await sql<{ source_id: string; invoice_id: string }>`
    SELECT coalesce(payment_id, credit_note_id) AS source_id, invoice_id FROM allocation
    WHERE company_id = ${companyId} AND undone_at IS NULL
      AND (payment_id = ANY(${ids}) OR credit_note_id = ANY(${ids}))`.execute(q);
  return rows.map((row) => ({ sourceId: row.source_id, invoiceId: row.invoice_id }));
}

/** An item created from a source line (a FEC's), as `findSourcedItems` reads it. */
export type SourcedItem = {
  kind: InvoiceKind | 'payment';
  /** The invoice's or credit note's number, the payment's reference. */
  key: string;
  sourceKey: string;
  date: CalendarDate;
  amountCents: Cents;
  currency: string;
};

/**
 * The invoices, credit notes and payments of a company created from a source line,
 * dated (issue date, receipt date) from `from` to `to`: one statement, read once by
 * an import to tell which of them its file no longer has.
 */
export async function findSourcedItems(
  q: Queryable,
  companyId: string,
  from: CalendarDate,
  to: CalendarDate,
): Promise<SourcedItem[]> {
  const { rows } = await sql<{
    kind: InvoiceKind | 'payment';
    key: string;
    source_key: string;
    date: CalendarDate;
    amount_cents: number;
    currency: string;
  }>`
    SELECT kind, number AS key, source_key, issue_date AS date, amount_cents, currency
    FROM invoice
    WHERE company_id = ${companyId} AND source_key IS NOT NULL
      AND issue_date BETWEEN ${from} AND ${to}
    UNION ALL
    SELECT 'payment', reference, source_key, received_on, amount_cents, currency
    FROM payment
    WHERE company_id = ${companyId} AND source_key IS NOT NULL
      AND received_on BETWEEN ${from} AND ${to}
    ORDER BY 4, 2`.execute(q);
  return rows.map((row) => ({
    kind: row.kind,
    key: row.key,
    sourceKey: row.source_key,
    date: row.date,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
  }));
}

export type AllocationListRow = Allocation & {
  invoiceNumber: string;
  paymentReference: string | null;
  creditNoteNumber: string | null;
  currency: string;
};

/**
 * Allocations with the numbers of what they link, newest first, undone ones
 * included: every one touching a customer's invoices, every one that settled an
 * invoice or used a credit note (`invoiceId`), or a single one by id.
 */
export async function listAllocationRows(
  q: Queryable,
  companyId: string,
  filter: { customerId: string } | { invoiceId: string } | { allocationId: string },
): Promise<AllocationListRow[]> {
  const condition =
    'customerId' in filter
      ? sql`i.customer_id = ${filter.customerId}`
      : 'invoiceId' in filter
        ? sql`(a.invoice_id = ${filter.invoiceId} OR a.credit_note_id = ${filter.invoiceId})`
        : sql`a.id = ${filter.allocationId}`;
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
      AND ${condition}
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

/**
 * One customer's open items summed at `asOf`, in `currency` (`balances.ts` says what
 * each figure is). Exact sums, read as text: items written before the bounds may pass
 * 2^53 together.
 */
export async function sumCustomerOpenItems(
  q: Queryable,
  companyId: string,
  customerId: string,
  asOf: CalendarDate,
  currency: string,
): Promise<OpenItemSums> {
  const items = await sql<{
    invoices_open: string;
    overdue: string;
    credit_notes_open: string;
    oldest_due: CalendarDate | null;
  }>`
    SELECT
      coalesce(sum(open_cents) FILTER (WHERE kind = 'invoice'), 0)::text AS invoices_open,
      coalesce(sum(open_cents) FILTER (WHERE kind = 'invoice' AND due_date < ${asOf}), 0)::text AS overdue,
      coalesce(sum(open_cents) FILTER (WHERE kind = 'credit_note'), 0)::text AS credit_notes_open,
      min(due_date) FILTER (WHERE kind = 'invoice' AND due_date < ${asOf}) AS oldest_due
    FROM invoice
    WHERE company_id = ${companyId} AND customer_id = ${customerId} AND open_cents > 0 AND currency = ${currency}`.execute(
    q,
  );
  const cash = await sql<{ unapplied: string }>`
    SELECT coalesce(sum(unapplied_cents), 0)::text AS unapplied
    FROM payment
    WHERE company_id = ${companyId} AND customer_id = ${customerId} AND unapplied_cents > 0 AND currency = ${currency}`.execute(
    q,
  );
  const row = items.rows[0];
  return {
    invoicesOpen: BigInt(row?.invoices_open ?? '0'),
    overdue: BigInt(row?.overdue ?? '0'),
    creditNotesOpen: BigInt(row?.credit_notes_open ?? '0'),
    unappliedCash: BigInt(cash.rows[0]?.unapplied ?? '0'),
    oldestDueDate: row?.oldest_due ?? null,
  };
}

/** One live allocation of a payment (or of a credit note deducted with it), numbers named. */
export type SettledAllocationRow = {
  allocationId: string;
  invoiceId: string;
  invoiceNumber: string;
  creditNoteId: string | null;
  creditNoteNumber: string | null;
  amountCents: Cents;
};

/** What a payment settles now: its live allocations, and the cash it has left. */
export type PaymentSettlementRow = {
  paymentId: string;
  unappliedCents: Cents;
  allocations: SettledAllocationRow[];
};

/**
 * What `payments` settle now, in one statement for them all: each payment's live
 * allocations (undone ones left out) and those among its `allocationIds` (the credit
 * notes deducted with it, which name no payment), oldest invoice first, with the cash it
 * has left unapplied. A payment the company does not have is absent.
 */
export async function listPaymentSettlementRows(
  q: Queryable,
  companyId: string,
  payments: readonly { paymentId: string; allocationIds: readonly string[] }[],
): Promise<PaymentSettlementRow[]> {
  if (payments.length === 0) {
    return [];
  }
  const { rows } = await sql<{
    payment_id: string;
    unapplied_cents: number;
    allocation_id: string | null;
    invoice_id: string | null;
    invoice_number: string | null;
    credit_note_id: string | null;
    credit_note_number: string | null;
    amount_cents: number | null;
  }>`
    SELECT p.id AS payment_id, p.unapplied_cents, a.id AS allocation_id, a.invoice_id,
      i.number AS invoice_number, a.credit_note_id, cn.number AS credit_note_number, a.amount_cents
    FROM ${unnestRows(
      'r',
      { payment_id: 'uuid', allocation_ids: 'jsonb' },
      payments.map((payment) => ({
        payment_id: payment.paymentId,
        allocation_ids: JSON.stringify(payment.allocationIds),
      })),
    )}
    JOIN payment p ON p.company_id = ${companyId} AND p.id = r.payment_id
    LEFT JOIN allocation a ON a.company_id = p.company_id AND a.undone_at IS NULL
      AND (a.payment_id = p.id
        OR a.id = ANY(ARRAY(SELECT jsonb_array_elements_text(r.allocation_ids))::uuid[]))
    LEFT JOIN invoice i ON i.company_id = a.company_id AND i.id = a.invoice_id
    LEFT JOIN invoice cn ON cn.company_id = a.company_id AND cn.id = a.credit_note_id
    ORDER BY p.id, i.due_date, i.issue_date, i.number, a.credit_note_id IS NULL, a.id`.execute(q);
  const settlements = new Map<string, PaymentSettlementRow>();
  for (const row of rows) {
    let settlement = settlements.get(row.payment_id);
    if (settlement === undefined) {
      settlement = {
        paymentId: row.payment_id,
        unappliedCents: cents(row.unapplied_cents),
        allocations: [],
      };
      settlements.set(row.payment_id, settlement);
    }
    if (row.allocation_id !== null && row.invoice_id !== null && row.amount_cents !== null) {
      settlement.allocations.push({
        allocationId: row.allocation_id,
        invoiceId: row.invoice_id,
        invoiceNumber: row.invoice_number ?? '',
        creditNoteId: row.credit_note_id,
        creditNoteNumber: row.credit_note_number,
        amountCents: cents(row.amount_cents),
      });
    }
  }
  return [...settlements.values()];
}

/** An open invoice with what was settled on it: the day and amount of each live allocation. */
export type OpenInvoiceWithSettlements = Invoice & {
  settlements: { on: CalendarDate; amountCents: Cents }[];
};

/**
 * The open invoices (not credit notes) of `customerIds`, oldest due first, each with its
 * live allocations (an undone one left out) as settlements: what a dunning message lists
 * and its penalties are counted from. Two statements, whatever the number of customers;
 * three with `forShare`, which holds the invoices until the transaction ends (ADR 22).
 */
export async function listOpenInvoicesWithSettlements(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
  options: { forShare?: boolean } = {},
): Promise<OpenInvoiceWithSettlements[]> {
  if (customerIds.length === 0) {
    return [];
  }
  if (options.forShare === true) {
    // In id order, the ledger writers' lock order (ADR 13), so neither waits in a circle.
    await q
      .selectFrom('invoice')
      .select('id')
      .where('company_id', '=', companyId)
      .where('customer_id', '=', anyOf(customerIds, 'uuid'))
      .where('kind', '=', 'invoice')
      .where('open_cents', '>', 0)
      .orderBy('id')
      .forShare()
      .execute();
  }
  const invoices = await q
    .selectFrom('invoice')
    .select(INVOICE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('kind', '=', 'invoice')
    .where('open_cents', '>', 0)
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('number')
    .execute();
  if (invoices.length === 0) {
    return [];
  }
  const allocations = await q
    .selectFrom('allocation')
    .select(['invoice_id', 'allocated_on', 'amount_cents'])
    .where('company_id', '=', companyId)
    .where(
      'invoice_id',
      '=',
      anyOf(
        invoices.map((row) => row.id),
        'uuid',
      ),
    )
    .where('undone_at', 'is', null)
    .execute();
  const settled = new Map<string, { on: CalendarDate; amountCents: Cents }[]>();
  for (const row of allocations) {
    const list = settled.get(row.invoice_id) ?? [];
    list.push({ on: row.allocated_on as CalendarDate, amountCents: cents(row.amount_cents) });
    settled.set(row.invoice_id, list);
  }
  return invoices.map((row) => ({ ...toInvoice(row), settlements: settled.get(row.id) ?? [] }));
}

/**
 * The next `limit` customers after `after` (by id) with an open invoice: the dunning run's
 * slices (ADR 22). One statement on the open invoices' index.
 */
export async function listCustomerIdsWithOpenInvoices(
  q: Queryable,
  companyId: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let query = q
    .selectFrom('invoice')
    .select('customer_id')
    .distinct()
    .where('company_id', '=', companyId)
    .where('kind', '=', 'invoice')
    .where('open_cents', '>', 0);
  if (after !== null) {
    query = query.where('customer_id', '>', after);
  }
  const rows = await query.orderBy('customer_id').limit(limit).execute();
  return rows.map((row) => row.customer_id);
}

/** What each customer could apply before being reminded: unapplied payments and open credit notes. */
export type CustomerCredits = { customerId: string; currency: string; creditsCents: Cents };

/** The credits of `customerIds` by currency, in two statements whatever their number. */
export async function sumCustomerCredits(
  q: Queryable,
  companyId: string,
  customerIds: readonly string[],
): Promise<CustomerCredits[]> {
  if (customerIds.length === 0) {
    return [];
  }
  const notes = await q
    .selectFrom('invoice')
    .select(['customer_id', 'currency', sql<string>`sum(open_cents)::text`.as('cents')])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('kind', '=', 'credit_note')
    .where('open_cents', '>', 0)
    .groupBy(['customer_id', 'currency'])
    .execute();
  const payments = await q
    .selectFrom('payment')
    .select(['customer_id', 'currency', sql<string>`sum(unapplied_cents)::text`.as('cents')])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', anyOf(customerIds, 'uuid'))
    .where('unapplied_cents', '>', 0)
    .groupBy(['customer_id', 'currency'])
    .execute();
  const totals = new Map<string, CustomerCredits>();
  for (const row of [...notes, ...payments]) {
    const key = `${row.customer_id}:${row.currency}`;
    const found = totals.get(key);
    const amount = cents(Number(row.cents));
    totals.set(key, {
      customerId: row.customer_id,
      currency: row.currency,
      creditsCents: cents((found?.creditsCents ?? 0) + amount),
    });
  }
  return [...totals.values()];
}

/** Invoices and credit notes by id, as committed (no lock), in one statement. */
export async function findInvoicesByIds(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Invoice[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await q
    .selectFrom('invoice')
    .select(INVOICE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .orderBy('id')
    .execute();
  return rows.map(toInvoice);
}

/** What was settled on one invoice on one day: its live allocations dated that day, summed. */
export type InvoiceDaySettlement = {
  invoiceId: string;
  on: CalendarDate;
  amountCents: Cents;
  /** The part of `amountCents` that credit notes settled (the rest: payments). */
  creditNoteCents: Cents;
};

/**
 * The live allocations (not undone) on `invoiceIds` dated from `from` to `to`, both
 * included, from payments and credit notes alike, summed per invoice and day. One
 * statement whatever the number of invoices, on the allocations' invoice index.
 */
export async function sumSettlementsOfInvoices(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
  window: { from: CalendarDate; to: CalendarDate },
): Promise<InvoiceDaySettlement[]> {
  if (invoiceIds.length === 0 || window.from > window.to) {
    return [];
  }
  const rows = await q
    .selectFrom('allocation')
    .select([
      'invoice_id',
      'allocated_on',
      sql<string>`sum(amount_cents)::text`.as('cents'),
      sql<string>`coalesce(sum(amount_cents) FILTER (WHERE credit_note_id IS NOT NULL), 0)::text`.as(
        'credit_note_cents',
      ),
    ])
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .where('undone_at', 'is', null)
    .where('allocated_on', '>=', window.from)
    .where('allocated_on', '<=', window.to)
    .groupBy(['invoice_id', 'allocated_on'])
    .orderBy('invoice_id')
    .orderBy('allocated_on')
    .execute();
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    on: row.allocated_on as CalendarDate,
    amountCents: cents(Number(row.cents)),
    creditNoteCents: cents(Number(row.credit_note_cents)),
  }));
}
