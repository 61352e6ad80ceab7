import { BarChart } from '@mantine/charts';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TBacktestReport, TForecastReport } from '../../../../src/reports/forecast-schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import { chartCents, chartDayLabel, chartValue } from './dashboard-model.ts';
import { forecastWeekPath } from './drill-down.ts';
import { Loaded, type Query } from './loaded.tsx';
import { ChartCard } from './chart-card.tsx';

/** The receipts expected each of the next 13 weeks, and what is expected later. */
export function ForecastChart({
  forecast,
  currency,
}: {
  forecast: Query<TForecastReport>;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  return (
    <ChartCard
      title={t('dashboard.forecast.title')}
      hint={t('dashboard.forecast.hint')}
      testId="dashboard-forecast"
    >
      <Loaded query={forecast}>
        {(report) => {
          const own = report.currencies.find((entry) => entry.currency === currency);
          return (
            <>
              <BarChart
                h={220}
                data={(own?.weeks ?? []).map((week) => ({
                  monday: week.monday,
                  week: chartDayLabel(week.monday, format.language),
                  expected: chartValue(week.amountCents, currency),
                }))}
                dataKey="week"
                series={[
                  { name: 'expected', label: t('dashboard.forecast.expected'), color: 'teal.6' },
                ]}
                valueFormatter={(value) => format.amount(chartCents(value, currency), currency)}
                gridAxis="y"
                withYAxis={false}
                barProps={{
                  cursor: 'pointer',
                  onClick: (entry: { payload?: { monday?: string } }) => {
                    if (entry.payload?.monday !== undefined) {
                      void navigate(forecastWeekPath({ week: entry.payload.monday, currency }));
                    }
                  },
                }}
              />
              <Anchor
                component={Link}
                to={forecastWeekPath({ week: 'later', currency })}
                size="xs"
                c="dimmed"
                mt="xs"
                data-testid="dashboard-forecast-later"
              >
                {t('dashboard.forecast.later', {
                  amount: format.amount(own?.laterCents ?? 0, currency),
                })}
              </Anchor>
            </>
          );
        }}
      </Loaded>
    </ChartCard>
  );
}

/**
 * The forecast made 13 weeks ago beside what actually came in each week since, with the
 * mean error in days of the model and of the naive « paid on the due date ».
 */
export function ForecastVsActualChart({
  backtest,
  currency,
}: {
  backtest: Query<TBacktestReport>;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ChartCard title={t('dashboard.actual.title')} testId="dashboard-forecast-vs-actual">
      <Loaded query={backtest}>
        {(report) => {
          const own = report.series.find((entry) => entry.currency === currency);
          return (
            <>
              <BarChart
                h={220}
                data={(own?.weeks ?? []).map((week) => ({
                  week: chartDayLabel(week.monday, format.language),
                  predicted: chartValue(week.modelCents, currency),
                  actual: chartValue(week.actualCents, currency),
                }))}
                dataKey="week"
                series={[
                  { name: 'predicted', label: t('dashboard.actual.predicted'), color: 'gray.5' },
                  { name: 'actual', label: t('dashboard.actual.actual'), color: 'indigo.6' },
                ]}
                valueFormatter={(value) => format.amount(chartCents(value, currency), currency)}
                withLegend
                gridAxis="y"
                withYAxis={false}
              />
              <Text size="xs" c="dimmed" mt="xs" data-testid="dashboard-backtest-errors">
                {report.paidInvoices === 0
                  ? t('dashboard.actual.nothingPaid')
                  : t('dashboard.actual.errors', {
                      model: format.oneDecimal(report.model.meanAbsoluteErrorDays),
                      baseline: format.oneDecimal(report.baseline.meanAbsoluteErrorDays),
                    })}
              </Text>
            </>
          );
        }}
      </Loaded>
    </ChartCard>
  );
}
