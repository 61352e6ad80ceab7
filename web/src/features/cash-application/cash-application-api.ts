import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZBankLineMatch,
  ZBankLinePage,
  ZCashApplicationSettings,
  ZMatchRunReport,
  type TBankLineMatchStatus,
  type TMatchBankLineRequest,
} from '../../../../src/bank/matching/schemas.ts';
import { ZCustomerPage } from '../../../../src/customers/schemas.ts';
import { ZInvoicePage } from '../../../../src/ledger/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';
import { invoiceKeys } from '../invoices/invoices-api.ts';
import { paymentKeys } from '../payments/payments-api.ts';

export const BANK_LINE_PAGE_SIZE = 50;

export const bankLineKeys = {
  all: ['bank-lines'] as const,
  page: (status: TBankLineMatchStatus, page: number) =>
    ['bank-lines', 'page', status, page] as const,
};

export const cashApplicationSettingsKeys = {
  all: ['cash-application-settings'] as const,
};

const SETTINGS_PATH = '/api/cash-application/settings';

function linePath(id: string, action: string): string {
  return `/api/bank-lines/${encodeURIComponent(id)}/${action}`;
}

/** A page of lines in one status, with the counts of every status (the tabs' numbers). */
export function useBankLinePage(status: TBankLineMatchStatus, page: number) {
  return useQuery({
    queryKey: bankLineKeys.page(status, page),
    queryFn: ({ signal }) =>
      apiGet(
        '/api/bank-lines',
        ZBankLinePage,
        { status, page, pageSize: BANK_LINE_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * After any change to a line the queue and its counts move, and an applied or undone
 * match settles or reopens invoices, makes or voids a payment, changes balances.
 */
function useInvalidateAfterMatch() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: bankLineKeys.all }),
      queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
      queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    ]);
}

export type MatchVariables = { lineId: string; request: TMatchBankLineRequest };

/** Confirms a suggestion, or a match of one's own. */
export function useMatchBankLine() {
  const invalidate = useInvalidateAfterMatch();
  return useMutation({
    mutationFn: ({ lineId, request }: MatchVariables) =>
      apiSend('POST', linePath(lineId, 'match'), ZBankLineMatch, request),
    onSuccess: invalidate,
  });
}

export function useUndoBankLineMatch() {
  const invalidate = useInvalidateAfterMatch();
  return useMutation({
    mutationFn: (lineId: string) => apiSend('POST', linePath(lineId, 'undo'), ZBankLineMatch),
    onSuccess: invalidate,
  });
}

/** Sets a queued line aside (`aside`), or puts a line set aside back in the queue. */
export function useSetBankLineAside() {
  const invalidate = useInvalidateAfterMatch();
  return useMutation({
    mutationFn: ({ lineId, aside }: { lineId: string; aside: boolean }) =>
      apiSend('POST', linePath(lineId, aside ? 'set-aside' : 'requeue'), ZBankLineMatch),
    onSuccess: invalidate,
  });
}

/** The matcher over the whole queue again, at the company's threshold. */
export function useRunMatcher() {
  const invalidate = useInvalidateAfterMatch();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/cash-application/run', ZMatchRunReport, {}),
    onSuccess: invalidate,
  });
}

/** The company's settings: the confidence at or above which the matcher applies alone. */
export function useCashApplicationSettings() {
  return useQuery({
    queryKey: cashApplicationSettingsKeys.all,
    queryFn: ({ signal }) => apiGet(SETTINGS_PATH, ZCashApplicationSettings, undefined, signal),
  });
}

/**
 * Saves the company's threshold. The queue is refreshed too: what the next run applies
 * depends on it, and the page must not show the old figure beside the new one.
 */
export function useUpdateAutoApplyThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (autoApplyThreshold: number) =>
      apiSend('PUT', SETTINGS_PATH, ZCashApplicationSettings, { autoApplyThreshold }),
    onSuccess: (saved) => {
      queryClient.setQueryData(cashApplicationSettingsKeys.all, saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: cashApplicationSettingsKeys.all }),
        queryClient.invalidateQueries({ queryKey: bankLineKeys.all }),
      ]);
    },
  });
}

/** Customers whose name or code holds `search`, for the edit dialog's picker. */
export function useCustomerSearch(search: string) {
  const query = { search, page: 1, pageSize: 20 };
  return useQuery({
    queryKey: [...customerKeys.all, 'cash-application-search', search] as const,
    queryFn: ({ signal }) => apiGet('/api/customers', ZCustomerPage, query, signal),
    enabled: search.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** A customer's unpaid invoices (credit notes aside), oldest due first: what a line may settle. */
export function useOpenInvoices(customerId: string | null) {
  const query = {
    customerId: customerId ?? undefined,
    status: 'unpaid',
    kind: 'invoice',
    sort: 'due_date',
    order: 'asc',
    page: 1,
    pageSize: 200,
  };
  return useQuery({
    queryKey: invoiceKeys.page(query),
    queryFn: ({ signal }) => apiGet('/api/invoices', ZInvoicePage, query, signal),
    enabled: customerId !== null,
  });
}
