import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZPaymentListTotals, ZPaymentPage } from '../../../../src/ledger/schemas.ts';
import { apiGet, type QueryParams } from '../../api.ts';

export const paymentKeys = {
  all: ['payments'] as const,
  page: (query: QueryParams) => ['payments', 'page', query] as const,
  totals: (filters: QueryParams) => ['payments', 'totals', filters] as const,
};

export function usePaymentPage(query: QueryParams) {
  return useQuery({
    queryKey: paymentKeys.page(query),
    queryFn: ({ signal }) => apiGet('/api/payments', ZPaymentPage, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The totals of every payment the filters match (all pages), per currency, from the server. */
export function usePaymentTotals(filters: QueryParams) {
  return useQuery({
    queryKey: paymentKeys.totals(filters),
    queryFn: ({ signal }) => apiGet('/api/payments/totals', ZPaymentListTotals, filters, signal),
    placeholderData: keepPreviousData,
  });
}
