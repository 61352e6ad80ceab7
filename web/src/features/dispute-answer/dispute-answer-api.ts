/**
 * The department's answer page talks to `/api/dispute-link/*` with its link's token
 * (`access-token.ts`): the one dispute the link opens, its documents, and the answer.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZLinkedDispute } from '../../../../src/disputes/link-schemas.ts';
import {
  ZDisputeAttachment,
  ZDisputeComment,
  type TAddCommentRequest,
  type TDisputeAttachment,
} from '../../../../src/disputes/thread-schemas.ts';
import { linkDownload, linkGet, linkPost, linkUpload } from '../portal/access-token.ts';
import { attachmentType } from '../portal/attachment-check.ts';

const linkedDisputeKey = ['dispute-link'] as const;

/** The dispute the link opens; not asked at all without a token. */
export function useLinkedDispute(token: string | undefined) {
  return useQuery({
    queryKey: linkedDisputeKey,
    queryFn: ({ signal }) => linkGet(token ?? '', '/api/dispute-link', ZLinkedDispute, signal),
    enabled: token !== undefined,
  });
}

export type AnswerInput = TAddCommentRequest & { files: readonly File[] };

/** What answering did: the files that could not be attached (the message is in). */
export type SentAnswer = { failedUploads: { file: File; error: unknown }[] };

/**
 * The answer: the message (with the proposed outcome) first, then each file. A refused
 * file does not take the message back: the page says which one failed and why.
 */
export function useAnswerDispute(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ files, ...comment }: AnswerInput): Promise<SentAnswer> => {
      await linkPost(token, '/api/dispute-link/comments', ZDisputeComment, comment);
      const failedUploads: SentAnswer['failedUploads'] = [];
      for (const file of files) {
        try {
          await linkUpload(
            token,
            '/api/dispute-link/attachments',
            ZDisputeAttachment,
            file,
            attachmentType(file),
          );
        } catch (error) {
          failedUploads.push({ file, error });
        }
      }
      return { failedUploads };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: linkedDisputeKey }),
  });
}

/** One of the dispute's documents, as it was attached. */
export function downloadAttachment(token: string, attachment: TDisputeAttachment): Promise<void> {
  return linkDownload(
    token,
    `/api/dispute-link/attachments/${encodeURIComponent(attachment.id)}`,
    attachment.fileName,
  );
}
