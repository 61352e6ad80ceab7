import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZInvoicePage } from '../../../../src/ledger/schemas.ts';
import { apiGet, type QueryParams } from '../../api.ts';

export const invoiceKeys = {
  all: ['invoices'] as const,
  page: (query: QueryParams) => ['invoices', 'page', query] as const,
};

/** A page of invoices and credit notes, filtered and sorted by the server. */
export function useInvoicePage(query: QueryParams) {
  return useQuery({
    queryKey: invoiceKeys.page(query),
    queryFn: ({ signal }) => apiGet('/api/invoices', ZInvoicePage, query, signal),
    placeholderData: keepPreviousData,
  });
}
