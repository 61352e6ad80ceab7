/**
 * The messages view's calls (docs/messages.md): the outbox newest first, a page at a time
 * by cursor, one message with its body as sent, the letters waiting for their print batch
 * and the batch itself (a PDF).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZLettersToPrint,
  ZMessageDetail,
  ZMessageList,
  type TMessageItem,
} from '../../../../src/jobs/schemas.ts';
import { ZCustomerDetail } from '../../../../src/customers/schemas.ts';
import { apiGet, apiSendForFile } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';

export const MESSAGE_PAGE_SIZE = 50;

export type MessageStatus = TMessageItem['status'];
export type MessageChannel = TMessageItem['channel'];

export type MessageFilters = {
  status?: MessageStatus | undefined;
  channel?: MessageChannel | undefined;
  customerId?: string | undefined;
};

export const messageKeys = {
  all: ['messages'] as const,
  list: (filters: MessageFilters) => ['messages', 'list', filters] as const,
  detail: (id: string) => ['messages', 'detail', id] as const,
  toPrint: ['messages', 'letters-to-print'] as const,
};

/** The messages the filters keep, newest first; `fetchNextPage` reads the older ones. */
export function useMessages(filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: messageKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        '/api/messages',
        ZMessageList,
        { ...filters, limit: MESSAGE_PAGE_SIZE, before: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One message with its body as sent (HTML too, for an e-mail). */
export function useMessage(id: string | null) {
  return useQuery({
    queryKey: messageKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet(`/api/messages/${encodeURIComponent(id ?? '')}`, ZMessageDetail, undefined, signal),
    enabled: id !== null,
  });
}

/**
 * The customer a message names, read once per customer (the customer page's own query, so
 * both share it): the messages API gives its id only.
 */
export function useMessageCustomer(id: string | null) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet(`/api/customers/${encodeURIComponent(id ?? '')}`, ZCustomerDetail, undefined, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

export function attachmentUrl(id: string): string {
  return `/api/messages/${encodeURIComponent(id)}/attachment`;
}

export function useLettersToPrint(enabled: boolean) {
  return useQuery({
    queryKey: messageKeys.toPrint,
    queryFn: ({ signal }) => apiGet('/api/letters/to-print', ZLettersToPrint, undefined, signal),
    enabled,
  });
}

/** Hands the browser a file it made, under `name`. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has started with it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Produces the print batch of the letters waiting (one PDF) and downloads it; producing it
 * marks them sent, so the list and the count follow.
 */
export function usePrintLetters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fileName: string) => {
      saveFile(await apiSendForFile('POST', '/api/letters/print', {}), fileName);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}
