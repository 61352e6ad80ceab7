/**
 * The SQL that writes a dispute's thread (tables `dispute_comment`, `dispute_attachment`,
 * migration 202612040100; store.ts lists them) and reads an attachment's bytes, and that of
 * its reminders (`dispute.reminded_on`, `escalated_on`). Every
 * statement filters on the company and is one statement whatever the number of ids.
 */
import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { DisputeStatus } from './model.ts';
import {
  ATTACHMENT_COLUMNS,
  toAttachment,
  type DisputeAttachmentInfo,
  type DisputeComment,
} from './store.ts';
import { disputesDb } from './tables.ts';

/** A comment as written: with its author's user id (null for all but a user). */
export type NewDisputeComment = DisputeComment & { authorId: string | null };

export async function insertComment(
  q: Queryable,
  companyId: string,
  comment: NewDisputeComment,
): Promise<void> {
  await disputesDb(q)
    .insertInto('dispute_comment')
    .values({
      company_id: companyId,
      id: comment.id,
      dispute_id: comment.disputeId,
      author_kind: comment.authorKind,
      author_id: comment.authorId,
      author_name: comment.authorName,
      body: comment.body,
      system_code: comment.systemCode,
      proposed_outcome: comment.proposedOutcome,
      created_at: comment.createdAt,
    })
    .execute();
}

/** Whether `commentId` is a comment of the dispute (an attachment may go with it). */
export async function isCommentOf(
  q: Queryable,
  companyId: string,
  disputeId: string,
  commentId: string,
): Promise<boolean> {
  const row = await disputesDb(q)
    .selectFrom('dispute_comment')
    .select('id')
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', disputeId)
    .where('id', '=', commentId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAttachment(
  q: Queryable,
  companyId: string,
  attachment: DisputeAttachmentInfo & { content: Uint8Array },
): Promise<void> {
  await disputesDb(q)
    .insertInto('dispute_attachment')
    .values({
      company_id: companyId,
      id: attachment.id,
      dispute_id: attachment.disputeId,
      comment_id: attachment.commentId,
      file_name: attachment.fileName,
      content_type: attachment.contentType,
      size_bytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      content: attachment.content,
      uploaded_by_kind: attachment.uploadedByKind,
      uploaded_by_name: attachment.uploadedByName,
      created_at: attachment.createdAt,
    })
    .execute();
}

/** One attachment of the dispute with its bytes, if the dispute has it. */
export async function findAttachmentContent(
  q: Queryable,
  companyId: string,
  disputeId: string,
  attachmentId: string,
): Promise<(DisputeAttachmentInfo & { content: Uint8Array }) | undefined> {
  const row = await disputesDb(q)
    .selectFrom('dispute_attachment')
    .select([...ATTACHMENT_COLUMNS, 'content'])
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', disputeId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row && { ...toAttachment(row), content: row.content };
}

/** A dispute a reminder may be due for, with whom to write to and what to say. */
export type DisputeToRemind = {
  id: string;
  reference: string;
  customerId: string;
  cause: string;
  amountCents: Cents;
  currency: string;
  deadline: CalendarDate;
  status: DisputeStatus;
  assignee: { name: string | null; email: string };
  department: { name: string; managerName: string | null; managerEmail: string | null } | null;
  remindedOn: CalendarDate | null;
  escalatedOn: CalendarDate | null;
};

/**
 * The company's disputes waiting for an answer (`open`, `waiting_department`) with an
 * assignee's e-mail and a deadline at most `upTo`, their rows locked until the transaction
 * ends (a second run at once waits, then finds them reminded), with their department. One
 * statement; the partial index on open disputes finds them.
 */
export async function lockDisputesToRemind(
  q: Queryable,
  companyId: string,
  upTo: CalendarDate,
): Promise<DisputeToRemind[]> {
  const rows = await disputesDb(q)
    .selectFrom('dispute as d')
    .leftJoin('department as dep', (join) =>
      join.onRef('dep.company_id', '=', 'd.company_id').onRef('dep.id', '=', 'd.department_id'),
    )
    .select([
      'd.id',
      'd.reference',
      'd.customer_id',
      'd.cause',
      'd.amount_cents',
      'd.currency',
      'd.deadline',
      'd.status',
      'd.assignee_name',
      'd.assignee_email',
      'd.reminded_on',
      'd.escalated_on',
      'dep.name as department_name',
      'dep.manager_name',
      'dep.manager_email',
    ])
    .where('d.company_id', '=', companyId)
    .where('d.status', '=', anyOf(['open', 'waiting_department'], 'text'))
    .where('d.assignee_email', 'is not', null)
    .where('d.deadline', '<=', upTo)
    .orderBy('d.id')
    .forUpdate('d')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    cause: row.cause,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    deadline: row.deadline as CalendarDate,
    status: row.status as DisputeStatus,
    assignee: { name: row.assignee_name, email: row.assignee_email as string },
    department:
      row.department_name === null
        ? null
        : {
            name: row.department_name,
            managerName: row.manager_name,
            managerEmail: row.manager_email,
          },
    remindedOn: row.reminded_on as CalendarDate | null,
    escalatedOn: row.escalated_on as CalendarDate | null,
  }));
}

/**
 * Records `on` as the day `remindedIds` were reminded and `escalatedIds` escalated: two
 * statements at most. `updated_at` stays: a reminder changes nothing of the dispute itself.
 */
export async function markReminders(
  q: Queryable,
  companyId: string,
  on: CalendarDate,
  remindedIds: readonly string[],
  escalatedIds: readonly string[],
): Promise<void> {
  for (const [column, ids] of [
    ['reminded_on', remindedIds],
    ['escalated_on', escalatedIds],
  ] as const) {
    if (ids.length === 0) {
      continue;
    }
    await disputesDb(q)
      .updateTable('dispute')
      .set({ [column]: on })
      .where('company_id', '=', companyId)
      .where('id', '=', anyOf(ids, 'uuid'))
      .execute();
  }
}
