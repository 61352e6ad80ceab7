/**
 * Cash received with what it settles, as the bank matcher applies it: each receipt is a
 * new payment and the allocations it makes (from the payment, or from a credit note the
 * payer deducted), all or nothing per receipt, thousands per transaction. It goes through
 * the allocation door (allocations.ts): the invoices and credit notes are locked, the
 * plan is made over the locked amounts, and a receipt that no longer fits them (an
 * invoice someone settled meanwhile) is refused with its issues, the others written.
 * Voiding (an undone match) is the way back: its allocations undone, its cash gone.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { chunksOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { cents, type Cents } from '../shared/money.ts';
import { lockAllocationParties, writeAllocationPlan } from './allocations.ts';
import { allocationEvent, paymentEvent } from './ledger-events.ts';
import {
  invoiceStatus,
  planAllocations,
  type AllocationPlan,
  type AllocationRequest,
  type Invoice,
  type Payment,
} from './model.ts';
import {
  findAllocationsForUpdate,
  findPaymentsForUpdate,
  findTakenPaymentReferences,
  insertPayments,
  listOpenItemRows,
  listPaymentSettlementRows,
  markAllocationsUndone,
  setInvoiceOpenAmounts,
  voidPaymentRows,
  type PaymentSettlementRow,
} from './store.ts';

export type { PaymentSettlementRow, SettledAllocationRow } from './store.ts';

/** Part of a receipt: `amountCents` of the payment (or of `creditNoteId`) applied to an invoice. */
export type ReceiptAllocation = { invoiceId: string; amountCents: Cents; creditNoteId?: string };

/** A payment to record, new (its `unappliedCents` is its amount), and what it settles. */
export type Receipt = { payment: Payment; allocations: readonly ReceiptAllocation[] };

export type ReceiptOutcome =
  | { accepted: true; allocationIds: string[]; unappliedCents: Cents }
  | { accepted: false; issues: Issue[] };

/**
 * Records receipts inside `tx`: a fixed number of statements for the lot. The invoices
 * and credit notes named are locked (the ledger's lock order), then each receipt is
 * planned over what the earlier ones left; one that breaks a rule is refused whole.
 */
export async function recordReceiptsInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  receipts: readonly Receipt[],
): Promise<ReceiptOutcome[]> {
  requirePermission(ctx, 'allocations:write');
  const locked = await lockAllocationParties(tx, ctx, {
    invoiceIds: receipts.flatMap((receipt) =>
      receipt.allocations.flatMap((part) =>
        part.creditNoteId === undefined ? [part.invoiceId] : [part.invoiceId, part.creditNoteId],
      ),
    ),
    paymentIds: [],
  });
  const invoices = new Map(locked.invoices);
  const taken = await findTakenPaymentReferences(
    tx,
    ctx.companyId,
    receipts.map((receipt) => receipt.payment.reference),
  );
  const accepted: Payment[] = [];
  const allocations: AllocationPlan['allocations'] = [];
  const changed = new Map<string, Invoice>();
  const outcomes = receipts.map((receipt): ReceiptOutcome => {
    const { payment } = receipt;
    if (taken.has(payment.reference)) {
      return {
        accepted: false,
        issues: [
          fieldIssue('reference', 'payment_reference_taken', { reference: payment.reference }),
        ],
      };
    }
    const requests = receipt.allocations.map((part): AllocationRequest => ({
      invoiceId: part.invoiceId,
      ...(part.creditNoteId === undefined
        ? { paymentId: payment.id }
        : { creditNoteId: part.creditNoteId }),
      amount: part.amountCents,
      allocatedOn: payment.receivedOn,
    }));
    const plan = planAllocations(
      requests,
      { invoices, payments: new Map([[payment.id, payment]]) },
      () => deps.ids.newId(),
    );
    if (plan.rejected.length > 0) {
      return { accepted: false, issues: plan.rejected.flatMap((rejected) => rejected.issues) };
    }
    for (const invoice of plan.invoices) {
      invoices.set(invoice.id, invoice);
      changed.set(invoice.id, invoice);
    }
    const settled = plan.payments[0] ?? payment;
    taken.add(payment.reference);
    accepted.push(settled);
    allocations.push(...plan.allocations);
    return {
      accepted: true,
      allocationIds: plan.allocations.map((allocation) => allocation.id),
      unappliedCents: settled.unappliedCents,
    };
  });
  for (const chunk of chunksOf(accepted)) {
    await insertPayments(tx, ctx.companyId, chunk);
    await recordEvents(
      tx,
      ctx,
      chunk.map((payment) =>
        paymentEvent('payment.recorded', payment, { receivedOn: payment.receivedOn }),
      ),
    );
  }
  await writeAllocationPlan(
    deps,
    tx,
    ctx,
    { invoices, payments: new Map(accepted.map((payment) => [payment.id, payment])) },
    { allocations, invoices: [...changed.values()], payments: [] },
  );
  return outcomes;
}

