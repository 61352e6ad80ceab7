/**
 * The events the ledger records of its payments and allocations, one shape each whoever
 * writes them (an import, the API, the bank matcher), so timelines read them alike.
 */
import type { EventInput } from '../audit/service.ts';
import type { Allocation, AllocationParties, Payment } from './model.ts';

/** A payment recorded or voided: its reference, amount and the date that matters. */
export function paymentEvent(
  action: 'payment.recorded' | 'payment.voided',
  payment: Payment,
  date: { receivedOn: string } | { voidedOn: string },
): EventInput {
  return {
    action,
    entityType: 'payment',
    entityId: payment.id,
    customerId: payment.customerId,
    data: {
      reference: payment.reference,
      amount: payment.amountCents,
      currency: payment.currency,
      ...date,
    },
  };
}

/** An allocation made or undone, its invoice and its source named as the parties have them. */
export function allocationEvent(
  action: 'allocation.created' | 'allocation.undone',
  parties: AllocationParties,
  allocation: Allocation,
): EventInput {
  const invoice = parties.invoices.get(allocation.invoiceId);
  const source =
    allocation.paymentId === null
      ? `credit note ${parties.invoices.get(allocation.creditNoteId ?? '')?.number ?? ''}`
      : `payment ${parties.payments.get(allocation.paymentId)?.reference ?? ''}`;
  return {
    action,
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
