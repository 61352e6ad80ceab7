import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DisputeCard } from '../disputes/dispute-card.tsx';
import { useDisputes } from '../disputes/disputes-api.ts';
import { EmptyTab } from './empty-tab.tsx';

/** The customer's disputes, open and resolved, newest first: a card each, to its page. */
export function CustomerDisputes({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const disputes = useDisputes({ customerId, limit: 100 });
  if (disputes.isError) {
    return <ErrorAlert error={disputes.error} onRetry={() => void disputes.refetch()} />;
  }
  if (disputes.data?.items.length === 0) {
    return <EmptyTab text={t('disputes.customerTab.empty')} testId="customer-disputes-empty" />;
  }
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
      role="list"
      aria-label={t('disputes.customerTab.label')}
      data-testid="customer-disputes"
    >
      {disputes.data?.items.map((dispute) => (
        <DisputeCard key={dispute.id} dispute={dispute} />
      ))}
    </SimpleGrid>
  );
}
