import { BarChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZDisputeReport, type TDisputeReport } from '../../../../src/disputes/report-schemas.ts';
import { apiGet } from '../../api.ts';
import { Amount } from '../../ui/amount.tsx';
import { CalendarDateInput } from '../../ui/calendar-date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { ageBars, countBars, type CountBar } from './dispute-report-model.ts';
import { disputeKeys } from './disputes-api.ts';
import { useCauseLabel } from './use-dispute-words.ts';

/** `GET /api/reports/disputes`: on the company's today unless a day is asked. */
function useDisputeReport(asOf: string) {
  return useQuery({
    queryKey: disputeKeys.report(asOf),
    queryFn: ({ signal }) =>
      apiGet('/api/reports/disputes', ZDisputeReport, asOf === '' ? {} : { asOf }, signal),
  });
}

/**
 * The dispute reports: what is blocked, the open disputes by cause, department and age
 * (bar charts of counts, amounts beside), how long they take to resolve, and the causes
 * that come back per customer and per sales rep, so a recurring cause is fixed at its source.
 */
export function DisputeReports() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [asOf, setAsOf] = useState('');
  const report = useDisputeReport(asOf);
  return (
    <Stack gap="md" data-testid="dispute-reports">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {report.data === undefined
            ? ''
            : t('disputes.reports.asOf', { date: format.day(report.data.asOf) })}
        </Text>
        <CalendarDateInput
          label={t('disputes.reports.pickDay')}
          value={asOf}
          onChange={setAsOf}
          data-testid="dispute-reports-as-of"
        />
      </Group>
      {report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data === undefined ? (
        <Skeleton height={480} radius="md" />
      ) : (
        <ReportBody report={report.data} />
      )}
    </Stack>
  );
}