/**
 * Voids payments made from bank lines inside `tx`: the allocations given (theirs, and
 * those of the credit notes deducted with them) are undone, the invoices and credit notes
 * reopened, the payments left without cash. Allocations already undone are left as they
 * are. Locks in the ledger's order: allocations, invoices and credit notes, payments.
 */
export async function voidPaymentsInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  voids: { paymentIds: readonly string[]; allocationIds: readonly string[]; on: CalendarDate },
): Promise<void> {
  requirePermission(ctx, 'allocations:write');
  const live = (await findAllocationsForUpdate(tx, ctx.companyId, voids.allocationIds)).filter(
    (allocation) => allocation.undoneAt === null,
  );
  const parties = await lockAllocationParties(tx, ctx, {
    invoiceIds: live.flatMap((allocation) =>
      allocation.creditNoteId === null
        ? [allocation.invoiceId]
        : [allocation.invoiceId, allocation.creditNoteId],
    ),
    paymentIds: [],
  });
  const reopened = new Map<string, Invoice>();
  const reopen = (id: string, amount: Cents) => {
    const item = reopened.get(id) ?? parties.invoices.get(id);
    if (item) {
      const openCents = cents(item.openCents + amount);
      reopened.set(id, { ...item, openCents, status: invoiceStatus(item.amountCents, openCents) });
    }
  };
  for (const allocation of live) {
    reopen(allocation.invoiceId, allocation.amountCents);
    if (allocation.creditNoteId !== null) {
      reopen(allocation.creditNoteId, allocation.amountCents);
    }
  }
  const payments = await findPaymentsForUpdate(tx, ctx.companyId, voids.paymentIds);
  const now = deps.clock.now();
  await setInvoiceOpenAmounts(tx, ctx.companyId, [...reopened.values()], now);
  await markAllocationsUndone(
    tx,
    ctx.companyId,
    live.map((allocation) => allocation.id),
    { at: now, on: voids.on },
  );
  await voidPaymentRows(tx, ctx.companyId, [...payments.keys()], { at: now, on: voids.on });
  const named = { invoices: parties.invoices, payments };
  const undoneEvents = live.map((allocation) =>
    allocationEvent('allocation.undone', named, allocation),
  );
  const voidedEvents = [...payments.values()].map((payment) =>
    paymentEvent('payment.voided', payment, { voidedOn: voids.on }),
  );
  await recordEvents(tx, ctx, [...undoneEvents, ...voidedEvents]);
}

/** The references among `references` that payments of the company already have. */
export async function findTakenPaymentReferencesInTx(
  tx: Queryable,
  ctx: Ctx,
  references: readonly string[],
): Promise<Set<string>> {
  requirePermission(ctx, 'ledger:read');
  return findTakenPaymentReferences(tx, ctx.companyId, references);
}

/**
 * The company's open invoices and credit notes in `currency`, read in `tx`: what a
 * matcher proposes from. Unlocked; what it applies is read again under the locks.
 */
export async function listOpenItemsInTx(
  tx: Queryable,
  ctx: Ctx,
  currency: string,
): Promise<Invoice[]> {
  requirePermission(ctx, 'ledger:read');
  return listOpenItemRows(tx, ctx.companyId, currency);
}

/**
 * What payments made from bank lines settle now, read in `q` in one statement for them
 * all: per payment, its live allocations (an undone one is not shown) with the invoice and
 * credit-note numbers, those of the credit notes deducted with it (`allocationIds`, as the
 * line's match keeps them), and the cash it has left unapplied. Keyed by payment id.
 */
export async function listPaymentSettlementsInTx(
  q: Queryable,
  ctx: Ctx,
  payments: readonly { paymentId: string; allocationIds: readonly string[] }[],
): Promise<Map<string, PaymentSettlementRow>> {
  requirePermission(ctx, 'ledger:read');
  const rows = await listPaymentSettlementRows(q, ctx.companyId, payments);
  return new Map(rows.map((row) => [row.paymentId, row]));
}
