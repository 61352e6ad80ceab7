/**
 * The solvency screen's hooks (issue 12, docs/screening.md « Running a screen »): a
 * customer's screens, newest first, and a new screen. The screens live under the customer's
 * credit key, so a credit decision that refreshes the tab reads them again too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZSolvencyScreen, ZSolvencyScreenList } from '../../../../src/credit/screening-schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { creditKeys } from './credit-api.ts';
import type { TScreeningBody } from './screening-model.ts';

/** The screens' key, under the customer's credit. */
export function screeningKey(customerId: string) {
  return [...creditKeys.customer(customerId), 'screening'] as const;
}

function screeningPath(customerId: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}/screening`;
}

/** A customer's screens, newest first (the server keeps the 50 latest in its answer). */
export function useScreens(customerId: string) {
  return useQuery({
    queryKey: screeningKey(customerId),
    queryFn: ({ signal }) =>
      apiGet(screeningPath(customerId), ZSolvencyScreenList, undefined, signal),
    select: (list) => list.items,
  });
}

/** « Analyser » / « Relancer l'analyse »: runs a screen, then reads the list again. */
export function useScreenCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TScreeningBody) =>
      apiSend('POST', screeningPath(customerId), ZSolvencyScreen, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: screeningKey(customerId) });
    },
  });
}
