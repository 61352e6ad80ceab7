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

export type CustomerListParams = {
  search: string;
  status: CustomerStatus | undefined;
  sort: CustomerSort;
  order: SortOrder;
  page: number;
};

const DEFAULT_SORT: CustomerSort = 'legal_name';

export const customerListCodec: ListParamsCodec<CustomerListParams> = {
  parse: (search) => ({
    search: (search.get('search') ?? '').trim(),
    status: pickOne(search.get('status'), CUSTOMER_STATUSES),
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

export function toCustomerQuery(params: CustomerListParams): QueryParams {
  return {
    search: params.search,
    status: params.status,
    sort: params.sort,
    order: params.order,
    page: params.page,
    pageSize: CUSTOMER_PAGE_SIZE,
  };
}
