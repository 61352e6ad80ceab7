/**
 * The account opening's hooks (issue 12, docs/credit.md « Account opening »): a customer's
 * checklist and its activation. The checklist is read from the customer's record and its
 * limit, so it lives under the customer's key (a customer edited reads it again) and an
 * activation refreshes both the customers and the credit pages (status, holds).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZAccountOpening, type ZActivationRequest } from '../../../../src/credit/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';
import { creditKeys } from './credit-api.ts';

/** An activation as sent: nothing, or an override with its reason. */
export type TActivationBody = z.input<typeof ZActivationRequest>;

/** The checklist's key, under the customer's detail. */
export function accountOpeningKey(customerId: string) {
  return [...customerKeys.detail(customerId), 'account-opening'] as const;
}

function openingPath(customerId: string, rest: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}${rest}`;
}

/** A customer's account-opening checklist: each item, and whether it may be activated. */
export function useAccountOpening(customerId: string) {
  return useQuery({
    queryKey: accountOpeningKey(customerId),
    queryFn: ({ signal }) =>
      apiGet(openingPath(customerId, '/account-opening'), ZAccountOpening, undefined, signal),
  });
}

/** « Activer le client », or « Activer malgré tout… » with `override.reason`. */
export function useActivateCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TActivationBody) =>
      apiSend('POST', openingPath(customerId, '/activation'), ZAccountOpening, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: creditKeys.all }),
      ]);
    },
  });
}
