/**
 * The HTTP contract of a dispute's thread (issue 10, docs/disputes.md « The thread and its
 * attachments »): its comments, its attachments and the department links given out for it.
 * The dispute's detail (`ZDisputeDetail`) carries these three; the department's page carries
 * the first two. Instants are ISO strings.
 */
import { z } from 'zod';
import { ZId } from '../shared/schemas.ts';
import { AUTHOR_KINDS, DECIDED_OUTCOMES, MAX_COMMENT_LENGTH } from './model.ts';

/** A department link lasts 14 days unless said otherwise, 60 at most: one dispute's answer, not a standing door. */
export const DEFAULT_DEPARTMENT_LINK_DAYS = 14;
export const MAX_DEPARTMENT_LINK_DAYS = 60;

export const ZAuthorKind = z.enum(AUTHOR_KINDS).meta({
  id: 'DisputeAuthorKind',
  description:
    'staff (a user or a token of the company), department (the holder of a department link), customer (the portal), system',
});

export const ZProposedOutcome = z.enum(DECIDED_OUTCOMES).meta({
  id: 'DisputeProposedOutcome',
  description: 'What a department member proposes: justified, rejected, corrected',
});

export const ZDisputeComment = z
  .object({
    id: ZId,
    authorKind: ZAuthorKind,
    authorName: z.string().nullable(),
    body: z.string(),
    proposedOutcome: ZProposedOutcome.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DisputeComment' });
export type TDisputeComment = z.infer<typeof ZDisputeComment>;

export const ZDisputeAttachment = z
  .object({
    id: ZId,
    commentId: ZId.nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the bytes as received, in hex' }),
    uploadedByKind: ZAuthorKind,
    uploadedByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DisputeAttachment' });
export type TDisputeAttachment = z.infer<typeof ZDisputeAttachment>;

/** A department link as staff see it (never its token: the URL is shown once, when made). */
export const ZDisputeLink = z
  .object({
    id: ZId,
    recipientName: z.string().nullable(),
    recipientEmail: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'DisputeLink' });
export type TDisputeLink = z.infer<typeof ZDisputeLink>;

export const ZAddCommentRequest = z
  .object({
    body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
    proposedOutcome: ZProposedOutcome.nullish(),
  })
  .meta({ id: 'AddDisputeCommentRequest' });
export type TAddCommentRequest = z.infer<typeof ZAddCommentRequest>;

export const ZCreateDisputeLinkRequest = z
  .object({
    recipientName: z.string().trim().min(1).max(200).nullish(),
    recipientEmail: z.email().max(254).nullish().meta({
      description: "Where the link is sent; absent: the dispute's assignee",
    }),
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_DEPARTMENT_LINK_DAYS)
      .default(DEFAULT_DEPARTMENT_LINK_DAYS),
    send: z.boolean().default(true).meta({
      description: 'Whether the link is e-mailed to the recipient through the outbox',
    }),
  })
  .meta({ id: 'CreateDisputeLinkRequest' });
export type TCreateDisputeLinkRequest = z.infer<typeof ZCreateDisputeLinkRequest>;

export const ZCreatedDisputeLink = z
  .object({
    link: ZDisputeLink,
    url: z.string().meta({ description: 'The page with its token: shown this once' }),
  })
  .meta({ id: 'CreatedDisputeLink' });
export type TCreatedDisputeLink = z.infer<typeof ZCreatedDisputeLink>;
