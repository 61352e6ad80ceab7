import { Button, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('errors.notFoundTitle')} />
      <Paper withBorder p="xl" radius="md">
        <EmptyState title={t('errors.notFoundTitle')} description={t('errors.notFoundText')}>
          <EmptyState.Actions>
            <Button component={Link} to="/customers" variant="light">
              {t('comingSoon.goToCustomers')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </>
  );
}
