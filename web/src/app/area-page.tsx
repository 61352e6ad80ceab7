import type { ReactNode } from 'react';
import { can } from '../../../src/app/permissions.ts';
import { useCurrentSession } from '../features/auth/session.ts';
import { areaPermission, type AreaId } from './areas.ts';
import { NotFoundPage } from './not-found-page.tsx';

type AreaPageProps = { area: AreaId; children: ReactNode };

/**
 * The page of `area`, or « page introuvable » for a role its permission is not granted
 * to: the navigation leaves the link out too, rather than offer a page whose every
 * action would be refused (403).
 */
export function AreaPage({ area, children }: AreaPageProps) {
  const session = useCurrentSession();
  const permission = areaPermission(area);
  if (permission !== undefined && !can(session.user.role, permission)) {
    return <NotFoundPage />;
  }
  return children;
}