function ReportBody({ report }: { report: TDisputeReport }) {
  const { t } = useTranslation();
  const causeLabel = useCauseLabel();
  const departmentLabel = (department: { name: string } | null) =>
    department?.name ?? t('disputes.noDepartment');
  return (
    <Stack gap="md">
      <BlockedFigures blocked={report.blocked} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <CountChart
          title={t('disputes.reports.byCause')}
          testId="report-open-by-cause"
          bars={countBars(
            report.openByCause,
            (row) => row.cause,
            (row) => causeLabel(row.cause),
          )}
        />
        <CountChart
          title={t('disputes.reports.byDepartment')}
          testId="report-open-by-department"
          bars={countBars(
            report.openByDepartment,
            (row) => row.department?.id ?? '',
            (row) => departmentLabel(row.department),
          )}
        />
        <CountChart
          title={t('disputes.reports.byAge')}
          testId="report-open-by-age"
          bars={ageBars(report.openByAge).map((bar) => ({
            ...bar,
            label: t('disputes.reports.ageDays', { bucket: bar.label }),
          }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ResolutionTable
          title={t('disputes.reports.resolutionByCause')}
          testId="report-resolution-by-cause"
          rows={report.resolutionByCause.map((row) => ({
            key: row.cause,
            label: causeLabel(row.cause),
            resolvedCount: row.resolvedCount,
            averageDays: row.averageDays,
          }))}
        />
        <ResolutionTable
          title={t('disputes.reports.resolutionByDepartment')}
          testId="report-resolution-by-department"
          rows={report.resolutionByDepartment.map((row) => ({
            key: row.department?.id ?? '',
            label: departmentLabel(row.department),
            resolvedCount: row.resolvedCount,
            averageDays: row.averageDays,
          }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RecurringTable
          title={t('disputes.reports.recurringByCustomer')}
          who={t('disputes.customer')}
          testId="report-recurring-by-customer"
          rows={report.recurringByCustomer.map((row) => ({
            key: `${row.customer.id}-${row.cause}-${row.currency}`,
            who: `${row.customer.code} · ${row.customer.name}`,
            cause: causeLabel(row.cause),
            count: row.count,
            amountCents: row.amountCents,
            currency: row.currency,
          }))}
        />
        <RecurringTable
          title={t('disputes.reports.recurringBySalesRep')}
          who={t('disputes.reports.salesRep')}
          testId="report-recurring-by-sales-rep"
          rows={report.recurringBySalesRep.map((row) => ({
            key: `${row.salesRep}-${row.cause}-${row.currency}`,
            who: row.salesRep,
            cause: causeLabel(row.cause),
            count: row.count,
            amountCents: row.amountCents,
            currency: row.currency,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** What the open disputes hold back from dunning, a figure per currency. */
function BlockedFigures({ blocked }: { blocked: TDisputeReport['blocked'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-blocked">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('disputes.reports.blocked')}
      </Text>
      {blocked.length === 0 ? (
        <Text size="xl" fw={700} mt={4}>
          {t('disputes.reports.nothingBlocked')}
        </Text>
      ) : (
        <Group gap="xl" mt={4}>
          {blocked.map((figure) => (
            <div key={figure.currency}>
              <Text size="xl" fw={700} data-testid="report-blocked-amount">
                <Amount value={figure.amountCents} currency={figure.currency} />
              </Text>
              <Text size="xs" c="dimmed">
                {t('disputes.reports.disputeCount', { count: figure.disputeCount })}
                {', '}
                {t('disputes.reports.invoiceCount', { count: figure.invoiceCount })}
              </Text>
            </div>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** A bar chart of counts, with each bar's amounts (per currency) listed under it. */
function CountChart({ title, bars, testId }: { title: string; bars: CountBar[]; testId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {bars.every((bar) => bar.count === 0) ? (
        <Text size="sm" c="dimmed">
          {t('disputes.reports.noneOpen')}
        </Text>
      ) : (
        <>
          <BarChart
            h={200}
            data={bars.map((bar) => ({ label: bar.label, count: bar.count }))}
            dataKey="label"
            series={[{ name: 'count', label: t('disputes.reports.count'), color: 'orange.6' }]}
            valueFormatter={format.integer}
            withBarValueLabel
            maxBarWidth={48}
            tickLine="none"
            gridAxis="none"
            withYAxis={false}
          />
          <Stack gap={2} mt="xs">
            {bars
              .filter((bar) => bar.count > 0)
              .map((bar) => (
                <Group
                  key={bar.key}
                  justify="space-between"
                  gap="xs"
                  wrap="nowrap"
                  data-testid="report-bar"
                >
                  <Text size="xs" truncate data-testid="report-bar-label">
                    {bar.label}
                  </Text>
                  <Text
                    size="xs"
                    c="dimmed"
                    className={classes.nowrap}
                    data-testid="report-bar-figures"
                  >
                    {format.integer(bar.count)} ·{' '}
                    {bar.amounts
                      .map((amount) => format.amount(amount.amountCents, amount.currency))
                      .join(' · ')}
                  </Text>
                </Group>
              ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}

type ResolutionRow = { key: string; label: string; resolvedCount: number; averageDays: number };

/** The average days from raised to resolved, to one decimal, over the year to the report's day. */
function ResolutionTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: ResolutionRow[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const days = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'fr-FR', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.reports.noneResolved')}
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th className={classes.number}>{t('disputes.reports.resolvedCount')}</Table.Th>
              <Table.Th className={classes.number}>{t('disputes.reports.averageDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="report-resolution-row">
                <Table.Td>{row.label}</Table.Td>
                <Table.Td className={classes.number}>{row.resolvedCount}</Table.Td>
                <Table.Td className={classes.number}>
                  {t('disputes.reports.days', {
                    formatted: days.format(row.averageDays).replace(/\u202f/g, '\u00a0'),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

type RecurringRow = {
  key: string;
  who: string;
  cause: string;
  count: number;
  amountCents: number;
  currency: string;
};

/** The (customer or sales rep, cause) pairs that came back at least twice over the year. */
function RecurringTable({
  title,
  who,
  rows,
  testId,
}: {
  title: string;
  who: string;
  rows: RecurringRow[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.reports.noneRecurring')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{who}</Table.Th>
                <Table.Th>{t('disputes.cause')}</Table.Th>
                <Table.Th className={classes.number}>{t('disputes.reports.count')}</Table.Th>
                <Table.Th className={classes.number}>{t('disputes.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid="report-recurring-row">
                  <Table.Td>{row.who}</Table.Td>
                  <Table.Td>{row.cause}</Table.Td>
                  <Table.Td className={classes.number}>{row.count}</Table.Td>
                  <Table.Td className={classes.number}>
                    <Amount value={row.amountCents} currency={row.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
