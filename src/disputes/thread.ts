/**
 * A dispute's thread (issue 10, docs/disputes.md « The thread and its attachments »): what
 * the collector and the department say to each other on one dispute, and a department's
 * proposed outcome. A department member writes through its link (`ctx.audience` department,
 * on that dispute alone); the answer sends the dispute back to the collector (status
 * `open`), whose decision it remains. A resolved dispute's thread is closed (409).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize, type Action } from '../app/policy.ts';
import type { AccessLink } from '../access/service.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, invalidField } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import {
  keptNote,
  MAX_COMMENT_LENGTH,
  type AuthorKind,
  type DecidedOutcome,
  type Dispute,
} from './model.ts';
import { disputeNotFound } from './service.ts';
import {
  findDispute,
  updateOpenDispute,
  type DisputeAttachmentInfo,
  type DisputeComment,
  type DisputePatch,
} from './store.ts';
import type { TDisputeAttachment, TDisputeComment, TDisputeLink } from './thread-schemas.ts';
import { insertComment, type NewDisputeComment } from './thread-store.ts';

/** Who writes, as the thread keeps it: the link's audience, else the company's staff. */
export function authorKindOf(ctx: Ctx): AuthorKind {
  const kind = ctx.audience?.kind ?? 'staff';
  return kind === 'staff' && ctx.actor.type === 'system' ? 'system' : kind;
}

/**
 * The dispute `disputeId` once `ctx` may do `action` on it, read in `q`. A department
 * link's holder asking for another dispute is refused before anything is read (403, never
 * « exists » or not); a dispute the company does not have is 404.
 */
export async function disputeFor(
  q: Queryable,
  ctx: Ctx,
  disputeId: string,
  action: Action,
): Promise<Dispute> {
  if (ctx.audience?.kind === 'department') {
    authorize(ctx, action, { disputeId });
  }
  const dispute = await findDispute(q, ctx.companyId, disputeId);
  if (dispute === undefined) {
    throw disputeNotFound(disputeId);
  }
  authorize(ctx, action, { disputeId, customerId: dispute.customerId });
  return dispute;
}

/**
 * Applies `patch` to `dispute` (its `updated_at` at least) in `tx`, its row locked until the
 * transaction ends: a resolution at once waits, or has come first and this is refused 409
 * `dispute_resolved` — a resolved dispute takes no more comments or documents.
 */
export async function touchOpenDispute(
  tx: Queryable,
  ctx: Ctx,
  dispute: Dispute,
  patch: DisputePatch,
  now: Date,
): Promise<Dispute> {
  const updated = await updateOpenDispute(tx, ctx.companyId, dispute.id, patch, now);
  if (updated === undefined) {
    throw new ConflictError('dispute_resolved', { reference: dispute.reference });
  }
  return updated;
}

/** What a comment is written with. */
export type NewComment = { body: string; proposedOutcome?: DecidedOutcome | null | undefined };

/**
 * Writes a comment in the dispute's thread, by staff or by the department member of its
 * link (`dispute:answer`). A department's comment sends the dispute back to the collector:
 * its status becomes `open` (from `waiting_department`, or `waiting_customer`), and its
 * proposed outcome is kept with the comment for the collector to decide on. Body: 1 to
 * 5 000 characters, trimmed. The comment as written.
 */
export async function addComment(
  deps: Deps,
  ctx: Ctx,
  disputeId: string,
  input: NewComment,
): Promise<NewDisputeComment> {
  const body = keptNote(input.body);
  if (body === null) {
    throw invalidField('body', 'comment_body_required');
  }
  if (body.length > MAX_COMMENT_LENGTH) {
    throw invalidField('body', 'dispute_note_too_long', { max: MAX_COMMENT_LENGTH });
  }
  const now = deps.clock.now();
  const authorKind = authorKindOf(ctx);
  return inTransaction(deps.db, async (tx) => {
    const dispute = await disputeFor(tx, ctx, disputeId, 'dispute:answer');
    const backToCollector = authorKind === 'department' && dispute.status !== 'open';
    await touchOpenDispute(tx, ctx, dispute, backToCollector ? { status: 'open' } : {}, now);
    const comment: NewDisputeComment = {
      id: deps.ids.newId(),
      disputeId: dispute.id,
      authorKind,
      authorId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      authorName: ctx.actor.name,
      body,
      systemCode: null,
      proposedOutcome: input.proposedOutcome ?? null,
      createdAt: now,
    };
    await insertComment(tx, ctx.companyId, comment);
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.commented',
        entityType: 'dispute',
        entityId: dispute.id,
        customerId: dispute.customerId,
        data: {
          reference: dispute.reference,
          commentId: comment.id,
          authorKind,
          proposedOutcome: comment.proposedOutcome,
          ...(backToCollector ? { changes: { status: { from: dispute.status, to: 'open' } } } : {}),
        },
      },
    ]);
    return comment;
  });
}

/**
 * A comment of the thread, as staff, the department and the customer read it alike: a
 * system comment worded in the reader's `language` from its code, a person's as written.
 */
export function presentComment(comment: DisputeComment, language: Language): TDisputeComment {
  return {
    id: comment.id,
    authorKind: comment.authorKind,
    authorName: comment.authorName,
    body: comment.systemCode === null ? comment.body : messageOf(language, comment.systemCode),
    proposedOutcome: comment.proposedOutcome,
    createdAt: comment.createdAt.toISOString(),
  };
}

/** An attachment's record, never its bytes (they are downloaded on their own). */
export function presentAttachment(attachment: DisputeAttachmentInfo): TDisputeAttachment {
  return {
    id: attachment.id,
    commentId: attachment.commentId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedByKind: attachment.uploadedByKind,
    uploadedByName: attachment.uploadedByName,
    createdAt: attachment.createdAt.toISOString(),
  };
}

/** A department link as staff see it (never its token). */
export function presentDisputeLink(link: AccessLink): TDisputeLink {
  return {
    id: link.id,
    recipientName: link.recipientName,
    recipientEmail: link.recipientEmail,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
  };
}
