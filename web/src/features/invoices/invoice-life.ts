import type { TAllocation, TInvoice } from '../../../../src/ledger/schemas.ts';

/** One line in the life of an invoice or credit note, as its page lists them. */
export type InvoiceLifeLine =
  | { kind: 'issued'; date: string }
  | { kind: 'due'; date: string; isPast: boolean }
  | {
      kind: 'allocation';
      date: string;
      allocation: TAllocation;
      /** On a credit note's page: the allocation used it on another invoice. */
      isUseOfCreditNote: boolean;
    };

const ORDER_ON_SAME_DAY: Readonly<Record<InvoiceLifeLine['kind'], number>> = {
  issued: 0,
  allocation: 1,
  due: 2,
};

/**
 * The invoice's life in date order: issued, each allocation (undone ones kept, they are
 * history), and the due date where it falls among them (`isPast` at the company's
 * today). A credit note is not "due": it has no due line. Dates are `YYYY-MM-DD`, so
 * they sort as text; on one day, issue comes first and the due date last.
 */
export function invoiceLife(
  invoice: Pick<TInvoice, 'id' | 'kind' | 'issueDate' | 'dueDate'>,
  allocations: readonly TAllocation[],
  today: string,
): InvoiceLifeLine[] {
  const lines: InvoiceLifeLine[] = [{ kind: 'issued', date: invoice.issueDate }];
  if (invoice.kind === 'invoice') {
    lines.push({ kind: 'due', date: invoice.dueDate, isPast: invoice.dueDate < today });
  }
  for (const allocation of allocations) {
    lines.push({
      kind: 'allocation',
      date: allocation.allocatedOn,
      allocation,
      isUseOfCreditNote: allocation.creditNoteId === invoice.id,
    });
  }
  return lines
    .map((line, index) => ({ line, index }))
    .toSorted(
      (a, b) =>
        a.line.date.localeCompare(b.line.date) ||
        ORDER_ON_SAME_DAY[a.line.kind] - ORDER_ON_SAME_DAY[b.line.kind] ||
        // Allocations arrive newest first: on one day, the oldest first.
        b.index - a.index,
    )
    .map(({ line }) => line);
}
