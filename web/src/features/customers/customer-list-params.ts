import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type TListCustomersQuery,
} from '../../../../src/customers/schemas.ts';
import { ZId } from '../../../../src/shared/schemas.ts';
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

/** The collector filter's value for every customer, whoever collects them. */
export const ALL_COLLECTORS = 'all';

export type CustomerListParams = {
  search: string;
  status: CustomerStatus | undefined;
  /**
   * Whose customers: a user's id (the customers they collect; the signed-in user's own
   * are "Mes clients"), or `ALL_COLLECTORS`.
   */
  collector: string;
  sort: CustomerSort;
  order: SortOrder;
  page: number;
};

const DEFAULT_SORT: CustomerSort = 'legal_name';

/** Who looks at the list: the signed-in user. */
export type CustomerListViewer = { id: string; role: string };

/**
 * The list's URL state. The collector's default depends on who looks: a collector opens
 * on their own customers, everybody else on all of them (`defaultCollectorFor`); only a
 * collector other than that default is written in the URL (`collector=<id>` or
 * `collector=all`). A link of before the picker, `scope=mine` or `scope=all`, still opens
 * as it did.
 */
export function customerListCodecFor(
  viewer: CustomerListViewer,
): ListParamsCodec<CustomerListParams> {
  const defaultCollector = defaultCollectorFor(viewer);
  return {
    parse: (search) => ({
      ...baseCodec.parse(search),
      collector: parseCollector(search, viewer) ?? defaultCollector,
    }),
    serialize: (params) => {
      const search = baseCodec.serialize(params);
      if (params.collector !== defaultCollector) {
        search.set('collector', params.collector);
      }
      return search;
    },
  };
}

/** A collector's list opens on "Mes clients", everybody else's on every customer. */
export function defaultCollectorFor(viewer: CustomerListViewer): string {
  return viewer.role === 'collector' ? viewer.id : ALL_COLLECTORS;
}

/**
 * The collector the URL asks for: `all` or a user's id, else the old `scope`; a value the
 * API would refuse (an id that is not a UUID) is left out, as the other filters' are.
 */
function parseCollector(search: URLSearchParams, viewer: CustomerListViewer): string | undefined {
  const collector = search.get('collector');
  if (collector !== null && (collector === ALL_COLLECTORS || ZId.safeParse(collector).success)) {
    return collector;
  }
  const scope = search.get('scope');
  if (scope === 'mine') {
    return viewer.id;
  }
  return scope === 'all' ? ALL_COLLECTORS : undefined;
}

const baseCodec: ListParamsCodec<CustomerListParams> = {
  parse: (search) => ({
    search: (search.get('search') ?? '').trim(),
    status: pickOne(search.get('status'), CUSTOMER_STATUSES),
    collector: ALL_COLLECTORS,
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
  return { ...toCustomerOrder(params), page: params.page, pageSize: CUSTOMER_PAGE_SIZE };
}

/** The filters and the order, without paging: what the export writes, every row. */
export function toCustomerOrder(params: CustomerListParams): QueryParams {
  return { ...toCustomerFilters(params), sort: params.sort, order: params.order };
}

/** The filters alone, without page or order: what the list's totals are asked with. */
export function toCustomerFilters(params: CustomerListParams): QueryParams {
  return {
    search: params.search,
    status: params.status,
    collectorId: params.collector === ALL_COLLECTORS ? undefined : params.collector,
  };
}
