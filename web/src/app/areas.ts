/**
 * The product's areas, in the order the navigation shows them. Only the live ones have a
 * screen today; the others show what they will do (PRODUCT.md's capabilities). An area
 * that asks a permission is shown only to the roles granted it (`areaGroupsFor`).
 */
import { can, type Permission } from '../../../src/app/permissions.ts';
import type { TRole } from '../../../src/shared/schemas.ts';

export type AreaId =
  | 'dashboard'
  | 'customers'
  | 'invoices'
  | 'payments'
  | 'cashApplication'
  | 'heldOrders'
  | 'dunning'
  | 'messages'
  | 'agenda'
  | 'promises'
  | 'disputes'
  | 'paymentPlans'
  | 'reports'
  | 'imports'
  | 'portal'
  | 'admin';

export type ComingSoonAreaId = Exclude<
  AreaId,
  | 'dashboard'
  | 'customers'
  | 'invoices'
  | 'imports'
  | 'cashApplication'
  | 'heldOrders'
  | 'agenda'
  | 'dunning'
  | 'messages'
  | 'disputes'
>;

export type AreaGroupId = 'steering' | 'accounts' | 'collection' | 'settings';

export type Area = {
  id: AreaId;
  path: string;
  isLive: boolean;
  /** The permission its page needs (the server's own rule); without it, neither link nor page. */
  permission?: Permission;
};

export type AreaGroup = { id: AreaGroupId; areas: readonly Area[] };

export const AREA_GROUPS: readonly AreaGroup[] = [
  {
    id: 'steering',
    areas: [
      { id: 'dashboard', path: '/dashboard', isLive: true, permission: 'ledger:read' },
      { id: 'reports', path: '/reports', isLive: false },
    ],
  },
  {
    id: 'accounts',
    areas: [
      { id: 'customers', path: '/customers', isLive: true },
      { id: 'invoices', path: '/invoices', isLive: true },
      { id: 'payments', path: '/payments', isLive: false },
      { id: 'cashApplication', path: '/cash-application', isLive: true },
      // The credit manager's queue (docs/credit.md « Decisions on a hold »): for those who decide.
      {
        id: 'heldOrders',
        path: '/credit/held-orders',
        isLive: true,
        permission: 'credit:decide',
      },
    ],
  },
  {
    id: 'collection',
    areas: [
      { id: 'agenda', path: '/agenda', isLive: true },
      { id: 'dunning', path: '/dunning', isLive: true },
      { id: 'messages', path: '/messages', isLive: true },
      { id: 'promises', path: '/promises', isLive: false },
      { id: 'disputes', path: '/disputes', isLive: true },
      { id: 'paymentPlans', path: '/payment-plans', isLive: false },
    ],
  },
  {
    id: 'settings',
    areas: [
      { id: 'imports', path: '/imports', isLive: true, permission: 'imports:run' },
      { id: 'portal', path: '/portal', isLive: false },
      { id: 'admin', path: '/admin', isLive: false },
    ],
  },
];

export const COMING_SOON_AREAS: readonly { id: ComingSoonAreaId; path: string }[] =
  AREA_GROUPS.flatMap((group) => group.areas).filter(
    (area): area is Area & { id: ComingSoonAreaId } => !area.isLive,
  );

/** Whether `role` may open `area`: it asks no permission, or the role is granted it. */
export function canOpenArea(role: TRole, area: Pick<Area, 'permission'>): boolean {
  return area.permission === undefined || can(role, area.permission);
}

/** The navigation `role` sees: the areas it may open, a group left out when none is. */
export function areaGroupsFor(role: TRole): AreaGroup[] {
  return AREA_GROUPS.flatMap((group) => {
    const areas = group.areas.filter((area) => canOpenArea(role, area));
    return areas.length === 0 ? [] : [{ ...group, areas }];
  });
}

/** The permission the page of area `id` needs, if any. */
export function areaPermission(id: AreaId): Permission | undefined {
  return AREA_GROUPS.flatMap((group) => group.areas).find((area) => area.id === id)?.permission;
}
