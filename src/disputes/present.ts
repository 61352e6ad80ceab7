/**
 * The staff's presenters of disputes (HOUSE_STYLE §3: routes and the CLI map domain objects
 * to the answer's schema, never a row). The portal and the department's page have their own.
 */
import type { DisputeCause } from './causes.ts';
import type { DisputeDetailView, DisputeView } from './read.ts';
import type { TDepartment, TDisputeCause, TDisputeDetail, TDisputeSummary } from './schemas.ts';
import type { Department } from './store-configuration.ts';

/** A dispute as the board lists it. */
export function presentDisputeSummary(view: DisputeView): TDisputeSummary {
  const { dispute } = view;
  return {
    id: dispute.id,
    reference: dispute.reference,
    customer: view.customer,
    cause: dispute.cause,
    description: dispute.description,
    amountCents: dispute.amountCents,
    heldBackCents: view.heldBackCents,
    currency: dispute.currency,
    invoices: view.invoices.map((invoice) => ({ ...invoice })),
    department: view.department,
    assignee: { ...dispute.assignee },
    deadline: dispute.deadline,
    isOverdue: view.isOverdue,
    status: dispute.status,
    outcome: dispute.outcome,
    creditNote: dispute.creditNote,
    source: dispute.source,
    salesRep: dispute.salesRep,
    raisedOn: dispute.raisedOn,
    raisedBy: { ...dispute.raisedBy },
    resolvedOn: dispute.resolvedOn,
    resolvedBy: dispute.resolvedBy === null ? null : { ...dispute.resolvedBy },
    resolutionNote: dispute.resolutionNote,
    updatedAt: dispute.updatedAt.toISOString(),
  };
}

/** A dispute's page, for staff: with its thread, department links and events. */
export function presentDisputeDetail(view: DisputeDetailView): TDisputeDetail {
  return {
    ...presentDisputeSummary(view),
    comments: view.comments.map((comment) => ({
      id: comment.id,
      authorKind: comment.authorKind,
      authorName: comment.authorName,
      body: comment.body,
      proposedOutcome: comment.proposedOutcome,
      createdAt: comment.createdAt.toISOString(),
    })),
    attachments: view.attachments.map((attachment) => ({
      id: attachment.id,
      commentId: attachment.commentId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      uploadedByKind: attachment.uploadedByKind,
      uploadedByName: attachment.uploadedByName,
      createdAt: attachment.createdAt.toISOString(),
    })),
    links: view.links.map((link) => ({
      id: link.id,
      recipientName: link.recipientName,
      recipientEmail: link.recipientEmail,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    })),
    timeline: view.timeline,
  };
}

/** A cause of the company. */
export function presentCause(cause: DisputeCause): TDisputeCause {
  return { ...cause };
}

/** A department of the company. */
export function presentDepartment(department: Department): TDepartment {
  return {
    id: department.id,
    code: department.code,
    name: department.name,
    defaultAssignee: { ...department.defaultAssignee },
    manager: { ...department.manager },
    isActive: department.isActive,
  };
}
