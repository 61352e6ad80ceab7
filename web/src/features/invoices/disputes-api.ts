import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDispute,
  ZDisputeList,
  ZInvoiceDispute,
  type TRaiseDisputeRequest,
} from '../../../../src/disputes/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { invoiceKeys } from './invoices-api.ts';

export const disputeKeys = {
  all: ['disputes'] as const,
  invoice: (invoiceId: string) => ['disputes', 'invoice', invoiceId] as const,
  customer: (customerId: string) => ['disputes', 'customer', customerId] as const,
};

function disputePath(invoiceId: string): string {
  return `/api/invoices/${encodeURIComponent(invoiceId)}/dispute`;
}

/** The open dispute of an invoice, or null. */
export function useInvoiceDispute(invoiceId: string) {
  return useQuery({
    queryKey: disputeKeys.invoice(invoiceId),
    queryFn: ({ signal }) => apiGet(disputePath(invoiceId), ZInvoiceDispute, undefined, signal),
  });
}

/**
 * The ids of a customer's disputed invoices: the open items' « Litige » badges. Asked beside
 * the invoice list (the ledger's rows do not carry disputes: docs/disputes.md), one page of
 * the customer's open disputes.
 */
export function useDisputedInvoiceIds(customerId: string) {
  return useQuery({
    queryKey: disputeKeys.customer(customerId),
    queryFn: ({ signal }) =>
      apiGet('/api/disputes', ZDisputeList, { customerId, limit: 500 }, signal),
    select: (list) => new Set(list.items.map((dispute) => dispute.invoiceId)),
  });
}

/** After a change: the disputes asked anywhere, and the invoice's audit trail. */
function useRefreshAfterChange(invoiceId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: disputeKeys.all }),
      queryClient.invalidateQueries({ queryKey: invoiceKeys.events(invoiceId) }),
    ]);
  };
}

export function useRaiseDispute(invoiceId: string) {
  const refresh = useRefreshAfterChange(invoiceId);
  return useMutation({
    mutationFn: (body: TRaiseDisputeRequest) =>
      apiSend('PUT', disputePath(invoiceId), ZDispute, body),
    onSuccess: refresh,
  });
}

export function useResolveDispute(invoiceId: string) {
  const refresh = useRefreshAfterChange(invoiceId);
  return useMutation({
    mutationFn: (note: string) =>
      apiSend('DELETE', disputePath(invoiceId), ZDispute, note === '' ? {} : { note }),
    onSuccess: refresh,
  });
}
