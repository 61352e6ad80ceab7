import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { useForecastWeek } from './dashboard-api.ts';
import { parseForecastBar, type ForecastBar } from './drill-down.ts';
import { InvoiceLines } from './invoice-lines.tsx';

const PAGE_SIZE = 50;

/**
 * The invoices the forecast expects in one of its weeks (or after them), largest first,
 * each with the day it is expected and whether a promise sets it: where a click on the
 * dashboard's forecast leads. Their count and sum are the bar's.
 */
export function ForecastWeekPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const bar = parseForecastBar(search);
  return (
    <>
      <PageTitle title={t('dashboard.week.title')}>
        <Anchor component={Link} to="/dashboard" size="sm" className="print-hidden">
          {t('dashboard.cell.back')}
        </Anchor>
      </PageTitle>
      {bar === undefined ? (
        <Paper withBorder radius="md" p="xl">
          <Text>{t('dashboard.week.empty')}</Text>
        </Paper>
      ) : (
        <WeekInvoices bar={bar} />
      )}
    </>
  );
}

function WeekInvoices({ bar }: { bar: ForecastBar }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const answer = useForecastWeek({
    week: bar.week,
    currency: bar.currency,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  if (answer.isError) {
    return <ErrorAlert error={answer.error} onRetry={() => void answer.refetch()} />;
  }
  if (answer.data === undefined) {
    return <Skeleton height={400} radius="md" />;
  }
  const { data } = answer;
  const total = data.totals.find((entry) => entry.currency === bar.currency);
  const asOf = format.day(data.asOf);
  return (
    <Stack gap="sm" data-testid="forecast-week">
      <Text size="sm" c="dimmed" data-testid="forecast-week-summary">
        {data.week === 'later'
          ? t('dashboard.week.later', { asOf })
          : t('dashboard.week.subtitle', { date: format.day(data.week), asOf })}
        {' · '}
        {t('dashboard.week.count', {
          count: total?.count ?? 0,
          amount: format.amount(total?.amountCents ?? 0, bar.currency),
        })}
      </Text>
      <InvoiceLines
        figureHeading={t('dashboard.week.expectedOn')}
        empty={t('dashboard.week.empty')}
        lines={data.items.map((item) => ({
          id: item.id,
          isInvoice: true,
          number: item.number,
          customer: item.customer,
          dueDate: item.dueDate,
          figure: (
            <Group gap={6} wrap="nowrap">
              {format.day(item.predictedOn)}
              {item.promisedOn === null ? null : (
                <Badge size="xs" variant="light" color="indigo">
                  {t('dashboard.week.promised')}
                </Badge>
              )}
            </Group>
          ),
          openCents: item.openCents,
          currency: item.currency,
        }))}
      />
      <Pager page={page} pageSize={PAGE_SIZE} total={total?.count ?? 0} onChange={setPage} />
    </Stack>
  );
}
