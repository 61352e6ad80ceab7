/**
 * A customer's orders (issue 12, docs/credit.md « Orders »), for the « Commandes » section of
 * its « Crédit » tab. Under the credit keys, so that a decision on a held order (which
 * refreshes `creditKeys.all`) reads them again.
 */
import { useQuery } from '@tanstack/react-query';
import { ZOrderList } from '../../../../src/credit/schemas.ts';
import { apiGet } from '../../api.ts';
import { creditKeys } from './credit-api.ts';

/** The most orders the section lists, the newest first (the API's own ceiling is 500). */
export const CUSTOMER_ORDERS_PAGE = 100;

/** The query key of a customer's orders. */
export function customerOrdersKey(customerId: string) {
  return [...creditKeys.all, 'orders', 'customer', customerId] as const;
}

/** The customer's orders, newest first. */
export function useCustomerOrders(customerId: string) {
  return useQuery({
    queryKey: customerOrdersKey(customerId),
    queryFn: ({ signal }) =>
      apiGet('/api/orders', ZOrderList, { customerId, limit: CUSTOMER_ORDERS_PAGE }, signal),
    select: (list) => list.items,
  });
}
