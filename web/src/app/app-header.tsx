import { Box, Burger, Button, Divider, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentSession } from '../features/auth/session.ts';
import { useLogout } from '../features/auth/use-logout.ts';
import { LanguageSwitch } from './language-switch.tsx';

type AppHeaderProps = { isNavOpen: boolean; onToggleNav: () => void };

export function AppHeader({ isNavOpen, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const logout = useLogout();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={isNavOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggle')}
        />
        <Title order={2} size="h4" c="teal.8">
          <Link to="/customers" style={{ color: 'inherit', textDecoration: 'none' }}>
            {t('app.name')}
          </Link>
        </Title>
        <Divider orientation="vertical" visibleFrom="sm" />
        <Text fw={500} truncate="end" visibleFrom="sm" data-testid="company-name">
          {session.company.legalName}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        <Box aria-label={t('header.user')} data-testid="current-user" visibleFrom="sm">
          <Text size="sm" fw={500} lh={1.2} ta="right" truncate="end">
            {session.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} ta="right">
            {t(`role.${session.user.role}`)}
          </Text>
        </Box>
        <LanguageSwitch />
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          onClick={() => logout.mutate()}
          loading={logout.isPending}
          data-testid="logout"
        >
          {t('header.logout')}
        </Button>
      </Group>
    </Group>
  );
}
