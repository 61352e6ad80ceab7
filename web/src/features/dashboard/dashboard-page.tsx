import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { AgedBalanceChart } from './aged-balance-chart.tsx';
import {
  useAgedBalanceByCollector,
  useDsoTrend,
  useForecast,
  useForecastVsActual,
  useInvoicingLag,
  useLargestOverdue,
  useWorstPayers,
} from './dashboard-api.ts';
import { LargestOverdue, WorstPayers } from './dashboard-lists.tsx';
import { dashboardCurrencies, dsoPoints, receivableFigures } from './dashboard-model.ts';
import { DsoTrendChart } from './dso-trend-chart.tsx';
import { ForecastChart, ForecastVsActualChart } from './forecast-charts.tsx';
import { InvoicingLagCard } from './invoicing-lag-card.tsx';
import { Loaded } from './loaded.tsx';
import { ReceivableFiguresRow } from './receivable-figures.tsx';
import classes from './dashboard.module.css';

/**
 * The CFO's first screen (issue 11): « where we come from, where we are, where we are
 * going ». What is owed and how late (figures, aged balance by collector), the DSO trend,
 * the cash expected and how well the last forecast did, the worst payers and the largest
 * overdue invoices, and how long delivered orders wait for their invoice; one currency at a time, every chart leading down to invoices. Each part
 * asks its own report, so the quick ones show while the slow ones compute; printed, the
 * navigation and the hints are left out.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const balance = useAgedBalanceByCollector();
  const currencies = balance.data === undefined ? [] : dashboardCurrencies(balance.data.totals);
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen !== null && currencies.includes(chosen) ? chosen : (currencies[0] ?? '');
  const today = balance.data?.asOf ?? '';
  const dso = useDsoTrend();
  const forecast = useForecast(currency);
  const backtest = useForecastVsActual(today, currency);
  const payers = useWorstPayers(currency);
  const overdue = useLargestOverdue(currency);
  const lag = useInvoicingLag();
  const total = balance.data?.totals.find((entry) => entry.currency === currency);
  const points = dso.data === undefined ? [] : dsoPoints(dso.data, currency);
  return (
    <div className={classes.dashboard} data-testid="dashboard">
      <PageTitle title={t('nav.areas.dashboard')}>
        <Group gap="sm" className="print-hidden">
          {currencies.length > 1 ? (
            <SegmentedControl
              aria-label={t('dashboard.currency')}
              data={currencies}
              value={currency}
              onChange={setChosen}
              data-testid="dashboard-currency"
            />
          ) : null}
          <Button variant="default" onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
        </Group>
      </PageTitle>
      {balance.isError ? (
        <ErrorAlert error={balance.error} onRetry={() => void balance.refetch()} />
      ) : balance.data === undefined ? (
        <Skeleton height={480} radius="md" />
      ) : total === undefined ? (
        <Paper withBorder radius="md" p="xl" data-testid="dashboard-empty">
          <Text>{t('dashboard.nothingOpen')}</Text>
        </Paper>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
            {t('dashboard.asOf', { date: format.day(balance.data.asOf) })}
          </Text>
          <ReceivableFiguresRow figures={receivableFigures(total)} lastDso={points.at(-1)} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" className={classes.grid}>
            <AgedBalanceChart balance={balance.data} currency={currency} />
            <Loaded query={dso}>
              {() => <DsoTrendChart points={points} currency={currency} />}
            </Loaded>
            <ForecastChart forecast={forecast} currency={currency} />
            <ForecastVsActualChart backtest={backtest} currency={currency} />
            <WorstPayers payers={payers} />
            <LargestOverdue pareto={overdue} currency={currency} />
            <InvoicingLagCard lag={lag} />
          </SimpleGrid>
        </Stack>
      )}
    </div>
  );
}
