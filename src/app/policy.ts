/**
 * Who may see and do what, for the three audiences (issue 10): decided here, once, rather
 * than route by route. Staff act by their role (permissions.ts); a department member holds
 * a link to one dispute and may read it and answer it; a customer holds a link to its own
 * account and may read it, approve its invoices, report a problem and promise a date.
 * Services call `authorize` with what they are about to touch; presenters then shape the
 * domain objects for the audience.
 */
import { ForbiddenError } from '../shared/errors.ts';
import type { Ctx } from './context.ts';
import { requirePermission, type Permission } from './permissions.ts';

/** What a use case is about to do. */
export const ACTIONS = [
  /** Read a customer's account: open invoices, credit notes, documents, statement. */
  'account:read',
  /** Say an invoice is approved (« J'approuve cette facture »). */
  'invoice:approve',
  /** Promise to pay on a date. */
  'promise:create',
  /** Open a dispute on invoices of the customer. */
  'dispute:open',
  /** Read a dispute, its invoices, thread and attachments. */
  'dispute:read',
  /** Answer a dispute: a comment, an attachment, a proposed outcome. */
  'dispute:answer',
  /** Route, change the status of, resolve a dispute; configure causes and departments. */
  'dispute:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the action touches: the customer whose account it is, the dispute. */
export type Resource = { customerId?: string | undefined; disputeId?: string | undefined };

/** The role permission a staff member needs for each action. */
const STAFF_PERMISSION: Record<Action, Permission> = {
  'account:read': 'customers:read',
  // Staff approve nothing on the customer's behalf: they record what the customer says
  // through the portal or a call (a dispute, a promise), not an approval.
  'invoice:approve': 'customers:write',
  'promise:create': 'dunning:assign',
  'dispute:open': 'dunning:assign',
  'dispute:read': 'customers:read',
  'dispute:answer': 'dunning:assign',
  'dispute:manage': 'dunning:assign',
};

const DEPARTMENT_ACTIONS: ReadonlySet<Action> = new Set(['dispute:read', 'dispute:answer']);
const CUSTOMER_ACTIONS: ReadonlySet<Action> = new Set([
  'account:read',
  'invoice:approve',
  'promise:create',
  'dispute:open',
  'dispute:read',
]);

/** Whether `ctx` may do `action` on `resource` (the rule `authorize` enforces). */
export function isAllowed(ctx: Ctx, action: Action, resource: Resource): boolean {
  const audience = ctx.audience ?? { kind: 'staff' };
  switch (audience.kind) {
    case 'staff':
      try {
        requirePermission(ctx, STAFF_PERMISSION[action]);
        return true;
      } catch {
        return false;
      }
    case 'department':
      return (
        DEPARTMENT_ACTIONS.has(action) &&
        resource.disputeId === audience.disputeId &&
        (resource.customerId === undefined || resource.customerId === audience.customerId)
      );
    case 'customer':
      return CUSTOMER_ACTIONS.has(action) && resource.customerId === audience.customerId;
  }
}

/**
 * Throws `Forbidden` unless `ctx` may do `action` on `resource`. A link's holder asking for
 * another dispute or another customer's account is refused here, whatever the route.
 */
export function authorize(ctx: Ctx, action: Action, resource: Resource = {}): void {
  const audience = ctx.audience ?? { kind: 'staff' };
  if (audience.kind === 'staff') {
    requirePermission(ctx, STAFF_PERMISSION[action]);
    return;
  }
  if (!isAllowed(ctx, action, resource)) {
    throw new ForbiddenError('link_forbidden', { permission: action });
  }
}

/**
 * The context a use case reads the capabilities below through once `authorize` let a link's
 * holder do its action: the same company and actor, as a read-only staff member (role
 * `read_only`: `customers:read` and `ledger:read`, nothing written). Every read made with it
 * must name the resource that was authorized (the customer's id, the dispute's), which the
 * caller read from the database, never from the request. Staff contexts are left as they are.
 */
export function readerFor(ctx: Ctx): Ctx {
  if (ctx.audience === undefined || ctx.audience.kind === 'staff') {
    return ctx;
  }
  return { companyId: ctx.companyId, actor: ctx.actor, role: 'read_only' };
}
