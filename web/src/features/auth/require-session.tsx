import { Center, Container, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SessionContext, useSessionQuery } from './session.ts';

/**
 * Lets its children render only with a session; otherwise sends the user to `/login`,
 * remembering the page that was asked so login can come back to it.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSessionQuery();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (session.data === null) {
    const asked = `${location.pathname}${location.search}`;
    const search = asked === '/' ? '' : `?${new URLSearchParams({ next: asked }).toString()}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
