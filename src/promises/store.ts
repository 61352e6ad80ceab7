/**
 * The payment promises' SQL (migration 202612022200): `payment_promise` and
 * `payment_promise_invoice`. Every statement filters on the company; lists travel as array
 * parameters, so the daily check is a fixed number of statements whatever the number of
 * promises.
 */
import { sql, type Selectable } from 'kysely';
import { anyOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { PromiseChannel, PromiseFate, PromiseRecord, PromiseStatus } from './model.ts';
import { promisesDb, type PaymentPromiseTable } from './tables.ts';

type PromiseRow = Selectable<PaymentPromiseTable>;

function toPromise(
  row: PromiseRow,
  invoices: { invoiceId: string; openCentsAtPromise: Cents }[],
): PromiseRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    promisedOn: row.promised_on as CalendarDate,
    graceDays: row.grace_days,
    channel: row.channel as PromiseChannel,
    note: row.note,
    takenBy: { id: row.taken_by, name: row.taken_by_name },
    status: row.status as PromiseStatus,
    paidCents: cents(row.paid_cents),
    settledOn: row.settled_on as CalendarDate | null,
    sourceActionId: row.source_action_id,
    createdOn: row.created_on as CalendarDate,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    invoices,
    invoiceIds: invoices.map((invoice) => invoice.invoiceId),
  };
}

/** The invoices of `promiseIds`, by promise, in one statement. */
async function invoicesOf(
  q: Queryable,
  companyId: string,
  promiseIds: readonly string[],
): Promise<Map<string, { invoiceId: string; openCentsAtPromise: Cents }[]>> {
  const found = new Map<string, { invoiceId: string; openCentsAtPromise: Cents }[]>();
  if (promiseIds.length === 0) {
    return found;
  }
  const rows = await promisesDb(q)
    .selectFrom('payment_promise_invoice')
    .select(['promise_id', 'invoice_id', 'open_cents_at_promise'])
    .where('company_id', '=', companyId)
    .where('promise_id', '=', anyOf(promiseIds, 'uuid'))
    .orderBy('promise_id')
    .orderBy('invoice_id')
    .execute();
  for (const row of rows) {
    const list = found.get(row.promise_id) ?? [];
    list.push({
      invoiceId: row.invoice_id,
      openCentsAtPromise: cents(row.open_cents_at_promise),
    });
    found.set(row.promise_id, list);
  }
  return found;
}

async function withInvoices(
  q: Queryable,
  companyId: string,
  rows: readonly PromiseRow[],
): Promise<PromiseRecord[]> {
  const invoices = await invoicesOf(
    q,
    companyId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toPromise(row, invoices.get(row.id) ?? []));
}

/**
 * Serialises the promises taken for one customer until the transaction ends, so that two
 * collectors promising on the same invoices at once do not both leave a live promise: the
 * second waits, then finds the first's and replaces it. An advisory lock: nothing else
 * (the ledger, the run) waits for it.
 */
