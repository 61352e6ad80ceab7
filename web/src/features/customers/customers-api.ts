import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZCustomerDetail, ZCustomerPage, ZTimeline } from '../../../../src/customers/schemas.ts';
import { ZAllocation, ZAllocationList } from '../../../../src/ledger/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { invoiceKeys } from '../invoices/invoices-api.ts';
import { paymentKeys } from '../payments/payments-api.ts';
import { toCustomerQuery, type CustomerListParams } from './customer-list-params.ts';

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  events: (id: string) => ['customers', 'detail', id, 'events'] as const,
  allocations: (id: string) => ['customers', 'detail', id, 'allocations'] as const,
};

function customerPath(id: string, rest = ''): string {
  return `/api/customers/${encodeURIComponent(id)}${rest}`;
}

/** One page of customers; the server searches, sorts and counts, so 100 000 stay fast. */
export function useCustomerPage(params: CustomerListParams) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet('/api/customers', ZCustomerPage, toCustomerQuery(params), signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => apiGet(customerPath(id), ZCustomerDetail, undefined, signal),
  });
}

export function useCustomerEvents(id: string) {
  return useQuery({
    queryKey: customerKeys.events(id),
    queryFn: ({ signal }) => apiGet(customerPath(id, '/events'), ZTimeline, undefined, signal),
  });
}

export function useCustomerAllocations(id: string) {
  return useQuery({
    queryKey: customerKeys.allocations(id),
    queryFn: ({ signal }) =>
      apiGet(customerPath(id, '/allocations'), ZAllocationList, undefined, signal),
  });
}

/**
 * Undoing an allocation reopens an invoice and frees cash: the customer's balance, open
 * items, payments, allocations and history all change, and so may the lists.
 */
export function useUndoAllocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (allocationId: string) =>
      apiSend('DELETE', `/api/allocations/${encodeURIComponent(allocationId)}`, ZAllocation),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
        queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
      ]);
    },
  });
}
