/**
 * The disputes' SQL (table `invoice_dispute`, migration 202612022100). Every statement
 * filters on the company and is one statement whatever the number of ids (`anyOf`).
 */
import type { Selectable } from 'kysely';
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import type { Dispute, DisputeActor, DisputeReason } from './model.ts';
import { disputesDb, type InvoiceDisputeTable } from './tables.ts';

type DisputeRow = Selectable<InvoiceDisputeTable>;

function actorOf(id: string | null, name: string | null): DisputeActor {
  return { id, name };
}

function toDispute(row: DisputeRow): Dispute {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    customerId: row.customer_id,
    reason: row.reason as DisputeReason,
    note: row.note,
    amountCents: row.amount_cents === null ? null : cents(row.amount_cents),
    currency: row.currency,
    raisedOn: row.raised_on as CalendarDate,
    raisedBy: actorOf(row.raised_by, row.raised_by_name),
    resolvedOn: row.resolved_on as CalendarDate | null,
    resolvedBy: row.resolved_on === null ? null : actorOf(row.resolved_by, row.resolved_by_name),
    resolutionNote: row.resolution_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new open dispute, as the service has checked it. */
export type NewDispute = Omit<
  Dispute,
  'resolvedOn' | 'resolvedBy' | 'resolutionNote' | 'createdAt' | 'updatedAt'
>;

/**
 * Inserts `dispute` unless its invoice already has an open one, and returns it; `undefined`
 * when one is open. A second writer at once waits on the first's row (the partial unique
 * key `invoice_dispute_open_invoice_key`), then inserts nothing: the caller's transaction is
 * not aborted by a unique violation, so the agenda can say so and go on.
 */
export async function insertOpenDispute(
  q: Queryable,
  companyId: string,
  dispute: NewDispute,
  now: Date,
): Promise<Dispute | undefined> {
  const row = await disputesDb(q)
    .insertInto('invoice_dispute')
    .values({
      company_id: companyId,
      id: dispute.id,
      invoice_id: dispute.invoiceId,
      customer_id: dispute.customerId,
      reason: dispute.reason,
      note: dispute.note,
      amount_cents: dispute.amountCents,
      currency: dispute.currency,
      raised_on: dispute.raisedOn,
      raised_by: dispute.raisedBy.id,
      raised_by_name: dispute.raisedBy.name,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['company_id', 'invoice_id']).where('resolved_on', 'is', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toDispute(row);
}

/** The open dispute of `invoiceId`, if it has one. */
export async function findOpenDispute(
  q: Queryable,
  companyId: string,
  invoiceId: string,
): Promise<Dispute | undefined> {
  const row = await disputesDb(q)
    .selectFrom('invoice_dispute')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', invoiceId)
    .where('resolved_on', 'is', null)
    .executeTakeFirst();
  return row === undefined ? undefined : toDispute(row);
}

/** How a dispute was resolved. */
export type DisputeResolution = {
  resolvedOn: CalendarDate;
  resolvedBy: DisputeActor;
  note: string | null;
};

/**
 * Resolves the open dispute of `invoiceId` and returns it; `undefined` when none is open.
 * One statement: a second resolver at once waits for the first, then finds it resolved.
 */
export async function resolveOpenDispute(
  q: Queryable,
  companyId: string,
  invoiceId: string,
  resolution: DisputeResolution,
  now: Date,
): Promise<Dispute | undefined> {
  const row = await disputesDb(q)
    .updateTable('invoice_dispute')
    .set({
      resolved_on: resolution.resolvedOn,
      resolved_by: resolution.resolvedBy.id,
      resolved_by_name: resolution.resolvedBy.name,
      resolution_note: resolution.note,
      updated_at: now,
    })
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', invoiceId)
    .where('resolved_on', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toDispute(row);
}

export type OpenDisputeFilter = {
  customerId?: string | undefined;
  /** Only disputes raised before this one (by id, which is time-ordered): the next page. */
  before?: string | undefined;
  limit: number;
};

/** The company's open disputes (or a customer's), newest first, at most `limit`. */
export async function listOpenDisputeRows(
  q: Queryable,
  companyId: string,
  filter: OpenDisputeFilter,
): Promise<Dispute[]> {
  let query = disputesDb(q)
    .selectFrom('invoice_dispute')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('resolved_on', 'is', null);
  if (filter.customerId !== undefined) {
    query = query.where('customer_id', '=', filter.customerId);
  }
  if (filter.before !== undefined) {
    query = query.where('id', '<', filter.before);
  }
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toDispute);
}

/**
 * Which of `invoiceIds` have an open dispute: one statement whatever their number (one
 * array parameter), on the partial unique index of the open disputes.
 */
export async function findDisputedInvoiceIds(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<Set<string>> {
  if (invoiceIds.length === 0) {
    return new Set();
  }
  const rows = await disputesDb(q)
    .selectFrom('invoice_dispute')
    .select('invoice_id')
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .where('resolved_on', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.invoice_id));
}
