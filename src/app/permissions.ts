/**
 * What each role may do, checked at the entry of every use case. Every capability
 * asks it, so it lives beside the context it reads, not in one capability.
 */
import { ForbiddenError } from '../shared/errors.ts';
import type { TRole } from '../shared/schemas.ts';
import type { Ctx } from './context.ts';

/** What a role may do. Checked at every route and CLI entry, through `can`. */
export const PERMISSIONS = [
  'customers:read',
  'customers:write',
  'ledger:read',
  'ledger:write',
  'allocations:write',
  'imports:run',
  /** Edit the company's dunning scenarios, templates and policy (docs/dunning.md). */
  'dunning:configure',
  /** Give a customer its own scenario, or put it under manual follow-up. */
  'dunning:assign',
  /** Decide credit limits and exceptions, place and release credit holds (within authority). */
  'credit:decide',
  /** Receive orders from the ERP and report their delivery and invoicing. */
  'orders:write',
  /** Set the credit policy: thresholds and how far each authority level may go. */
  'credit:configure',
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<TRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  // A credit manager may not set the ceilings of its own authority: the administrator does.
  credit_manager: PERMISSIONS.filter((p) => p !== 'users:manage' && p !== 'credit:configure'),
  // A collector follows its customers: it may take one out of the run (manual follow-up)
  // or give it another scenario, but the company's scenarios and words are a manager's.
  // Within the small ceilings of level 1 (credit/model.ts), a collector may grant an exception.
  collector: [
    'customers:read',
    'ledger:read',
    'allocations:write',
    'dunning:assign',
    'credit:decide',
  ],
  // Other departments see accounts to answer disputes; they change nothing in the ledger.
  department_member: ['customers:read', 'ledger:read'],
  read_only: ['customers:read', 'ledger:read'],
};

export function can(role: TRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/**
 * Throws `Forbidden` unless the context's role grants `permission`. A link's holder (a
 * department member, a customer) has no role at all: whatever `role` says, it may only what
 * `authorize` (policy.ts) grants its audience.
 */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (ctx.audience !== undefined && ctx.audience.kind !== 'staff') {
    throw new ForbiddenError('link_forbidden', { permission });
  }
  if (!can(ctx.role, permission)) {
    throw new ForbiddenError('role_forbidden', { role: ctx.role, permission });
  }
}
