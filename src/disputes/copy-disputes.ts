/**
 * Disputes loaded in bulk (the demo, src/demo/demo-disputes.ts): departments, disputes, their
 * invoices and comments, and the company's last dispute number, sent down a COPY sink in
 * the disputes' own column order, so that the loader never names these tables itself (as
 * `copyCustomers` and `copyLedger` do for theirs). The caller owns consistency: the rows
 * are written as given, and the keys and checks of migration 202612040100 judge them.
 */
import type { Ctx } from '../app/context.ts';
import { authorize } from '../app/policy.ts';
import type { CopyValue, RowSink } from '../db/bulk-copy.ts';
import type { Dispute } from './model.ts';
import type { NewDisputeComment } from './thread-store.ts';

export type CopiedDepartment = {
  id: string;
  code: string;
  name: string;
  defaultAssignee: { name: string; email: string };
  manager: { name: string; email: string };
  createdAt: Date;
};

/** A dispute as loaded: as stored, with its invoices and their disputed parts. */
export type CopiedDispute = Dispute;

/** A comment as loaded: as written, with its author's user id; a person's (no system code). */
export type CopiedComment = Omit<NewDisputeComment, 'systemCode'>;

const DEPARTMENT_COLUMNS = [
  'company_id',
  'id',
  'code',
  'name',
  'default_assignee_name',
  'default_assignee_email',
  'manager_name',
  'manager_email',
  'created_at',
  'updated_at',
] as const;

const DISPUTE_COLUMNS = [
  'company_id',
  'id',
  'reference',
  'customer_id',
  'cause',
  'description',
  'amount_cents',
  'currency',
  'department_id',
  'assignee_name',
  'assignee_email',
  'deadline',
  'status',
  'outcome',
  'credit_note',
  'source',
  'sales_rep',
  'raised_on',
  'raised_by',
  'raised_by_name',
  'resolved_on',
  'resolved_by',
  'resolved_by_name',
  'resolution_note',
  'reminded_on',
  'escalated_on',
  'created_at',
  'updated_at',
] as const;

const DISPUTE_INVOICE_COLUMNS = [
  'company_id',
  'dispute_id',
  'invoice_id',
  'customer_id',
  'disputed_cents',
  'is_open',
] as const;

const COMMENT_COLUMNS = [
  'company_id',
  'id',
  'dispute_id',
  'author_kind',
  'author_id',
  'author_name',
  'body',
  'proposed_outcome',
  'created_at',
] as const;

/**
 * Writes `rows` for `ctx`'s company down `copy`, departments first (the disputes point at
 * them), and sets its dispute counter to `lastNumber` so that the next dispute opened counts
 * on from the loaded references. Takes `dispute:manage`.
 */
export async function copyDisputes(
  copy: RowSink,
  ctx: Ctx,
  rows: {
    departments: readonly CopiedDepartment[];
    disputes: readonly CopiedDispute[];
    comments: readonly CopiedComment[];
    lastNumber: number;
  },
): Promise<void> {
  authorize(ctx, 'dispute:manage');
  const companyId = ctx.companyId;
  const stamp = (date: Date) => date.toISOString();
  await copy(
    'department',
    DEPARTMENT_COLUMNS,
    rows.departments.map((department) => [
      companyId,
      department.id,
      department.code,
      department.name,
      department.defaultAssignee.name,
      department.defaultAssignee.email,
      department.manager.name,
      department.manager.email,
      stamp(department.createdAt),
      stamp(department.createdAt),
    ]),
  );
  await copy(
    'dispute',
    DISPUTE_COLUMNS,
    rows.disputes.map((dispute): CopyValue[] => [
      companyId,
      dispute.id,
      dispute.reference,
      dispute.customerId,
      dispute.cause,
      dispute.description,
      dispute.amountCents,
      dispute.currency,
      dispute.departmentId,
      dispute.assignee.name,
      dispute.assignee.email,
      dispute.deadline,
      dispute.status,
      dispute.outcome,
      dispute.creditNote,
      dispute.source,
      dispute.salesRep,
      dispute.raisedOn,
      dispute.raisedBy.id,
      dispute.raisedBy.name,
      dispute.resolvedOn,
      dispute.resolvedBy?.id ?? null,
      dispute.resolvedBy?.name ?? null,
      dispute.resolutionNote,
      dispute.remindedOn,
      dispute.escalatedOn,
      stamp(dispute.createdAt),
      stamp(dispute.updatedAt),
    ]),
  );
  await copy(
    'dispute_invoice',
    DISPUTE_INVOICE_COLUMNS,
    rows.disputes.flatMap((dispute) =>
      dispute.invoices.map((invoice): CopyValue[] => [
        companyId,
        dispute.id,
        invoice.invoiceId,
        dispute.customerId,
        invoice.disputedCents,
        dispute.status !== 'resolved',
      ]),
    ),
  );
  await copy(
    'dispute_comment',
    COMMENT_COLUMNS,
    rows.comments.map((comment): CopyValue[] => [
      companyId,
      comment.id,
      comment.disputeId,
      comment.authorKind,
      comment.authorId,
      comment.authorName,
      comment.body,
      comment.proposedOutcome,
      stamp(comment.createdAt),
    ]),
  );
  await copy('dispute_counter', ['company_id', 'last_number'], [[companyId, rows.lastNumber]]);
}
