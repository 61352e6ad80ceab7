import { describe, expect, it } from 'vitest';
import { can } from '../../../src/app/permissions.ts';
import { ROLES, type TRole } from '../../../src/shared/schemas.ts';
import { areaGroupsFor, areaPermission, canOpenArea } from './areas.ts';

const areaIdsFor = (role: TRole) =>
  areaGroupsFor(role).flatMap((group) => group.areas.map((area) => area.id));

describe('the navigation a role sees', () => {
  it.each([
    ['admin', true],
    ['credit_manager', true],
    ['collector', false],
    ['department_member', false],
    ['read_only', false],
  ] as const)('%s sees Imports: %s', (role, shown) => {
    expect(areaIdsFor(role).includes('imports')).toBe(shown);
    expect(canOpenArea(role, { permission: 'imports:run' })).toBe(shown);
  });

  it('asks the server’s own permission for the Imports page, and none for the others', () => {
    expect(areaPermission('imports')).toBe('imports:run');
    expect(areaPermission('customers')).toBeUndefined();
    expect(areaPermission('cashApplication')).toBeUndefined();
  });

  it('shows a role every area it may open, and only those', () => {
    for (const role of ROLES) {
      expect(areaIdsFor(role)).toEqual(
        areaGroupsFor('admin')
          .flatMap((group) => group.areas)
          .filter((area) => area.permission === undefined || can(role, area.permission))
          .map((area) => area.id),
      );
    }
    // The settings group keeps its other areas for a role without imports.
    expect(areaGroupsFor('read_only').find((group) => group.id === 'settings')?.areas).toEqual([
      { id: 'portal', path: '/portal', isLive: false },
      { id: 'admin', path: '/admin', isLive: false },
    ]);
  });
});
