/**
 * The staff's presenters of disputes (HOUSE_STYLE §3: routes and the CLI map domain objects
 * to the answer's schema, never a row). A thread's comments, attachments and links are
 * presented by thread.ts, the one presenter each that the portal and the department's page
 * use too.
 */
import type { Language } from '../shared/language.ts';
import type { DisputeCause } from './causes.ts';
import type { DisputeDetailView, DisputeView } from './read.ts';
import type { TDepartment, TDisputeCause, TDisputeDetail, TDisputeSummary } from './schemas.ts';
import type { Department } from './store-configuration.ts';
import { presentAttachment, presentComment, presentDisputeLink } from './thread.ts';

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

/**
 * A dispute's page, for staff: with its thread (the system's comments worded in `language`,
 * the reader's), department links and events.
 */
export function presentDisputeDetail(view: DisputeDetailView, language: Language): TDisputeDetail {
  return {
    ...presentDisputeSummary(view),
    comments: view.comments.map((comment) => presentComment(comment, language)),
    attachments: view.attachments.map(presentAttachment),
    links: view.links.map(presentDisputeLink),
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
