/**
 * Disputes on invoices (docs/disputes.md): a collector raises one for a reason, with a
 * note and the disputed part; while it is open the daily run holds the invoice back
 * (`disputedInvoiceIds`); resolving it puts the invoice back in its scenario.
 *
 * Raising and resolving take `dunning:assign` (collectors too: they hear of disputes on the
 * phone); reading takes `customers:read`, which every role has. "Today" is the company's
 * business date (its time zone), read once before the transaction, or given by the caller
 * that runs one (the agenda).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { companyToday, listInvoicesByIds, type Invoice } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ConflictError, DomainError, InvalidError, NotFoundError } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import {
  checkDisputeInput,
  checkDisputeNote,
  disputeTargetRefusal,
  keptNote,
  type Dispute,
  type DisputeActor,
  type DisputeInput,
} from './model.ts';
import {
  findDisputedInvoiceIds,
  findOpenDispute,
  insertOpenDispute,
  listOpenDisputeRows,
  resolveOpenDispute,
  type OpenDisputeFilter,
} from './store.ts';

export type { Dispute, DisputeInput, DisputeReason } from './model.ts';
export { DISPUTE_REASONS } from './model.ts';

/** A dispute with the number of its invoice, as lists and pages show it. */
export type DisputeView = Dispute & { invoiceNumber: string };

/** Who acts, as a dispute keeps it: a user's id (the column is a user's), and the name. */
function actingUser(ctx: Ctx): DisputeActor {
  return { id: ctx.actor.type === 'user' ? ctx.actor.id : null, name: ctx.actor.name };
}

/** The invoice or credit note `invoiceId`, read in `q`; `NotFound` when the company has none. */
async function requireInvoice(q: Queryable, ctx: Ctx, invoiceId: string): Promise<Invoice> {
  const [invoice] = await listInvoicesByIds(q, ctx, [invoiceId]);
  if (invoice === undefined) {
    throw new NotFoundError('invoice', invoiceId);
  }
  return invoice;
}

/**
 * Raises a dispute on `invoiceId` at the company's today. Refused with 409 on a credit
 * note, on a paid invoice, and when the invoice already has an open dispute (two
 * collectors at once: one wins, the other is told so); with 400 and every issue at once for
 * a disputed amount that is not positive or above what is open, or a note too long.
 */
export async function raiseDispute(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  input: DisputeInput,
): Promise<DisputeView> {
  requirePermission(ctx, 'dunning:assign');
  // Before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, (tx) => raiseDisputeInTx(deps, tx, ctx, today, invoiceId, input));
}

/**
 * `raiseDispute` in the caller's transaction, at the caller's `today`: the agenda's
 * « litige signalé » outcome raises the dispute with the call it records, in one commit.
 * An open dispute already there is a `ConflictError` that leaves `tx` usable (the insert
 * does nothing rather than violate the key), so the caller may decide to go on.
 */
export async function raiseDisputeInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  today: CalendarDate,
  invoiceId: string,
  input: DisputeInput,
): Promise<DisputeView> {
  requirePermission(ctx, 'dunning:assign');
  const invoice = await requireInvoice(tx, ctx, invoiceId);
  const refusal = disputeTargetRefusal(invoice);
  if (refusal !== undefined) {
    throw new ConflictError(refusal, { number: invoice.number });
  }
  const issues = checkDisputeInput(input, invoice);
  if (issues.length > 0) {
    throw new InvalidError('dispute_refused', {}, issues);
  }
  const amountCents =
    input.amountCents === undefined || input.amountCents === null ? null : cents(input.amountCents);
  const dispute = await insertOpenDispute(
    tx,
    ctx.companyId,
    {
      id: deps.ids.newId(),
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      reason: input.reason,
      note: keptNote(input.note),
      amountCents,
      currency: invoice.currency,
      raisedOn: today,
      raisedBy: actingUser(ctx),
    },
    deps.clock.now(),
  );
  if (dispute === undefined) {
    throw new ConflictError('dispute_already_open', { number: invoice.number });
  }
  await recordEvents(tx, ctx, [
    {
      action: 'dispute.raised',
      entityType: 'invoice',
      entityId: invoice.id,
      customerId: invoice.customerId,
      data: {
        disputeId: dispute.id,
        number: invoice.number,
        reason: dispute.reason,
        note: dispute.note,
        // What is held back: the disputed part, or all that was open then.
        amount: dispute.amountCents ?? invoice.openCents,
        isWholeOpenAmount: dispute.amountCents === null,
        currency: dispute.currency,
      },
    },
  ]);
  return { ...dispute, invoiceNumber: invoice.number };
}

