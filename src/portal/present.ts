/**
 * The portal's presenters (ADR 23: each audience shapes the domain objects itself): what a
 * customer may see and nothing more — never a collector, a risk category, an internal note,
 * a department or its links, another customer — and the staff's views of portal links and
 * approvals.
 */
import type { AccessLink } from '../access/service.ts';
import type { Dispute } from '../disputes/service.ts';
import type { PortalAccount, PortalDispute } from './account.ts';
import type { InvoiceApprovalView } from './approvals.ts';
import type {
  TInvoiceApprovalList,
  TPortalAccount,
  TPortalDispute,
  TPortalLink,
} from './schemas.ts';

/** A dispute as the customer sees it: its reference, status, cause and amount. */
export function presentPortalDispute(dispute: PortalDispute | Dispute): TPortalDispute {
  return {
    id: dispute.id,
    reference: dispute.reference,
    status: dispute.status,
    cause: dispute.cause,
    amountCents: dispute.amountCents,
    currency: dispute.currency,
    raisedOn: dispute.raisedOn,
  };
}

/** The account as the portal page reads it. */
export function presentPortalAccount(account: PortalAccount): TPortalAccount {
  return {
    company: account.company,
    bankDetails: account.bankDetails,
    customer: { code: account.customer.code, name: account.customer.name },
    language: account.language,
    preferredLanguage: account.preferredLanguage,
    causes: account.causes,
    today: account.today,
    items: account.items.map((item) => ({
      invoiceId: item.id,
      kind: item.kind,
      number: item.number,
      issueDate: item.issueDate,
      dueDate: item.dueDate,
      amountCents: item.amountCents,
      openCents: item.openCents,
      currency: item.currency,
      daysLate: item.daysLate,
      hasDocument: item.hasDocument,
      approvedAt: item.approvedAt?.toISOString() ?? null,
      dispute: item.dispute,
      promise: item.promise,
    })),
    totals: account.totals,
    disputes: account.disputes.map(presentPortalDispute),
  };
}

/** A portal link as staff list it (never its token). */
export function presentPortalLink(link: AccessLink): TPortalLink {
  return {
    id: link.id,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    messageId: link.messageId,
  };
}

/** A customer's approvals as its page lists them. */
export function presentApprovals(approvals: readonly InvoiceApprovalView[]): TInvoiceApprovalList {
  return {
    items: approvals.map((approval) => ({
      invoiceId: approval.invoiceId,
      number: approval.number,
      approvedAt: approval.approvedAt.toISOString(),
      approvedByName: approval.approvedByName,
      ip: approval.ip,
    })),
  };
}
