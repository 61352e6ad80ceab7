import { can, type Permission } from '../../../../src/app/permissions.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';

function roleCan(role: string, permission: Permission): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, permission);
}

/** Whether the role may change the company's scenarios, templates and policy (others read). */
export function canConfigureDunning(role: string): boolean {
  return roleCan(role, 'dunning:configure');
}

/** Whether the role may print the letters' batch and give customers their scenario. */
export function canAssignDunning(role: string): boolean {
  return roleCan(role, 'dunning:assign');
}

/** Whether the role sees the company's e-mail (SMTP) and SMS settings: administrators only. */
export function canManageSending(role: string): boolean {
  return roleCan(role, 'users:manage');
}
