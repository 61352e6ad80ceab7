/**
 * Documents kept with a dispute (issue 10, docs/disputes.md « The thread and its
 * attachments »): a delivery receipt, an order, an e-mail. Checked before anything is
 * written (`checkAttachment`: one of five types, whose first bytes say the same, at most
 * 10 MiB), kept with their SHA-256 so that what is produced later is shown to be what was
 * received.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Action } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { DomainError, InvalidError, invalidField } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { checkAttachment } from './model.ts';
import { authorKindOf, disputeFor, touchOpenDispute } from './thread.ts';
import type { DisputeAttachmentInfo } from './store.ts';
import { findAttachmentContent, insertAttachment, isCommentOf } from './thread-store.ts';

/** The longest file name kept (the table's check). */
const MAX_FILE_NAME_LENGTH = 200;

/** A file to attach, as it came. */
export type NewAttachment = {
  fileName: string;
  /** The type the sender gave (`Content-Type`), parameters and case as they came. */
  contentType: string;
  bytes: Uint8Array;
  /** The comment it goes with, if any (of the same dispute). */
  commentId?: string | null | undefined;
};

/**
 * What attaching is, for each audience: staff and the department member answer the dispute;
 * the customer adds to a dispute of its own account (the portal's « there is a problem »).
 */
function attachAction(ctx: Ctx): Action {
  return ctx.audience?.kind === 'customer' ? 'dispute:open' : 'dispute:answer';
}

/** A file name as kept: no control characters, trimmed, at most 200 characters; `attachment` when none is left. */
function keptFileName(name: string): string {
  const kept = name
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_FILE_NAME_LENGTH);
  return kept === '' ? 'attachment' : kept;
}

/**
 * Attaches `file` to the dispute, by staff, its department's link holder or its customer.
 * Refused with nothing written: 400 `attachment_empty`, `attachment_too_large`,
 * `attachment_type_refused`, `attachment_content_mismatch` (on `file`),
 * `attachment_comment_unknown` (on `commentId`); 409 `dispute_resolved`. The event
 * `dispute.attachment_added` carries its SHA-256. The attachment as kept (without its bytes).
 */
export async function addAttachment(
  deps: Deps,
  ctx: Ctx,
  disputeId: string,
  file: NewAttachment,
): Promise<DisputeAttachmentInfo> {
  const issues = checkAttachment('file', file);
  const [first] = issues;
  if (first !== undefined) {
    // `checkAttachment` words its refusals with the catalogue's codes.
    throw new InvalidError(first.code as MessageCode, first.params, issues);
  }
  const now = deps.clock.now();
  const contentType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return inTransaction(deps.db, async (tx) => {
    const dispute = await disputeFor(tx, ctx, disputeId, attachAction(ctx));
    const commentId = file.commentId ?? null;
    if (commentId !== null && !(await isCommentOf(tx, ctx.companyId, dispute.id, commentId))) {
      throw invalidField('commentId', 'attachment_comment_unknown', { key: commentId });
    }
    await touchOpenDispute(tx, ctx, dispute, {}, now);
    const attachment: DisputeAttachmentInfo = {
      id: deps.ids.newId(),
      disputeId: dispute.id,
      commentId,
      fileName: keptFileName(file.fileName),
      contentType,
      sizeBytes: file.bytes.length,
      sha256,
      uploadedByKind: authorKindOf(ctx),
      uploadedByName: ctx.actor.name,
      createdAt: now,
    };
    await insertAttachment(tx, ctx.companyId, { ...attachment, content: file.bytes });
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.attachment_added',
        entityType: 'dispute',
        entityId: dispute.id,
        customerId: dispute.customerId,
        data: {
          reference: dispute.reference,
          attachmentId: attachment.id,
          commentId,
          fileName: attachment.fileName,
          contentType,
          sizeBytes: attachment.sizeBytes,
          sha256,
          uploadedByKind: attachment.uploadedByKind,
        },
      },
    ]);
    return attachment;
  });
}

/**
 * One attachment of the dispute with its bytes, for whoever may read the dispute (staff,
 * its department's link holder, its customer). 404 `dispute_attachment_not_found` when the
 * dispute has none of that id.
 */
export async function readAttachment(
  deps: Deps,
  ctx: Ctx,
  disputeId: string,
  attachmentId: string,
): Promise<DisputeAttachmentInfo & { content: Uint8Array }> {
  const dispute = await disputeFor(deps.db, ctx, disputeId, 'dispute:read');
  const attachment = await findAttachmentContent(deps.db, ctx.companyId, dispute.id, attachmentId);
  if (attachment === undefined) {
    throw new DomainError('not_found', 'dispute_attachment_not_found', { key: attachmentId });
  }
  return attachment;
}
