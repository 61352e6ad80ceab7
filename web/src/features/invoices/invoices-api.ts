import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZTimeline } from '../../../../src/audit/schemas.ts';
import {
  ZAllocationList,
  ZInvoice,
  ZInvoiceListTotals,
  ZInvoicePage,
} from '../../../../src/ledger/schemas.ts';
import { apiGet, type QueryParams } from '../../api.ts';

export const invoiceKeys = {
  all: ['invoices'] as const,
  page: (query: QueryParams) => ['invoices', 'page', query] as const,
  totals: (filters: QueryParams) => ['invoices', 'totals', filters] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
  allocations: (id: string) => ['invoices', 'detail', id, 'allocations'] as const,
  events: (id: string) => ['invoices', 'detail', id, 'events'] as const,
};

function invoicePath(id: string, rest = ''): string {
  return `/api/invoices/${encodeURIComponent(id)}${rest}`;
}

/** A page of invoices and credit notes, filtered and sorted by the server. */
export function useInvoicePage(query: QueryParams) {
  return useQuery({
    queryKey: invoiceKeys.page(query),
    queryFn: ({ signal }) => apiGet('/api/invoices', ZInvoicePage, query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The totals of every row the filters match: asked once per set of filters, so turning
 * pages or sorting does not sum the whole list again.
 */
export function useInvoiceTotals(filters: QueryParams) {
  return useQuery({
    queryKey: invoiceKeys.totals(filters),
    queryFn: ({ signal }) => apiGet('/api/invoices/totals', ZInvoiceListTotals, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: invoiceKeys.detail(id),
    queryFn: ({ signal }) => apiGet(invoicePath(id), ZInvoice, undefined, signal),
  });
}

/** The allocations that settled the invoice (or used the credit note), undone ones included. */
export function useInvoiceAllocations(id: string) {
  return useQuery({
    queryKey: invoiceKeys.allocations(id),
    queryFn: ({ signal }) =>
      apiGet(invoicePath(id, '/allocations'), ZAllocationList, undefined, signal),
  });
}

/** The invoice's audit events and its allocations', newest first. */
export function useInvoiceEvents(id: string) {
  return useQuery({
    queryKey: invoiceKeys.events(id),
    queryFn: ({ signal }) => apiGet(invoicePath(id, '/events'), ZTimeline, undefined, signal),
  });
}
