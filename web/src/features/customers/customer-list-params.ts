import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type TListCustomersQuery,
} from '../../../../src/customers/schemas.ts';
import type { QueryParams } from '../../api.ts';
import type { SortOrder } from '../../ui/sorting.ts';
import { parsePage, pickOne, type ListParamsCodec } from '../../ui/use-list-params.ts';
import type { CustomerStatus } from './customer-labels.ts';

export type CustomerSort = TListCustomersQuery['sort'];

export const CUSTOMER_PAGE_SIZE = 50;

/** Money and lateness are read biggest first; names and codes from A. */
export const DESCENDING_FIRST: ReadonlySet<CustomerSort> = new Set([
  'open_amount',
  'overdue_amount',
  'oldest_overdue_days',
]);

/** "Mes clients" (the signed-in user's, as their collector) or every customer. */
export const CUSTOMER_SCOPES = ['mine', 'all'] as const;
export type CustomerScope = (typeof CUSTOMER_SCOPES)[number];

export type CustomerListParams = {
  search: string;
  status: CustomerStatus | undefined;
  scope: CustomerScope;
  sort: CustomerSort;
  order: SortOrder;
  page: number;
};

const DEFAULT_SORT: CustomerSort = 'legal_name';

/**
 * The list's URL state. The scope's default depends on who looks: a collector opens on
 * their own customers, everybody else on all of them (`defaultScopeFor`); only a scope
 * other than that default is written in the URL.
 */
export function customerListCodecFor(
  defaultScope: CustomerScope,
): ListParamsCodec<CustomerListParams> {
  return {
    parse: (search) => ({
      ...baseCodec.parse(search),
      scope: pickOne(search.get('scope'), CUSTOMER_SCOPES) ?? defaultScope,
    }),
    serialize: (params) => {
      const search = baseCodec.serialize(params);
      if (params.scope !== defaultScope) {
        search.set('scope', params.scope);
      }
      return search;
    },
  };
}

/** A collector's list opens on "Mes clients". */
export function defaultScopeFor(role: string): CustomerScope {
  return role === 'collector' ? 'mine' : 'all';
}

const baseCodec: ListParamsCodec<CustomerListParams> = {
  parse: (search) => ({
    search: (search.get('search') ?? '').trim(),
    status: pickOne(search.get('status'), CUSTOMER_STATUSES),
    scope: 'all',
    sort: pickOne(search.get('sort'), CUSTOMER_SORTS) ?? DEFAULT_SORT,
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: parsePage(search.get('page')),
  }),
  serialize: (params) => {
    const search = new URLSearchParams();
    if (params.search !== '') {
      search.set('search', params.search);
    }
    if (params.status !== undefined) {
      search.set('status', params.status);
    }
    if (params.sort !== DEFAULT_SORT || params.order !== 'asc') {
      search.set('sort', params.sort);
      search.set('order', params.order);
    }
    if (params.page > 1) {
      search.set('page', String(params.page));
    }
    return search;
  },
};

/** The codec for a user whose list opens on every customer. */
export const customerListCodec = customerListCodecFor('all');

export function toCustomerQuery(params: CustomerListParams, userId?: string): QueryParams {
  return { ...toCustomerOrder(params, userId), page: params.page, pageSize: CUSTOMER_PAGE_SIZE };
}

/** The filters and the order, without paging: what the export writes, every row. */
export function toCustomerOrder(params: CustomerListParams, userId?: string): QueryParams {
  return { ...toCustomerFilters(params, userId), sort: params.sort, order: params.order };
}

/** The filters alone, without page or order: what the list's totals are asked with. */
export function toCustomerFilters(params: CustomerListParams, userId?: string): QueryParams {
  return {
    search: params.search,
    status: params.status,
    collectorId: params.scope === 'mine' ? userId : undefined,
  };
}
