import { Flex, Group, Paper, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TInvoiceTotal } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';

/**
 * The totals of every item the filters keep, all pages included, one line per currency
 * (euros and dollars are never added). Computed by the server, not from the page shown.
 */
export function InvoiceTotals({ totals }: { totals: readonly TInvoiceTotal[] | undefined }) {
  const { t } = useTranslation();
  if (totals === undefined) {
    return <Skeleton height={44} radius="md" mb="md" aria-hidden="true" />;
  }
  if (totals.length === 0) {
    return null;
  }
  return (
    <Stack gap={6} mb="md" role="group" aria-label={t('invoices.totals.label')}>
      {totals.map((total) => (
        <CurrencyTotal key={total.currency} total={total} />
      ))}
    </Stack>
  );
}

function CurrencyTotal({ total }: { total: TInvoiceTotal }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const figure = (label: string, value: number, testId: string, tone?: 'overdue') => (
    <Group gap={6} wrap="nowrap" data-testid={testId}>
      <Text span size="sm" c="dimmed">
        {label}
      </Text>
      <Text span size="sm" fw={600}>
        <Amount value={value} currency={total.currency} {...(tone ? { tone } : {})} />
      </Text>
    </Group>
  );
  const line = (
    <Paper
      withBorder
      radius="md"
      px="md"
      py={8}
      bg="var(--mantine-color-gray-0)"
      data-testid="invoice-total"
      data-currency={total.currency}
    >
      <Flex wrap="wrap" columnGap="lg" rowGap={2} align="center">
        <Text span size="sm" fw={600} data-testid="invoice-total-count">
          {t('invoices.totals.count', {
            count: total.count,
            formatted: format.integer(total.count),
          })}{' '}
          · {total.currency}
        </Text>
        {figure(t('invoices.totals.amount'), total.amount, 'invoice-total-amount')}
        {figure(t('invoices.totals.openAmount'), total.openAmount, 'invoice-total-open')}
        {figure(
          t('invoices.totals.overdueAmount'),
          total.overdueAmount,
          'invoice-total-overdue',
          'overdue',
        )}
      </Flex>
    </Paper>
  );
  return total.amountsCapped ? <Tooltip label={t('invoices.totals.capped')}>{line}</Tooltip> : line;
}