export async function lockCustomerPromises(
  q: Queryable,
  companyId: string,
  customerId: string,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`encaisse.promise:${companyId}:${customerId}`}, 0))`.execute(
    q,
  );
}

/** Writes a new promise and its invoices: two statements. */
export async function insertPromise(
  q: Queryable,
  companyId: string,
  promise: Omit<PromiseRecord, 'updatedAt' | 'invoiceIds'>,
): Promise<void> {
  await promisesDb(q)
    .insertInto('payment_promise')
    .values({
      company_id: companyId,
      id: promise.id,
      customer_id: promise.customerId,
      amount_cents: promise.amountCents,
      currency: promise.currency,
      promised_on: promise.promisedOn,
      grace_days: promise.graceDays,
      channel: promise.channel,
      note: promise.note,
      taken_by: promise.takenBy.id,
      taken_by_name: promise.takenBy.name,
      status: promise.status,
      paid_cents: promise.paidCents,
      settled_on: promise.settledOn,
      source_action_id: promise.sourceActionId,
      created_on: promise.createdOn,
      created_at: promise.createdAt,
      updated_at: promise.createdAt,
    })
    .execute();
  await sql`INSERT INTO payment_promise_invoice (company_id, promise_id, invoice_id, open_cents_at_promise)
    SELECT ${companyId}::uuid, ${promise.id}::uuid, row.invoice_id, row.open_cents
    FROM ${unnestRows(
      'row',
      { invoice_id: 'uuid', open_cents: 'bigint' },
      promise.invoices.map((invoice) => ({
        invoice_id: invoice.invoiceId,
        open_cents: invoice.openCentsAtPromise,
      })),
    )}`.execute(q);
}

/** One promise with its invoices; `forUpdate` locks its row until the transaction ends. */
export async function findPromise(
  q: Queryable,
  companyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PromiseRecord | undefined> {
  const query = promisesDb(q)
    .selectFrom('payment_promise')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id);
  const row = await (options.forUpdate === true ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  return (await withInvoices(q, companyId, [row]))[0];
}

/** Promises by id with their invoices: two statements whatever their number. */
export async function findPromisesByIds(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<PromiseRecord[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await promisesDb(q)
    .selectFrom('payment_promise')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
  return withInvoices(q, companyId, rows);
}

/** Promises newest first (ids are time-ordered), by customer and status, before `before`. */
export async function listPromiseRows(
  q: Queryable,
  companyId: string,
  filter: {
    customerId?: string | undefined;
    status?: PromiseStatus | undefined;
    limit: number;
    before?: string | undefined;
  },
): Promise<PromiseRecord[]> {
  let query = promisesDb(q)
    .selectFrom('payment_promise')
    .selectAll()
    .where('company_id', '=', companyId);
  if (filter.customerId !== undefined) {
    query = query.where('customer_id', '=', filter.customerId);
  }
  if (filter.status !== undefined) {
    query = query.where('status', '=', filter.status);
  }
  if (filter.before !== undefined) {
    query = query.where('id', '<', filter.before);
  }
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return withInvoices(q, companyId, rows);
}

/** Every live promise of the company with its invoices: two statements. */
export async function listLivePromiseRows(
  q: Queryable,
  companyId: string,
): Promise<PromiseRecord[]> {
  const rows = await promisesDb(q)
    .selectFrom('payment_promise')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', '=', 'live')
    .orderBy('id')
    .execute();
  return withInvoices(q, companyId, rows);
}

/** The live promises covering any of `invoiceIds`, locked in id order: one statement. */
export async function findLivePromiseIdsOfInvoices(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<string[]> {
  if (invoiceIds.length === 0) {
    return [];
  }
  const query = promisesDb(q)
    .selectFrom('payment_promise as p')
    .select('p.id')
    .where('p.company_id', '=', companyId)
    .where('p.status', '=', 'live')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('payment_promise_invoice as i')
          .select('i.promise_id')
          .whereRef('i.company_id', '=', 'p.company_id')
          .whereRef('i.promise_id', '=', 'p.id')
          .where('i.invoice_id', '=', anyOf(invoiceIds, 'uuid')),
      ),
    )
    .orderBy('p.id');
  const rows = await (options.forUpdate === true ? query.forUpdate('p') : query).execute();
  return rows.map((row) => row.id);
}

/** Which of `invoiceIds` a live promise covers: one statement. */
export async function findLivePromisedInvoiceIds(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<Set<string>> {
  if (invoiceIds.length === 0) {
    return new Set();
  }
  const rows = await promisesDb(q)
    .selectFrom('payment_promise_invoice as i')
    .innerJoin('payment_promise as p', (join) =>
      join.onRef('p.company_id', '=', 'i.company_id').onRef('p.id', '=', 'i.promise_id'),
    )
    .select('i.invoice_id')
    .distinct()
    .where('i.company_id', '=', companyId)
    .where('i.invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .where('p.status', '=', 'live')
    .execute();
  return new Set(rows.map((row) => row.invoice_id));
}

/**
 * Cancels the live promises of `ids` on `today`: one statement. Only a promise still live
 * changes (a second caller at once finds it settled); the ids cancelled now.
 */
export async function cancelPromiseRows(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
  today: CalendarDate,
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await promisesDb(q)
    .updateTable('payment_promise')
    .set({ status: 'cancelled', settled_on: today, updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .where('status', '=', 'live')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Settles promises: each `live` one of `fates` takes its status and paid amount, settled
 * on `today`, in one statement. A promise no longer live (settled by a check that ran at
 * the same time and committed first: the UPDATE waits for its row, then sees it changed)
 * is left as it is. The ids settled now.
 */
export async function settlePromiseRows(
  q: Queryable,
  companyId: string,
  fates: readonly { id: string; status: Exclude<PromiseFate, 'live'>; paidCents: Cents }[],
  today: CalendarDate,
  now: Date,
): Promise<string[]> {
  if (fates.length === 0) {
    return [];
  }
  const { rows } = await sql<{ id: string }>`
    UPDATE payment_promise AS p
    SET status = row.status, paid_cents = row.paid_cents, settled_on = ${today}::date,
      updated_at = ${now}
    FROM ${unnestRows(
      'row',
      { id: 'uuid', status: 'text', paid_cents: 'bigint' },
      fates.map((fate) => ({ id: fate.id, status: fate.status, paid_cents: fate.paidCents })),
    )}
    WHERE p.company_id = ${companyId} AND p.id = row.id AND p.status = 'live'
    RETURNING p.id`.execute(q);
  return rows.map((row) => row.id);
}

/** The promises whose fate was decided from `from` to `to` (cancelled ones left out). */
export async function listSettledPromiseRows(
  q: Queryable,
  companyId: string,
  window: { from: CalendarDate; to: CalendarDate },
): Promise<Pick<PromiseRecord, 'status' | 'amountCents' | 'paidCents' | 'currency'>[]> {
  const rows = await promisesDb(q)
    .selectFrom('payment_promise')
    .select(['status', 'amount_cents', 'paid_cents', 'currency'])
    .where('company_id', '=', companyId)
    .where('settled_on', '>=', window.from)
    .where('settled_on', '<=', window.to)
    .where('status', 'in', ['kept', 'partly_kept', 'broken'])
    .execute();
  return rows.map((row) => ({
    status: row.status as PromiseStatus,
    amountCents: cents(row.amount_cents),
    paidCents: cents(row.paid_cents),
    currency: row.currency,
  }));
}
