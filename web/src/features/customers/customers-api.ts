import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZTimeline } from '../../../../src/audit/schemas.ts';
import {
  ZAssignableUserList,
  ZCustomerDetail,
  ZCustomerListTotals,
  ZCustomerPage,
  type TCreateCustomerRequest,
  type TUpdateCustomerRequest,
} from '../../../../src/customers/schemas.ts';
import { ZAllocation, ZAllocationList } from '../../../../src/ledger/schemas.ts';
import { apiGet, apiSend, type QueryParams } from '../../api.ts';
import { invoiceKeys } from '../invoices/invoices-api.ts';
import { paymentKeys } from '../payments/payments-api.ts';
import {
  toCustomerFilters,
  toCustomerQuery,
  type CustomerListParams,
} from './customer-list-params.ts';

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  totals: (filters: QueryParams) => ['customers', 'totals', filters] as const,
  collectors: ['customers', 'collectors'] as const,
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

/**
 * The totals of every customer the filters match: asked once per set of filters, so
 * turning pages or sorting does not sum the whole list again.
 */
export function useCustomerTotals(params: CustomerListParams) {
  const filters = toCustomerFilters(params);
  return useQuery({
    queryKey: customerKeys.totals(filters),
    queryFn: ({ signal }) => apiGet('/api/customers/totals', ZCustomerListTotals, filters, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Who a customer may be given to as its collector, and so whose customers the list can
 * show (readable by every role that reads customers).
 */
export function useCollectors(enabled: boolean) {
  return useQuery({
    queryKey: customerKeys.collectors,
    queryFn: ({ signal }) => apiGet('/api/collectors', ZAssignableUserList, undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Creating a customer adds a row to the lists; the answer is its page's data. */
export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCustomerRequest) =>
      apiSend('POST', '/api/customers', ZCustomerDetail, body),
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

/** A change shows at once on the page (the answer is the new customer) and in the lists. */
export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCustomerRequest) =>
      apiSend('PATCH', customerPath(id), ZCustomerDetail, body),
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
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
