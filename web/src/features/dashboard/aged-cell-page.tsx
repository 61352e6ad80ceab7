import { Anchor, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { useAgedCell } from './dashboard-api.ts';
import { agedCellQuery, parseAgedCell, type AgedCell } from './drill-down.ts';
import { InvoiceLines } from './invoice-lines.tsx';
import { useBucketLabel } from './use-bucket-label.ts';

const PAGE_SIZE = 50;

/**
 * The invoices behind a cell of the aged balance, as the ledger stood on its day: where a
 * click on a dashboard chart leads. Their count and sum are the cell's.
 */
export function AgedCellPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const cell = parseAgedCell(search);
  return (
    <>
      <PageTitle title={t('dashboard.cell.title')}>
        <Anchor component={Link} to="/dashboard" size="sm" className="print-hidden">
          {t('dashboard.cell.back')}
        </Anchor>
      </PageTitle>
      {cell === undefined ? (
        <Paper withBorder radius="md" p="xl">
          <Text>{t('dashboard.cell.empty')}</Text>
        </Paper>
      ) : (
        <CellInvoices cell={cell} />
      )}
    </>
  );
}

function CellInvoices({ cell }: { cell: AgedCell }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const bucketLabel = useBucketLabel();
  const [page, setPage] = useState(1);
  const answer = useAgedCell(agedCellQuery(cell, (page - 1) * PAGE_SIZE, PAGE_SIZE));
  if (answer.isError) {
    return <ErrorAlert error={answer.error} onRetry={() => void answer.refetch()} />;
  }
  if (answer.data === undefined) {
    return <Skeleton height={400} radius="md" />;
  }
  const { data } = answer;
  const bucket =
    typeof data.cell === 'number' && data.buckets[data.cell] !== undefined
      ? bucketLabel(data.buckets[data.cell] ?? { minDaysLate: 0, maxDaysLate: 0 })
      : t('dashboard.figures.overdue');
  const total = data.totals.find((entry) => entry.currency === cell.currency);
  return (
    <Stack gap="sm" data-testid="aged-cell">
      <Text size="sm" c="dimmed" data-testid="aged-cell-summary">
        {t('dashboard.cell.subtitle', { bucket, date: format.day(data.asOf) })}
        {' · '}
        {t('dashboard.cell.count', {
          count: total?.count ?? 0,
          amount: format.amount(total?.openCents ?? 0, cell.currency),
        })}
      </Text>
      <InvoiceLines
        figureHeading={t('dashboard.overdue.daysLate')}
        empty={t('dashboard.cell.empty')}
        lines={data.items.map((item) => ({
          id: item.id,
          isInvoice: item.kind !== 'payment',
          number: item.number,
          customer: item.customer,
          dueDate: item.dueDate,
          figure: item.daysPastDue === null ? '' : <DaysLateBadge days={item.daysPastDue} />,
          openCents: item.openCents,
          currency: item.currency,
        }))}
      />
      <Pager page={page} pageSize={PAGE_SIZE} total={total?.count ?? 0} onChange={setPage} />
    </Stack>
  );
}
