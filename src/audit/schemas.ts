import { z } from 'zod';
import { ZId } from '../shared/schemas.ts';

/**
 * Every action the audit trail records. Writers may record only these, and the web
 * labels each one in French and English (its label map is typed on this list), so a
 * new action cannot reach a timeline as a raw key.
 */
export const AUDIT_ACTIONS = [
  'customer.created',
  'customer.updated',
  'invoice.created',
  'invoice.updated',
  'credit_note.created',
  'credit_note.updated',
  'payment.recorded',
  'payment.voided',
  'allocation.created',
  'allocation.undone',
  'import.completed',
  'bank_account.created',
  'bank_line.matched',
  'bank_line.match_undone',
  'bank_line.reversed',
  'bank_line.set_aside',
  'bank_line.requeued',
  'dunning_scenario.saved',
  'dunning_scenario.deleted',
  'dunning_template.saved',
  'dunning_policy.saved',
  'penalty_rate.saved',
  'customer_dunning.assigned',
  'dispute.raised',
  'dispute.resolved',
  'dispute.updated',
  'dispute.commented',
  'dispute.attachment_added',
  'dispute.link_sent',
  'dispute.reminded',
  'dispute.escalated',
  'dispute_cause.saved',
  'department.saved',
  'portal_link.created',
  'portal_link.revoked',
  'invoice.approved',
  'invoice.document_uploaded',
  'portal.document_downloaded',
  'company.bank_details_saved',
  'dunning.step_reached',
  'dunning_action.completed',
  'dunning_action.approved',
  'dunning_action.dismissed',
  'dunning_action.snoozed',
  'dunning_action.reassigned',
  'promise.created',
  'promise.cancelled',
  'promise.kept',
  'promise.partly_kept',
  'promise.broken',
  'message.sent',
  'message.failed',
  'message.bounced',
  'demo.loaded',
  'user.created',
  'user.signed_in',
  'user.password_changed',
  'user.language_changed',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'api_token.created',
  'api_token.revoked',
  'credit.limit_decided',
  'credit.account_opened',
  'credit.exception_granted',
  'credit.hold_placed',
  'credit.hold_released',
  'credit.alert_raised',
  'credit.order_validated',
  'credit.order_held',
  'credit.order_prepayment',
  'credit.order_prepayment_received',
  'credit.order_refused',
  'credit.screened',
  'order.delivered',
  'order.invoiced',
  'order.cancelled',
  'document.attached',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS).meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof ZAuditAction>;

/** An audit event as a timeline (a customer's, an invoice's) shows it, its actor named. */
export const ZTimelineEvent = z
  .object({
    /** The event's number in the company's audit trail (1, 2, 3…, in commit order). */
    seq: z.number().int().positive(),
    occurredAt: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string(),
    entityType: z.string(),
    entityId: ZId,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;
export const ZTimeline = z.object({ items: z.array(ZTimelineEvent) }).meta({ id: 'Timeline' });
