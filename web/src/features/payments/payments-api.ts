import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZPaymentPage } from '../../../../src/ledger/schemas.ts';
import { apiGet, type QueryParams } from '../../api.ts';

export const paymentKeys = {
  all: ['payments'] as const,
  page: (query: QueryParams) => ['payments', 'page', query] as const,
};

export function usePaymentPage(query: QueryParams) {
  return useQuery({
    queryKey: paymentKeys.page(query),
    queryFn: ({ signal }) => apiGet('/api/payments', ZPaymentPage, query, signal),
    placeholderData: keepPreviousData,
  });
}
