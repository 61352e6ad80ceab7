import type { TRole } from '../shared/schemas.ts';

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

/** Sessions last a working day and a night; a collector signs in each morning. */
export const SESSION_HOURS = 12;

/** Minimum password length (ANSSI recommends 12+ characters for a password alone). */
export const MIN_PASSWORD_LENGTH = 12;

export type User = {
  companyId: string;
  id: string;
  email: string;
  displayName: string;
  role: TRole;
  isActive: boolean;
};
