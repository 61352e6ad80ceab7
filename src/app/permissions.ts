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
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<TRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  credit_manager: PERMISSIONS.filter((p) => p !== 'users:manage'),
  collector: ['customers:read', 'ledger:read', 'allocations:write'],
  // Other departments see accounts to answer disputes; they change nothing in the ledger.
  department_member: ['customers:read', 'ledger:read'],
  read_only: ['customers:read', 'ledger:read'],
};

export function can(role: TRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Throws `Forbidden` unless the context's role grants `permission`. */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.role, permission)) {
    throw new ForbiddenError('role_forbidden', { role: ctx.role, permission });
  }
}
