import { parseIsoDate } from '../../../../src/shared/calendar-date.ts';
import {
  DEFAULT_INVOICE_STATUS_FILTER,
  ZListInvoicesQuery,
  type TInvoice,
  type TListInvoicesQuery,
} from '../../../../src/ledger/schemas.ts';
import type { QueryParams } from '../../api.ts';
import type { SortOrder } from '../../ui/sorting.ts';
import { parsePage, pickOne, type ListParamsCodec } from '../../ui/use-list-params.ts';

export type InvoiceSort = TListInvoicesQuery['sort'];
export type InvoiceKind = TInvoice['kind'];

/** The four views a collector asks for; `unpaid` = open or partly paid. */
export const INVOICE_STATUS_FILTERS = ['unpaid', 'overdue', 'paid', 'all'] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];
/**
 * The server's default (what is still to collect), shown selected and left out of the
 * URL; `all` is written out, as the API asks for it.
 */
export const DEFAULT_STATUS: InvoiceStatusFilter = DEFAULT_INVOICE_STATUS_FILTER;
export const INVOICE_KIND_FILTERS = ['all', 'invoice', 'credit_note'] as const;
export type InvoiceKindFilter = (typeof INVOICE_KIND_FILTERS)[number];

const INVOICE_SORTS = ZListInvoicesQuery.shape.sort.unwrap().options;

export const DESCENDING_FIRST: ReadonlySet<InvoiceSort> = new Set(['amount', 'open_amount']);

export const INVOICE_PAGE_SIZE = 50;

export const DATE_FILTERS = ['issuedFrom', 'issuedTo', 'dueFrom', 'dueTo'] as const;
export type DateFilter = (typeof DATE_FILTERS)[number];

export type InvoiceListParams = {
  /** Part of the number. */
  search: string;
  /** A customer's code, as typed (the server compares it in capitals). */
  customerCode: string;
  status: InvoiceStatusFilter;
  kind: InvoiceKindFilter;
  sort: InvoiceSort;
  order: SortOrder;
  page: number;
} & Record<DateFilter, string>;

const DEFAULT_SORT: InvoiceSort = 'due_date';

function parseDate(text: string | null): string {
  return text === null ? '' : (parseIsoDate(text) ?? '');
}

export const invoiceListCodec: ListParamsCodec<InvoiceListParams> = {
  parse: (search) => ({
    search: (search.get('search') ?? '').trim(),
    customerCode: (search.get('customerCode') ?? '').trim(),
    status: pickOne(search.get('status'), INVOICE_STATUS_FILTERS) ?? DEFAULT_STATUS,
    kind: pickOne(search.get('kind'), INVOICE_KIND_FILTERS) ?? 'all',
    issuedFrom: parseDate(search.get('issuedFrom')),
    issuedTo: parseDate(search.get('issuedTo')),
    dueFrom: parseDate(search.get('dueFrom')),
    dueTo: parseDate(search.get('dueTo')),
    sort: pickOne(search.get('sort'), INVOICE_SORTS) ?? DEFAULT_SORT,
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: parsePage(search.get('page')),
  }),
  serialize: (params) => {
    const search = new URLSearchParams();
    if (params.search !== '') {
      search.set('search', params.search);
    }
    if (params.customerCode !== '') {
      search.set('customerCode', params.customerCode);
    }
    if (params.status !== DEFAULT_STATUS) {
      search.set('status', params.status);
    }
    if (params.kind !== 'all') {
      search.set('kind', params.kind);
    }
    for (const filter of DATE_FILTERS) {
      if (params[filter] !== '') {
        search.set(filter, params[filter]);
      }
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

/** Every filter back to its default; the sort stays. */
export const CLEARED_FILTERS = {
  search: '',
  customerCode: '',
  status: DEFAULT_STATUS,
  kind: 'all',
  issuedFrom: '',
  issuedTo: '',
  dueFrom: '',
  dueTo: '',
} as const satisfies Partial<InvoiceListParams>;

export function hasInvoiceFilters(params: InvoiceListParams): boolean {
  return (
    params.search !== '' ||
    params.customerCode !== '' ||
    params.status !== DEFAULT_STATUS ||
    params.kind !== 'all' ||
    DATE_FILTERS.some((filter) => params[filter] !== '')
  );
}

export function toInvoiceQuery(params: InvoiceListParams): QueryParams {
  return { ...toInvoiceOrder(params), page: params.page, pageSize: INVOICE_PAGE_SIZE };
}

/** The filters and the order, without paging: what the export writes, every row. */
export function toInvoiceOrder(params: InvoiceListParams): QueryParams {
  return { ...toInvoiceFilters(params), sort: params.sort, order: params.order };
}

/** The filters alone: what the list's totals are asked with, once for all its pages. */
export function toInvoiceFilters(params: InvoiceListParams): QueryParams {
  return {
    search: params.search,
    customerCode: params.customerCode,
    status: params.status,
    kind: params.kind === 'all' ? undefined : params.kind,
    issuedFrom: params.issuedFrom,
    issuedTo: params.issuedTo,
    dueFrom: params.dueFrom,
    dueTo: params.dueTo,
  };
}
