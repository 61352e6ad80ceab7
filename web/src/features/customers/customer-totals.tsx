import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCustomerListTotal } from '../../../../src/customers/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';

/**
 * The totals of every row the filters match (all pages), one line per currency: an
 * encours in euros and one in dollars are never added together.
 */
export function CustomerTotals({
  totals,
  count,
  isStale,
}: {
  totals: readonly TCustomerListTotal[];
  count: number;
  /** The filters changed and the new totals are on their way: the old ones are dimmed. */
  isStale: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (count === 0) {
    return null;
  }
  return (
    <Stack
      gap={4}
      mt="sm"
      aria-busy={isStale}
      style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
      data-testid="customer-totals"
    >
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t('customers.totals.title', { count, formatted: format.integer(count) })}
      </Text>
      {totals.map((line) => (
        <Group key={line.currency} gap="lg" data-testid="customer-total">
          <Text size="sm" fw={600} w={48}>
            {line.currency}
          </Text>
          <Text size="sm">
            {t('customers.columns.openAmount')}{' '}
            <Amount value={line.openAmount} currency={line.currency} fw={650} />
          </Text>
          <Text size="sm">
            {t('customers.columns.overdueAmount')}{' '}
            <Amount value={line.overdueAmount} currency={line.currency} tone="overdue" fw={650} />
          </Text>
          <Text size="xs" c="dimmed">
            {t('customers.totals.customers', {
              count: line.customerCount,
              formatted: format.integer(line.customerCount),
            })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
