/**
 * The company's credit policy (docs/credit.md « Authority », « Thresholds and alerts »):
 * every role reads it (`customers:read`), only an administrator sets it (`credit:configure`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZCreditPolicy } from '../../../../src/credit/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { creditKeys } from './credit-api.ts';
import type { TCreditPolicy } from './credit-policy-model.ts';

/** The policy's query; under `creditKeys.all`, so a credit decision's refresh reads it too. */
export const creditPolicyKey = [...creditKeys.all, 'policy'] as const;

/** The stored policy (the defaults until an administrator sets one). */
export function useCreditPolicy() {
  return useQuery({
    queryKey: creditPolicyKey,
    queryFn: ({ signal }) => apiGet('/api/credit/policy', ZCreditPolicy, undefined, signal),
  });
}

/**
 * Sets the policy. The customers' credit reads again: their gauges draw the thresholds, and
 * who may decide what follows the ceilings.
 */
export function useSaveCreditPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: TCreditPolicy) =>
      apiSend('PUT', '/api/credit/policy', ZCreditPolicy, policy),
    onSuccess: async (saved) => {
      queryClient.setQueryData(creditPolicyKey, saved);
      await queryClient.invalidateQueries({ queryKey: [...creditKeys.all, 'customer'] });
    },
  });
}
