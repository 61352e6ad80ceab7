import { z } from 'zod';

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
  'allocation.created',
  'allocation.undone',
  'import.completed',
  'demo.loaded',
  'user.created',
  'user.signed_in',
  'user.password_changed',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'api_token.created',
  'api_token.revoked',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof ZAuditAction>;
