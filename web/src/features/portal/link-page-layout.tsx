import { Alert, Box, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { isDeadLink } from './access-token.ts';

type LinkPageLayoutProps = {
  /** Who the page is from: the company's legal name, once known. */
  company: string | undefined;
  title: string;
  children: ReactNode;
};

/**
 * The frame of the pages a link opens without an account: the company's name, the page's
 * title and the FR / EN switch, one narrow column that reads on a phone. No staff navigation:
 * the reader is a customer or a department member, and may go nowhere else.
 */
export function LinkPageLayout({ company, title, children }: LinkPageLayoutProps) {
  useDocumentTitle(company === undefined ? title : `${title} · ${company}`);
  return (
    <Box bg="gray.0" mih="100vh">
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="sm" py="sm" px="md">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text fw={650} truncate data-testid="link-page-company">
              {company ?? ''}
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="md" px="md">
        <Stack gap="md">
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Container>
    </Box>
  );
}

/** While the first answer comes: the shape of the page, not a spinner. */
export function LinkPageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy aria-label={t('portal.link.loading')}>
      <Skeleton height={72} radius="md" />
      <Skeleton height={120} radius="md" />
      <Skeleton height={120} radius="md" />
    </Stack>
  );
}

/**
 * Why the page shows nothing: a link that is no good (unknown, altered, expired, revoked)
 * gets a page of its own that says so and whom to ask — never a crash nor a technical
 * message; any other failure is said as everywhere, with « Réessayer » when it may help.
 */
export function LinkPageProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error === undefined || isDeadLink(error)) {
    return <DeadLink error={error} />;
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

function DeadLink({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof ApiError ? error.problem.reason : undefined;
  const why =
    reason === 'link_expired'
      ? t('portal.link.expired')
      : reason === 'link_revoked'
        ? t('portal.link.revoked')
        : t('portal.link.invalid');
  return (
    <Paper withBorder p="lg" radius="md" data-testid="dead-link">
      <Alert color="orange" variant="light" title={t('portal.link.deadTitle')}>
        <Stack gap={4}>
          <Text size="sm" data-testid="dead-link-reason">
            {why}
          </Text>
          <Text size="sm">{t('portal.link.contact')}</Text>
        </Stack>
      </Alert>
    </Paper>
  );
}
