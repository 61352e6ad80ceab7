import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import type { DsoPoint, ReceivableFigures } from './dashboard-model.ts';

/** A headline figure: its name, the figure, a line under it. */
function Figure({
  label,
  children,
  detail,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  detail: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4} data-testid={`${testId}-value`}>
        {children}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

/** What is owed, what is late, what is not yet due, and the last month end's DSO. */
export function ReceivableFiguresRow({
  figures,
  lastDso,
}: {
  figures: ReceivableFigures;
  lastDso: DsoPoint | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { currency } = figures;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Figure
        label={t('dashboard.figures.open')}
        testId="figure-open"
        detail={t('dashboard.figures.net', {
          amount: format.amount(figures.netCents, currency),
          credits: format.amount(figures.creditNotesCents, currency),
          cash: format.amount(figures.unappliedCashCents, currency),
        })}
      >
        <Amount value={figures.openCents} currency={currency} />
      </Figure>
      <Figure
        label={t('dashboard.figures.overdue')}
        testId="figure-overdue"
        detail={
          figures.overdueShare === null
            ? ''
            : t('dashboard.figures.overdueShare', { share: format.percent(figures.overdueShare) })
        }
      >
        <Amount value={figures.overdueCents} currency={currency} tone="overdue" />
      </Figure>
      <Figure label={t('dashboard.figures.notDue')} testId="figure-not-due" detail="">
        <Amount value={figures.notDueCents} currency={currency} />
      </Figure>
      <Figure
        label={t('dashboard.figures.dso')}
        testId="figure-dso"
        detail={
          lastDso === undefined
            ? t('dashboard.figures.noDso')
            : t('dashboard.figures.dsoDetail', {
                month: format.day(lastDso.monthEnd),
                late: format.oneDecimal(lastDso.averageDaysDelinquent),
              })
        }
      >
        {lastDso === undefined
          ? '—'
          : t('dashboard.figures.dsoDays', { days: format.oneDecimal(lastDso.dso) })}
      </Figure>
    </SimpleGrid>
  );
}
