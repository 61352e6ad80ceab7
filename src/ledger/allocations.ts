/**
 * The one door allocations (lettrage) go through, one or a hundred thousand at a
 * time: the API's single allocation, a payments import, later the FEC lettering
 * and the bank matcher. Three steps, in one transaction:
 * 1. **lock** the invoices, credit notes and payments involved — invoices and
 *   credit notes first, then payments, each in id order (ADR 13), so that two
 *   writers never wait on each other in a circle;
 * 2. **plan** over what was locked (`planAllocations`, pure): every request is
 *   checked against what the earlier ones left open;
 * 3. **write** the plan in a fixed number of statements whatever its size: the
 *   allocations, the new open amounts, the new unapplied amounts, the events.
 * Amounts are derived from the locked rows only, so no concurrent allocation or
 * import can be overwritten by a stale value.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { chunksOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { InvalidError, NotFoundError } from '../shared/errors.ts';
import {
  planAllocations,
  type Allocation,
  type AllocationParties,
  type AllocationPlan,
  type AllocationRequest,
} from './model.ts';
import {
  findInvoicesForUpdate,
  findPaymentsForUpdate,
  insertAllocations,
  setInvoiceOpenAmounts,
  setPaymentsUnapplied,
} from './store.ts';

/** Locks the parties of allocations, in the ledger's lock order: invoices, then payments. */
export async function lockAllocationParties(
  tx: Queryable,
  ctx: Ctx,
  ids: { invoiceIds: readonly string[]; paymentIds: readonly string[] },
): Promise<AllocationParties> {
  const invoices = await findInvoicesForUpdate(tx, ctx.companyId, [...new Set(ids.invoiceIds)]);
  const payments = await findPaymentsForUpdate(tx, ctx.companyId, [...new Set(ids.paymentIds)]);
  return { invoices, payments };
}

/**
 * Writes a plan made over parties locked in `tx` (or inserted by it): the
 * allocations, the open amounts of the invoices and credit notes, the unapplied
 * amounts of the payments and one event per allocation.
 */
export async function writeAllocationPlan(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  parties: AllocationParties,
  plan: Pick<AllocationPlan, 'allocations' | 'invoices' | 'payments'>,
): Promise<void> {
  for (const chunk of chunksOf(plan.allocations)) {
    await insertAllocations(tx, ctx.companyId, chunk);
    await recordEvents(
      tx,
      ctx,
      chunk.map((allocation) => allocationCreatedEvent(parties, allocation)),
    );
  }
  await setInvoiceOpenAmounts(tx, ctx.companyId, plan.invoices, deps.clock.now());
  await setPaymentsUnapplied(tx, ctx.companyId, plan.payments);
}

function allocationCreatedEvent(parties: AllocationParties, allocation: Allocation): EventInput {
  const invoice = parties.invoices.get(allocation.invoiceId);
  const source =
    allocation.paymentId === null
      ? `credit note ${parties.invoices.get(allocation.creditNoteId ?? '')?.number ?? ''}`
      : `payment ${parties.payments.get(allocation.paymentId)?.reference ?? ''}`;
  return {
    action: 'allocation.created',
    entityType: 'allocation',
    entityId: allocation.id,
    customerId: invoice?.customerId ?? null,
    data: {
      invoiceNumber: invoice?.number,
      source,
      amount: allocation.amountCents,
      currency: invoice?.currency,
    },
  };
}

/**
 * Applies part of a payment or credit note to an invoice inside `tx` (the API's
 * allocation). Throws `NotFound` for a missing party and `Invalid` with every
 * broken rule.
 */
export async function allocateInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  request: AllocationRequest,
): Promise<Allocation> {
  const parties = await lockAllocationParties(tx, ctx, {
    invoiceIds: request.creditNoteId
      ? [request.invoiceId, request.creditNoteId]
      : [request.invoiceId],
    paymentIds: request.paymentId ? [request.paymentId] : [],
  });
  if (!parties.invoices.has(request.invoiceId)) {
    throw new NotFoundError('invoice', request.invoiceId);
  }
  if (request.paymentId !== undefined && !parties.payments.has(request.paymentId)) {
    throw new NotFoundError('payment', request.paymentId);
  }
  if (
    request.paymentId === undefined &&
    parties.invoices.get(request.creditNoteId ?? '')?.kind !== 'credit_note'
  ) {
    throw new NotFoundError('credit_note', request.creditNoteId ?? '');
  }
  const plan = planAllocations([request], parties, () => deps.ids.newId());
  const issues = plan.rejected.flatMap((rejected) => rejected.issues);
  const [allocation] = plan.allocations;
  if (issues.length > 0 || !allocation) {
    throw new InvalidError('allocation_refused', {}, issues);
  }
  await writeAllocationPlan(deps, tx, ctx, parties, plan);
  return allocation;
}
