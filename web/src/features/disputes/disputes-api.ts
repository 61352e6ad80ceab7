/**
 * The disputes' hooks (issue 10): the board, a dispute's page with its thread and links,
 * the company's causes and departments. Every answer is parsed with the server's schemas.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDepartment,
  ZDepartmentList,
  ZDisputeCause,
  ZDisputeCauseList,
  ZDisputeDetail,
  ZDisputeList,
  type TCreateDepartmentRequest,
  type TOpenDisputeRequest,
  type TResolveDisputeRequest,
  type TSaveCauseRequest,
  type TUpdateDepartmentRequest,
  type TUpdateDisputeRequest,
} from '../../../../src/disputes/schemas.ts';
import {
  ZCreatedDisputeLink,
  ZDisputeAttachment,
  ZDisputeComment,
  type TAddCommentRequest,
} from '../../../../src/disputes/thread-schemas.ts';
import { apiGet, apiSend, apiSendNoContent, apiUpload, type QueryParams } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';
import { invoiceKeys } from '../invoices/invoices-api.ts';

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (query: QueryParams) => ['disputes', 'list', query] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
  invoice: (invoiceId: string) => ['disputes', 'invoice', invoiceId] as const,
  causes: ['dispute-causes'] as const,
  departments: ['departments'] as const,
  report: (asOf: string) => ['disputes', 'report', asOf] as const,
};

/** `/api/disputes/:id` and what follows it. */
export function disputePath(id: string, rest = ''): string {
  return `/api/disputes/${encodeURIComponent(id)}${rest}`;
}

/** Where an attachment's bytes are downloaded (the session cookie goes with a plain link). */
export function attachmentUrl(disputeId: string, attachmentId: string): string {
  return disputePath(disputeId, `/attachments/${encodeURIComponent(attachmentId)}`);
}

/** A page of disputes, newest first, as the board or a customer's tab asks them. */
export function useDisputes(query: QueryParams) {
  return useQuery({
    queryKey: disputeKeys.list(query),
    queryFn: ({ signal }) => apiGet('/api/disputes', ZDisputeList, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDispute(id: string) {
  return useQuery({
    queryKey: disputeKeys.detail(id),
    queryFn: ({ signal }) => apiGet(disputePath(id), ZDisputeDetail, undefined, signal),
  });
}

/** The company's causes: its defaults (worded here) and its own. */
export function useDisputeCauses() {
  return useQuery({
    queryKey: disputeKeys.causes,
    queryFn: ({ signal }) => apiGet('/api/dispute-causes', ZDisputeCauseList, undefined, signal),
    select: (list) => list.items,
    staleTime: 60_000,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: disputeKeys.departments,
    queryFn: ({ signal }) => apiGet('/api/departments', ZDepartmentList, undefined, signal),
    select: (list) => list.items,
    staleTime: 60_000,
  });
}

/**
 * After a change to a dispute: every dispute asked anywhere (board, invoice page, customer
 * tab) and what it moves beside them (an invoice's audit trail, a customer's timeline).
 */
function useRefreshDisputes() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: disputeKeys.all }),
      queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    ]);
  };
}

export function useOpenDispute() {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (body: TOpenDisputeRequest) =>
      apiSend('POST', '/api/disputes', ZDisputeDetail, body),
    onSuccess: refresh,
  });
}

export function useUpdateDispute(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (body: TUpdateDisputeRequest) =>
      apiSend('PATCH', disputePath(id), ZDisputeDetail, body),
    onSuccess: refresh,
  });
}

export function useResolveDispute(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (body: TResolveDisputeRequest) =>
      apiSend('POST', disputePath(id, '/resolve'), ZDisputeDetail, body),
    onSuccess: refresh,
  });
}

export function useAddComment(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (body: TAddCommentRequest) =>
      apiSend('POST', disputePath(id, '/comments'), ZDisputeComment, body),
    onSuccess: refresh,
  });
}

/** The file as the raw body, with its own type: the server checks it against the bytes. */
export function useAddAttachment(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (file: File) =>
      apiUpload(disputePath(id, '/attachments'), ZDisputeAttachment, file, {
        contentType: file.type === '' ? 'application/octet-stream' : file.type,
      }),
    onSuccess: refresh,
  });
}

/** « Envoyer le lien au service »: the answer carries the URL, shown this once. */
export function useCreateDisputeLink(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (body: { recipientName?: string; recipientEmail?: string }) =>
      apiSend('POST', disputePath(id, '/links'), ZCreatedDisputeLink, body),
    onSuccess: refresh,
  });
}

export function useRevokeDisputeLink(id: string) {
  const refresh = useRefreshDisputes();
  return useMutation({
    mutationFn: (linkId: string) =>
      apiSendNoContent('POST', disputePath(id, `/links/${encodeURIComponent(linkId)}/revoke`)),
    onSuccess: refresh,
  });
}

export function useSaveCause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: TSaveCauseRequest }) =>
      apiSend('PUT', `/api/dispute-causes/${encodeURIComponent(code)}`, ZDisputeCause, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disputeKeys.causes }),
  });
}

/** A new department (no id) or a change to one. */
export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { id: undefined; body: TCreateDepartmentRequest }
        | { id: string; body: TUpdateDepartmentRequest },
    ) =>
      change.id === undefined
        ? apiSend('POST', '/api/departments', ZDepartment, change.body)
        : apiSend(
            'PUT',
            `/api/departments/${encodeURIComponent(change.id)}`,
            ZDepartment,
            change.body,
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disputeKeys.departments }),
  });
}
