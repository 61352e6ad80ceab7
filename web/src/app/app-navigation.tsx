import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useCurrentSession } from '../features/auth/session.ts';
import { areaGroupsFor } from './areas.ts';

type AppNavigationProps = { onNavigate: () => void };

export function AppNavigation({ onNavigate }: AppNavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useCurrentSession();
  return (
    <ScrollArea type="never" component="nav" aria-label={t('nav.label')}>
      <Stack gap="md" p="sm">
        {areaGroupsFor(session.user.role).map((group) => (
          <div key={group.id}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} lts={0.4}>
              {t(`nav.groups.${group.id}`)}
            </Text>
            {group.areas.map((area) => {
              const isActive = pathname === area.path || pathname.startsWith(`${area.path}/`);
              return (
                <NavLink
                  key={area.id}
                  component={RouterNavLink}
                  to={area.path}
                  onClick={onNavigate}
                  label={t(`nav.areas.${area.id}`)}
                  active={isActive}
                  variant="light"
                  {...(area.isLive || isActive ? {} : { c: 'dimmed' })}
                  rightSection={
                    area.isLive ? null : (
                      <Text span size="10px" c="dimmed">
                        {t('nav.soon')}
                      </Text>
                    )
                  }
                  styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                  py={6}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
