import { Button, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComingSoonAreaId } from '../../app/areas.ts';
import { PageTitle } from '../../ui/page-title.tsx';

/** An area of the product that has no screen yet says what it will do. */
export function ComingSoonPage({ area }: { area: ComingSoonAreaId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t(`nav.areas.${area}`)} />
      <Paper withBorder p="xl" radius="md" data-testid="coming-soon">
        <EmptyState
          title={t('comingSoon.title')}
          description={t(`comingSoon.areas.${area}`)}
          icon={<HourglassIcon />}
          withIndicatorBackground
        >
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

function HourglassIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M7 3h10M7 21h10M8 3v3a4 4 0 0 0 1.6 3.2L12 11l2.4-1.8A4 4 0 0 0 16 6V3M8 21v-3a4 4 0 0 1 1.6-3.2L12 13l2.4 1.8A4 4 0 0 1 16 18v3"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
