import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../shared/errors.ts';
import type { TRole } from '../shared/schemas.ts';
import type { Ctx } from './context.ts';
import { requirePermission } from './permissions.ts';
import { ACTIONS, authorize, isAllowed, type Action } from './policy.ts';

const staff = (role: TRole): Ctx => ({
  companyId: 'co',
  actor: { type: 'user', id: 'u1', name: 'Anne' },
  role,
});
const department: Ctx = {
  companyId: 'co',
  actor: { type: 'department', id: 'link-1', name: 'Paul (ventes)' },
  role: 'read_only',
  audience: { kind: 'department', linkId: 'link-1', disputeId: 'd1', customerId: 'c1', ip: null },
};
const customer: Ctx = {
  companyId: 'co',
  actor: { type: 'customer', id: 'link-2', name: 'Comptabilité fournisseurs' },
  role: 'read_only',
  audience: { kind: 'customer', linkId: 'link-2', customerId: 'c1', ip: null },
};

function allowed(ctx: Ctx, resource: { customerId?: string; disputeId?: string }): Action[] {
  return ACTIONS.filter((action) => isAllowed(ctx, action, resource));
}

describe('authorize', () => {
  it('lets staff do what their role grants, and nothing more', () => {
    expect(allowed(staff('admin'), {})).toEqual([...ACTIONS]);
    expect(allowed(staff('collector'), {})).toEqual([
      'account:read',
      'promise:create',
      'dispute:open',
      'dispute:read',
      'dispute:answer',
      'dispute:manage',
    ]);
    expect(allowed(staff('read_only'), {})).toEqual(['account:read', 'dispute:read']);
    expect(allowed(staff('department_member'), {})).toEqual(['account:read', 'dispute:read']);
  });

  it('lets a department member read and answer its own dispute only', () => {
    expect(allowed(department, { disputeId: 'd1', customerId: 'c1' })).toEqual([
      'dispute:read',
      'dispute:answer',
    ]);
    expect(allowed(department, { disputeId: 'd2', customerId: 'c1' })).toEqual([]);
    expect(allowed(department, { disputeId: 'd1', customerId: 'c2' })).toEqual([]);
    expect(allowed(department, { customerId: 'c1' })).toEqual([]);
  });

  it('lets a customer act on its own account only, and never manage or answer as a department', () => {
    expect(allowed(customer, { customerId: 'c1' })).toEqual([
      'account:read',
      'invoice:approve',
      'promise:create',
      'dispute:open',
      'dispute:read',
    ]);
    expect(allowed(customer, { customerId: 'c2' })).toEqual([]);
    expect(allowed(customer, {})).toEqual([]);
  });

  it('refuses with link_forbidden, naming the action', () => {
    expect(() => authorize(customer, 'account:read', { customerId: 'c2' })).toThrow(
      expect.objectContaining({ reason: 'link_forbidden', params: { permission: 'account:read' } }),
    );
    expect(() => authorize(department, 'dispute:manage', { disputeId: 'd1' })).toThrow(
      ForbiddenError,
    );
    expect(() => authorize(staff('read_only'), 'dispute:open')).toThrow(
      expect.objectContaining({ reason: 'role_forbidden' }),
    );
  });

  it('refuses every role permission to a link holder, whatever its role says', () => {
    for (const ctx of [department, customer, { ...customer, role: 'admin' as const }]) {
      expect(() => requirePermission(ctx, 'customers:read')).toThrow(
        expect.objectContaining({ reason: 'link_forbidden' }),
      );
    }
  });
});
