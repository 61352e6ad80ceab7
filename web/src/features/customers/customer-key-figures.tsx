import { Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCustomerDetail } from '../../../../src/customers/schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { creditUsage } from './credit-usage.ts';

type FigureCardProps = {
  label: string;
  value: string;
  color?: string | undefined;
  title?: string;
  children?: ReactNode;
  testId: string;
};

function FigureCard({ label, value, color, title, children, testId }: FigureCardProps) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3} title={title}>
          {label}
        </Text>
        <Text size="lg" fw={650} c={color ?? 'inherit'} className={classes.number} ta="left">
          {value}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function usageColor(ratio: number): string {
  if (ratio > 1) {
    return 'red';
  }
  return ratio >= 0.8 ? 'orange' : 'teal';
}

export function CustomerKeyFigures({ customer }: { customer: TCustomerDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { balance } = customer;
  const money = (amount: number) => format.amount(amount, balance.currency);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
      <FigureCard
        label={t('customer.figures.netBalance')}
        title={t('customer.figures.netBalanceHint')}
        value={money(balance.netBalance)}
        testId="figure-net-balance"
      >
        <Text size="xs" c="dimmed">
          {t('customer.figures.invoicesOpen', { amount: money(balance.invoicesOpen) })}
        </Text>
      </FigureCard>
      <FigureCard
        label={t('customer.figures.overdue')}
        value={money(balance.overdue)}
        color={balance.overdue > 0 ? 'red.7' : undefined}
        testId="figure-overdue"
      >
        {balance.invoicesOpen > 0 ? (
          <Text size="xs" c="dimmed">
            {t('customer.figures.overdueShare', {
              percent: format.percent(balance.overdue / balance.invoicesOpen),
            })}
          </Text>
        ) : null}
      </FigureCard>
      <FigureCard
        label={t('customer.figures.creditNotes')}
        value={money(balance.creditNotesOpen)}
        testId="figure-credit-notes"
      />
      <FigureCard
        label={t('customer.figures.unappliedCash')}
        value={money(balance.unappliedCash)}
        color={balance.unappliedCash > 0 ? 'blue.7' : undefined}
        testId="figure-unapplied-cash"
      />
      <CreditLimitCard customer={customer} />
    </SimpleGrid>
  );
}

function CreditLimitCard({ customer }: { customer: TCustomerDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { creditLimit, balance } = customer;
  if (creditLimit === null) {
    return (
      <FigureCard
        label={t('customer.figures.creditLimit')}
        value={t('customer.figures.noLimit')}
        color="dimmed"
        testId="figure-credit-limit"
      />
    );
  }
  const ratio = creditUsage(balance.netBalance, creditLimit);
  const excess = balance.netBalance - creditLimit;
  return (
    <FigureCard
      label={t('customer.figures.creditLimit')}
      value={format.amount(creditLimit, balance.currency)}
      testId="figure-credit-limit"
    >
      <Progress
        value={Math.min(100, ratio * 100)}
        color={usageColor(ratio)}
        size="sm"
        mt={4}
        aria-label={t('customer.figures.usageLabel')}
      />
      <Text size="xs" c={ratio > 1 ? 'red.7' : 'dimmed'} fw={ratio > 1 ? 600 : undefined}>
        {excess > 0
          ? t('customer.figures.exceeded', { amount: format.amount(excess, balance.currency) })
          : t('customer.figures.used', { percent: format.percent(ratio) })}
      </Text>
    </FigureCard>
  );
}