/**
 * Resolves the open dispute of `invoiceId` at the company's today, with an optional note
 * (how it ended). 404 (`dispute_not_open`) when the invoice has none open, also for the
 * second of two collectors resolving it at once.
 */
export async function resolveDispute(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
  input: { note?: string | null | undefined },
): Promise<DisputeView> {
  requirePermission(ctx, 'dunning:assign');
  const issues = checkDisputeNote('note', input.note);
  if (issues.length > 0) {
    throw new InvalidError('dispute_refused', {}, issues);
  }
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const invoice = await requireInvoice(tx, ctx, invoiceId);
    const dispute = await resolveOpenDispute(
      tx,
      ctx.companyId,
      invoice.id,
      { resolvedOn: today, resolvedBy: actingUser(ctx), note: keptNote(input.note) },
      deps.clock.now(),
    );
    if (dispute === undefined) {
      throw new DomainError('not_found', 'dispute_not_open', { number: invoice.number });
    }
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.resolved',
        entityType: 'invoice',
        entityId: invoice.id,
        customerId: invoice.customerId,
        data: {
          disputeId: dispute.id,
          number: invoice.number,
          reason: dispute.reason,
          raisedOn: dispute.raisedOn,
          note: dispute.resolutionNote,
        },
      },
    ]);
    return { ...dispute, invoiceNumber: invoice.number };
  });
}

/** The open dispute of `invoiceId`, or `undefined`; `NotFound` when the invoice is unknown. */
export async function getOpenDispute(
  deps: Deps,
  ctx: Ctx,
  invoiceId: string,
): Promise<DisputeView | undefined> {
  requirePermission(ctx, 'customers:read');
  const invoice = await requireInvoice(deps.db, ctx, invoiceId);
  const dispute = await findOpenDispute(deps.db, ctx.companyId, invoice.id);
  return dispute === undefined ? undefined : { ...dispute, invoiceNumber: invoice.number };
}

/**
 * The company's open disputes, or one customer's, newest first: `limit` of them, before
 * the dispute `before` (the previous page's last). Two statements whatever the page size:
 * the disputes, then their invoices' numbers.
 */
export async function listOpenDisputes(
  deps: Deps,
  ctx: Ctx,
  filter: OpenDisputeFilter,
): Promise<DisputeView[]> {
  requirePermission(ctx, 'customers:read');
  const disputes = await listOpenDisputeRows(deps.db, ctx.companyId, filter);
  const invoices = await listInvoicesByIds(
    deps.db,
    ctx,
    disputes.map((dispute) => dispute.invoiceId),
  );
  const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
  return disputes.map((dispute) => ({
    ...dispute,
    invoiceNumber: numbers.get(dispute.invoiceId) ?? '',
  }));
}

/**
 * Which of `invoiceIds` have an open dispute: the daily run holds them back (issue 9).
 * One statement whatever their number (one array parameter), read in `q`, the caller's
 * transaction (its snapshot and its locks).
 */
export async function disputedInvoiceIds(
  q: Queryable,
  ctx: Ctx,
  invoiceIds: readonly string[],
): Promise<Set<string>> {
  requirePermission(ctx, 'customers:read');
  return findDisputedInvoiceIds(q, ctx.companyId, invoiceIds);
}
