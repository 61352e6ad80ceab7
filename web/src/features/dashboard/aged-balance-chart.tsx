import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TAgedBalance } from '../../../../src/reports/schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import { agedBars, agedSeries, chartCents } from './dashboard-model.ts';
import { agedCellPath } from './drill-down.ts';
import { useBucketLabel } from './use-bucket-label.ts';
import { ChartCard } from './chart-card.tsx';

/**
 * The aged balance of one currency as stacked bars, a bar per collector, a colour per
 * bucket; a click on a bar's part opens the invoices behind that cell.
 */
export function AgedBalanceChart({
  balance,
  currency,
}: {
  balance: TAgedBalance;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const bucketLabel = useBucketLabel();
  const bars = agedBars(
    balance,
    currency,
    (row) => row.group.name ?? t('dashboard.aged.noCollector'),
  );
  const series = agedSeries(balance, bucketLabel);
  return (
    <ChartCard
      title={t('dashboard.aged.title')}
      hint={t('dashboard.aged.hint')}
      testId="dashboard-aged-balance"
    >
      <BarChart
        h={Math.max(220, 48 * bars.length)}
        data={bars}
        dataKey="label"
        type="stacked"
        orientation="vertical"
        series={series}
        valueFormatter={(value) => format.amount(chartCents(value, currency), currency)}
        withLegend
        yAxisProps={{ width: 140 }}
        gridAxis="none"
        barProps={(serie) => ({
          cursor: 'pointer',
          onClick: (entry: { payload?: { key?: string } }) => {
            void navigate(
              agedCellPath({
                asOf: balance.asOf,
                bucket: Number(serie.name.slice('bucket'.length)),
                collectorId: entry.payload?.key ?? '',
                currency,
              }),
            );
          },
        })}
      />
    </ChartCard>
  );
}
