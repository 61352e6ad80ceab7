import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../ui/format.ts';
import { chartMonthLabel, type DsoPoint } from './dashboard-model.ts';
import { agedCellPath } from './drill-down.ts';
import { ChartCard } from './chart-card.tsx';

/**
 * The DSO and the best possible DSO at each of the last 12 month ends; the gap between the
 * lines is the average days delinquent. A click on a month opens the invoices overdue at
 * its end.
 */
export function DsoTrendChart({ points, currency }: { points: DsoPoint[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const data = points.map((point) => ({
    month: chartMonthLabel(point.monthEnd, format.language),
    dso: point.dso,
    bpdso: point.bestPossibleDso,
  }));
  return (
    <ChartCard
      title={t('dashboard.dso.title')}
      hint={t('dashboard.dso.hint')}
      testId="dashboard-dso"
    >
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'dso', label: t('dashboard.dso.dso'), color: 'indigo.6' },
          { name: 'bpdso', label: t('dashboard.dso.bpdso'), color: 'teal.6' },
        ]}
        valueFormatter={(value) => t('dashboard.dso.days', { days: format.oneDecimal(value) })}
        withLegend
        curveType="linear"
        lineChartProps={{
          onClick: (state: { activeTooltipIndex?: number | string | null | undefined }) => {
            const point = points[Number(state.activeTooltipIndex ?? -1)];
            if (point !== undefined) {
              void navigate(agedCellPath({ asOf: point.monthEnd, bucket: 'overdue', currency }));
            }
          },
          style: { cursor: 'pointer' },
        }}
      />
    </ChartCard>
  );
}
