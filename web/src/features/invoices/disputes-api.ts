import { useQuery } from '@tanstack/react-query';
import { ZDisputeList, ZInvoiceDispute } from '../../../../src/disputes/schemas.ts';
import { apiGet } from '../../api.ts';
import { disputeKeys } from '../disputes/disputes-api.ts';

/** The open dispute of an invoice, or null (its page's panel). */
export function useInvoiceDispute(invoiceId: string) {
  return useQuery({
    queryKey: disputeKeys.invoice(invoiceId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/invoices/${encodeURIComponent(invoiceId)}/dispute`,
        ZInvoiceDispute,
        undefined,
        signal,
      ),
  });
}

/**
 * The ids of a customer's invoices under an open dispute: the open items' « Litige »
 * badges. Asked beside the invoice list (the ledger's rows do not carry disputes:
 * docs/disputes.md), one page of the customer's open disputes, each over one or more invoices.
 */
export function useDisputedInvoiceIds(customerId: string) {
  return useQuery({
    queryKey: disputeKeys.list({ customerId, open: 'true', limit: 500 }),
    queryFn: ({ signal }) =>
      apiGet('/api/disputes', ZDisputeList, { customerId, open: 'true', limit: 500 }, signal),
    select: (list) =>
      new Set(
        list.items.flatMap((dispute) => dispute.invoices.map((invoice) => invoice.invoiceId)),
      ),
  });
}
