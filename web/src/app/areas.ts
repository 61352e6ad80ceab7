/**
 * The product's areas, in the order the navigation shows them. Only the live ones have a
 * screen today; the others show what they will do (PRODUCT.md's capabilities).
 */
export type AreaId =
  | 'dashboard'
  | 'customers'
  | 'invoices'
  | 'payments'
  | 'cashApplication'
  | 'dunning'
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
  'customers' | 'invoices' | 'imports' | 'cashApplication'
>;

export type AreaGroupId = 'steering' | 'accounts' | 'collection' | 'settings';

export type Area = { id: AreaId; path: string; isLive: boolean };

export type AreaGroup = { id: AreaGroupId; areas: readonly Area[] };

export const AREA_GROUPS: readonly AreaGroup[] = [
  {
    id: 'steering',
    areas: [
      { id: 'dashboard', path: '/dashboard', isLive: false },
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
    ],
  },
  {
    id: 'collection',
    areas: [
      { id: 'agenda', path: '/agenda', isLive: false },
      { id: 'dunning', path: '/dunning', isLive: false },
      { id: 'promises', path: '/promises', isLive: false },
      { id: 'disputes', path: '/disputes', isLive: false },
      { id: 'paymentPlans', path: '/payment-plans', isLive: false },
    ],
  },
  {
    id: 'settings',
    areas: [
      { id: 'imports', path: '/imports', isLive: true },
      { id: 'portal', path: '/portal', isLive: false },
      { id: 'admin', path: '/admin', isLive: false },
    ],
  },
];

export const COMING_SOON_AREAS: readonly { id: ComingSoonAreaId; path: string }[] =
  AREA_GROUPS.flatMap((group) => group.areas).filter(
    (area): area is Area & { id: ComingSoonAreaId } => !area.isLive,
  );
