/** The API's single allocation (lettrage) and its undoing. */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { cents, type Cents } from '../shared/money.ts';
import { presentAllocationById } from './allocation-lists.ts';
import { allocateInTx, lockAllocationParties } from './allocations.ts';
import { allocationEvent } from './ledger-events.ts';
import { invoiceStatus, type Invoice } from './model.ts';
import type { TAllocation, TCreateAllocationRequest } from './schemas.ts';
import { companyToday } from './service.ts';
import {
  findAllocationForUpdate,
  markAllocationUndone,
  setInvoiceOpenAmounts,
  setPaymentsUnapplied,
} from './store.ts';

/**
 * An open amount moved by `delta` (an undone allocation gives it back), refused
 * outside 0…amount: the item was read under its lock, so this is a bug guard.
 */
function moveOpenAmount(item: Invoice, delta: Cents): Invoice {
  const openCents = cents(item.openCents + delta);
  if (openCents < 0 || openCents > item.amountCents) {
    throw new ConflictError('open_amount_out_of_bounds', { number: item.number });
  }
  return { ...item, openCents, status: invoiceStatus(item.amountCents, openCents) };
}

export async function allocate(
  deps: Deps,
  ctx: Ctx,
  request: TCreateAllocationRequest,
): Promise<TAllocation> {
  requirePermission(ctx, 'allocations:write');
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const allocation = await allocateInTx(deps, tx, ctx, {
      invoiceId: request.invoiceId,
      paymentId: request.paymentId,
      creditNoteId: request.creditNoteId,
      amount: cents(request.amount),
      allocatedOn: (request.allocatedOn as CalendarDate | undefined) ?? today,
    });
    return presentAllocationById(tx, ctx, allocation.id);
  });
}

/**
 * Undoes an allocation: the invoice and the payment or credit note get their
 * amounts back; the allocation row stays, marked undone, for the history.
 */
export async function undoAllocation(deps: Deps, ctx: Ctx, id: string): Promise<TAllocation> {
  requirePermission(ctx, 'allocations:write');
  // Read before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const allocation = await findAllocationForUpdate(tx, ctx.companyId, id);
    if (!allocation) {
      throw new NotFoundError('allocation', id);
    }
    if (allocation.undoneAt !== null) {
      throw new ConflictError('allocation_already_undone', { id });
    }
    const parties = await lockAllocationParties(tx, ctx, {
      invoiceIds: [
        allocation.invoiceId,
        ...(allocation.creditNoteId ? [allocation.creditNoteId] : []),
      ],
      paymentIds: allocation.paymentId ? [allocation.paymentId] : [],
    });
    const invoice = parties.invoices.get(allocation.invoiceId);
    if (!invoice) {
      throw new NotFoundError('invoice', allocation.invoiceId);
    }
    const now = deps.clock.now();
    const reopened = [moveOpenAmount(invoice, allocation.amountCents)];
    if (allocation.paymentId) {
      const payment = parties.payments.get(allocation.paymentId);
      if (!payment) {
        throw new NotFoundError('payment', allocation.paymentId);
      }
      await setPaymentsUnapplied(tx, ctx.companyId, [
        { id: payment.id, unappliedCents: cents(payment.unappliedCents + allocation.amountCents) },
      ]);
    }
    const creditNote = allocation.creditNoteId
      ? parties.invoices.get(allocation.creditNoteId)
      : undefined;
    if (creditNote) {
      reopened.push(moveOpenAmount(creditNote, allocation.amountCents));
    }
    await setInvoiceOpenAmounts(tx, ctx.companyId, reopened, now);
    await markAllocationUndone(tx, ctx.companyId, id, { at: now, on: today });
    await recordEvents(tx, ctx, [allocationEvent('allocation.undone', parties, allocation)]);
    return presentAllocationById(tx, ctx, id);
  });
}
