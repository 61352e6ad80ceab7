/**
 * The credit pages' hooks (issue 12, docs/credit.md): a customer's credit, the held orders,
 * one order, the open alerts, and the decisions (limit, exception, hold, held order). Every
 * answer is parsed with the server's schemas; every decision refreshes credit and customers
 * (a decision moves statuses, holds and the limit copied on the record).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCreditAlertList,
  ZCustomerCredit,
  type ZDecideLimitRequest,
  type ZGrantExceptionRequest,
  type ZHeldOrderDecisionRequest,
  ZOrderList,
  ZReviewOutcome,
  ZSalesOrder,
} from '../../../../src/credit/schemas.ts';
import { ZId } from '../../../../src/shared/schemas.ts';
import { apiGet, apiSend, apiSendNoContent } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';

/** A customer's credit as `GET /api/customers/:id/credit` answers it. */
export type TCustomerCredit = z.infer<typeof ZCustomerCredit>;
/** An order as `GET /api/orders` lists it. */
export type TSalesOrder = z.infer<typeof ZSalesOrder>;
/** One open alert of `GET /api/credit/alerts`. */
export type TCreditAlert = z.infer<typeof ZCreditAlertList>['items'][number];
/** A limit decision as sent (the server fills its defaults). */
export type TDecideLimitBody = z.input<typeof ZDecideLimitRequest>;
/** An exception as sent, for the entity or for one held order. */
export type TGrantExceptionBody = z.input<typeof ZGrantExceptionRequest>;
/** A decision on a held order. */
export type THeldOrderDecision = z.input<typeof ZHeldOrderDecisionRequest>;

/** The queue asks this many held orders at most: one credit read per row stays cheap. */
export const HELD_ORDERS_PAGE = 100;

export const creditKeys = {
  all: ['credit'] as const,
  customer: (customerId: string) => ['credit', 'customer', customerId] as const,
  heldOrders: ['credit', 'orders', 'held'] as const,
  order: (orderId: string) => ['credit', 'orders', 'one', orderId] as const,
  alerts: ['credit', 'alerts'] as const,
};

const ZLimitDecided = z.object({ limitId: ZId, review: ZReviewOutcome });
const ZExceptionGranted = z.object({ exceptionId: ZId, review: ZReviewOutcome });

function creditPath(customerId: string, rest: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}${rest}`;
}

/** A customer's credit: its entity, limit, exposure, exceptions, holds and history. */
export function useCustomerCredit(customerId: string) {
  return useQuery({
    queryKey: creditKeys.customer(customerId),
    queryFn: ({ signal }) =>
      apiGet(creditPath(customerId, '/credit'), ZCustomerCredit, undefined, signal),
  });
}

/** The held orders, newest first: the credit manager's queue. */
export function useHeldOrders() {
  return useQuery({
    queryKey: creditKeys.heldOrders,
    queryFn: ({ signal }) =>
      apiGet('/api/orders', ZOrderList, { status: 'held', limit: HELD_ORDERS_PAGE }, signal),
    select: (list) => list.items,
  });
}

/** One order, to name the order an exception was granted for. */
export function useOrder(orderId: string) {
  return useQuery({
    queryKey: creditKeys.order(orderId),
    queryFn: ({ signal }) =>
      apiGet(`/api/orders/${encodeURIComponent(orderId)}`, ZSalesOrder, undefined, signal),
    staleTime: 60_000,
  });
}

/** The company's open credit alerts, newest first. */
export function useCreditAlerts() {
  return useQuery({
    queryKey: creditKeys.alerts,
    queryFn: ({ signal }) => apiGet('/api/credit/alerts', ZCreditAlertList, undefined, signal),
    select: (list) => list.items,
  });
}

/** After a decision: the credit pages and the customers (statuses, limits) read again. */
function useRefreshAfterDecision() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: creditKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    ]);
  };
}

/** « Décider l'encours autorisé » for the customer's legal entity. */
export function useDecideLimit(customerId: string) {
  const refresh = useRefreshAfterDecision();
  return useMutation({
    mutationFn: (body: TDecideLimitBody) =>
      apiSend('POST', creditPath(customerId, '/credit-limit'), ZLimitDecided, body),
    onSuccess: refresh,
  });
}

/** « Accorder une dérogation », for the entity or one held order (`orderId`). */
export function useGrantException(customerId: string) {
  const refresh = useRefreshAfterDecision();
  return useMutation({
    mutationFn: (body: TGrantExceptionBody) =>
      apiSend('POST', creditPath(customerId, '/credit-exceptions'), ZExceptionGranted, body),
    onSuccess: refresh,
  });
}

/** « Bloquer » (`place`) or « Lever le blocage » (`release`), with a reason. */
export function useHoldDecision(customerId: string, kind: 'place' | 'release') {
  const refresh = useRefreshAfterDecision();
  return useMutation({
    mutationFn: (reason: string) =>
      apiSendNoContent(
        'POST',
        creditPath(customerId, kind === 'place' ? '/credit-hold' : '/credit-hold/release'),
        { reason },
      ),
    onSuccess: refresh,
  });
}

/** A decision on a held order: on prepayment, prepayment received, refused. */
export function useHeldOrderDecision(orderId: string) {
  const refresh = useRefreshAfterDecision();
  return useMutation({
    mutationFn: (body: THeldOrderDecision) =>
      apiSend('POST', `/api/orders/${encodeURIComponent(orderId)}/decision`, ZSalesOrder, body),
    onSuccess: refresh,
  });
}
