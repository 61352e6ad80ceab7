import { Paper, Progress, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCustomerDetail } from '../../../../src/customers/schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { creditKeys, useCustomerCredit } from '../credit/credit-api.ts';
import { limitFigureOf, type LimitFigureTone } from '../credit/credit-key-figure.ts';

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

const TONE_COLORS: Readonly<Record<LimitFigureTone, string>> = {
  ok: 'teal',
  alert: 'orange',
  over: 'red',
};

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

function NoLimitCard() {
  const { t } = useTranslation();
  return (
    <FigureCard
      label={t('customer.figures.creditLimit')}
      value={t('customer.figures.noLimit')}
      color="dimmed"
      testId="figure-credit-limit"
    />
  );
}

function CreditLimitCard({ customer }: { customer: TCustomerDetail }) {
  if (customer.creditLimit === null) {
    return <NoLimitCard />;
  }
  return <CreditUsageCard customer={customer} creditLimit={customer.creditLimit} />;
}

/**
 * The limit and its use as the « Crédit » tab shows them (issue 12): the exposure with the
 * orders still to invoice, from the same answer, so the two never disagree. While it loads,
 * or when it fails, the record's limit alone.
 */
function CreditUsageCard({
  customer,
  creditLimit,
}: {
  customer: TCustomerDetail;
  creditLimit: number;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const credit = useCustomerCredit(customer.id);
  const queryClient = useQueryClient();
  const seenLimit = useRef(creditLimit);
  useEffect(() => {
    // The limit typed on the record changed (the form): its credit is read again, or the
    // figure would show the limit it had.
    if (seenLimit.current !== creditLimit) {
      seenLimit.current = creditLimit;
      void queryClient.invalidateQueries({ queryKey: creditKeys.customer(customer.id) });
    }
  }, [queryClient, customer.id, creditLimit]);
  const figure = credit.data === undefined ? undefined : limitFigureOf(credit.data);
  if (figure === null) {
    return <NoLimitCard />;
  }
  if (figure === undefined) {
    return (
      <FigureCard
        label={t('customer.figures.creditLimit')}
        value={format.amount(creditLimit, customer.balance.currency)}
        testId="figure-credit-limit"
      >
        {credit.isPending ? <Skeleton height={8} mt={4} radius="xl" /> : null}
      </FigureCard>
    );
  }
  const isOver = figure.tone === 'over';
  return (
    <FigureCard
      label={t('customer.figures.creditLimit')}
      value={format.amount(figure.limitCents, figure.currency)}
      testId="figure-credit-limit"
    >
      <Progress
        value={Math.min(100, figure.ratio * 100)}
        color={TONE_COLORS[figure.tone]}
        size="sm"
        mt={4}
        aria-label={t('customer.figures.usageLabel')}
      />
      <Text size="xs" c={isOver ? 'red.7' : 'dimmed'} fw={isOver ? 600 : undefined}>
        {figure.excessCents > 0
          ? t('customer.figures.exceeded', {
              amount: format.amount(figure.excessCents, figure.currency),
            })
          : t('customer.figures.used', { percent: format.percent(figure.ratio) })}
      </Text>
    </FigureCard>
  );
}
