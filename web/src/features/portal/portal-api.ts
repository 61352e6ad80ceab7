/**
 * The customer's portal talks to `/api/portal/*` with its link's token (`access-token.ts`):
 * its account, its documents, and the three things a customer says about invoices —
 * approved, a problem, a date it will pay on. Answers are parsed with the server's schemas.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZPortalAccount,
  ZPortalApprovals,
  ZPortalOpenedDispute,
  ZPortalPromise,
  type TPortalItem,
  type ZPortalDisputeRequest,
  type ZPortalPromiseRequest,
} from '../../../../src/portal/schemas.ts';
import { ZDisputeAttachment } from '../../../../src/disputes/thread-schemas.ts';
import { linkDownload, linkGet, linkPost, linkUpload } from './access-token.ts';
import { attachmentType } from './attachment-check.ts';

export type PortalItem = TPortalItem;

const accountKey = ['portal', 'account'] as const;

/** The customer's account as the portal shows it; not asked at all without a token. */
export function usePortalAccount(token: string | undefined) {
  return useQuery({
    queryKey: accountKey,
    queryFn: ({ signal }) => linkGet(token ?? '', '/api/portal/account', ZPortalAccount, signal),
    enabled: token !== undefined,
  });
}

/** After an action: the account again, so that its list shows what was just said. */
function useRefreshAccount() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKey });
}

/** « J'approuve cette facture », for one invoice or a selection. */
export function useApproveInvoices(token: string) {
  const refresh = useRefreshAccount();
  return useMutation({
    mutationFn: (invoiceIds: string[]) =>
      linkPost(token, '/api/portal/approvals', ZPortalApprovals, { invoiceIds }),
    onSuccess: refresh,
  });
}

export type ReportProblemInput = z.input<typeof ZPortalDisputeRequest> & { files: readonly File[] };

/** What reporting a problem did: the dispute, and the files that could not be attached. */
export type ReportedProblem = {
  reference: string;
  failedUploads: { file: File; error: unknown }[];
};

/**
 * « Il y a un problème »: the dispute first, then each attachment on it. A file the server
 * refuses does not undo the dispute (it is opened, the customer was heard): the page says
 * which file failed and why.
 */
export function useReportProblem(token: string) {
  const refresh = useRefreshAccount();
  return useMutation({
    mutationFn: async ({ files, ...body }: ReportProblemInput): Promise<ReportedProblem> => {
      const { dispute } = await linkPost(token, '/api/portal/disputes', ZPortalOpenedDispute, body);
      const failedUploads: ReportedProblem['failedUploads'] = [];
      // One after the other: the machine serving the portal is small, the files are not.
      for (const file of files) {
        try {
          await linkUpload(
            token,
            `/api/portal/disputes/${encodeURIComponent(dispute.id)}/attachments`,
            ZDisputeAttachment,
            file,
            attachmentType(file),
          );
        } catch (error) {
          failedUploads.push({ file, error });
        }
      }
      return { reference: dispute.reference, failedUploads };
    },
    onSuccess: refresh,
  });
}

/** « Je paierai le … »: a promise on one invoice or a selection. */
export function usePromisePayment(token: string) {
  const refresh = useRefreshAccount();
  return useMutation({
    mutationFn: (body: z.input<typeof ZPortalPromiseRequest>) =>
      linkPost(token, '/api/portal/promises', ZPortalPromise, body),
    onSuccess: refresh,
  });
}

/** An invoice's PDF, as the company issued it. */
export function downloadInvoice(token: string, item: PortalItem): Promise<void> {
  return linkDownload(
    token,
    `/api/portal/invoices/${encodeURIComponent(item.invoiceId)}/document`,
    `${item.number}.pdf`,
  );
}

/** The statement of account, made as PDF on the server when asked. */
export function downloadStatement(token: string): Promise<void> {
  return linkDownload(token, '/api/portal/statement', 'releve-de-compte.pdf');
}
