import { can, type Permission } from '../../../../src/app/permissions.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';

function roleCan(role: string, permission: Permission): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, permission);
}

/** Whether the role may confirm, edit, undo and set aside matches: the server's own rule. */
export function canApplyMatches(role: string): boolean {
  return roleCan(role, 'allocations:write');
}

/** Whether the role may import bank statements, which fill the queue. */
export function canImportStatements(role: string): boolean {
  return roleCan(role, 'imports:run');
}

/** Whether the role may change the company's automatic-application threshold. */
export function canChangeThreshold(role: string): boolean {
  return roleCan(role, 'ledger:write');
}
