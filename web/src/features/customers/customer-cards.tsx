import { Box, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCustomerSummary } from '../../../../src/customers/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { CodeCaption } from '../../ui/card-lines.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import classes from '../../ui/table.module.css';
import { CustomerStatusBadge } from './customer-badges.tsx';
import { CustomerCity, CustomerCollector, CustomerNameLink } from './customer-cells.tsx';
import { PayerCategoryBadge, type PayerProfileCell } from './customer-payer-profile.tsx';

/**
 * A customer of the list at phone width (`CardList`): what a collector reads first
 * (who, the encours, the oldest days late) on its first line, in view without scrolling
 * sideways; code, city, status and payer category, overdue amount and collector below.
 */
export function CustomerCard({
  customer,
  payer,
}: {
  customer: TCustomerSummary;
  payer: PayerProfileCell;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="customer-row">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        {/* A long legal name wraps rather than pushing the figures out of view. */}
        <Box miw={0} style={{ overflowWrap: 'anywhere' }}>
          <CustomerNameLink customer={customer} />
        </Box>
        <Group gap={6} wrap="nowrap">
          {/* No column header here: a screen reader still hears what the figure is. */}
          <VisuallyHidden>{t('customers.columns.openAmount')}</VisuallyHidden>
          <Text span size="sm" fw={600} data-testid="customer-card-open">
            <Amount
              value={customer.openAmount}
              currency={customer.currency}
              tone="dimmedWhenZero"
            />
          </Text>
          <DaysLateBadge days={customer.oldestOverdueDays} />
        </Group>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <CodeCaption code={customer.code}>
          <CustomerCity city={customer.city} size="xs" />
        </CodeCaption>
        <Group gap={6} wrap="nowrap">
          <PayerCategoryBadge {...payer} />
          <CustomerStatusBadge status={customer.status} />
        </Group>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <Text size="xs" className={classes.nowrap} data-testid="customer-card-overdue">
          {t('customers.columns.overdueAmount')}{' '}
          <Amount value={customer.overdueAmount} currency={customer.currency} tone="overdue" />
        </Text>
        <Text size="xs" c="dimmed" truncate>
          <CustomerCollector collector={customer.collector} size="xs" />
        </Text>
      </Group>
    </Paper>
  );
}
