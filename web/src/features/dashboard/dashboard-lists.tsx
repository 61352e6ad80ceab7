import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPareto } from '../../../../src/reports/insight-schemas.ts';
import type { TPayerReport } from '../../../../src/reports/payer-schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { ChartCard } from './chart-card.tsx';
import { Loaded, type Query } from './loaded.tsx';

/** A list's frame: its title, then its report as `Loaded` shows it, the empty line, or its table. */
function ListCard<T>({
  title,
  testId,
  query,
  isEmpty,
  empty,
  children,
}: {
  title: string;
  testId: string;
  query: Query<T>;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => React.ReactNode;
}) {
  return (
    <ChartCard title={title} testId={testId}>
      <Loaded query={query}>
        {(data) =>
          isEmpty(data) ? (
            <Text size="sm" c="dimmed">
              {empty}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={420}>{children(data)}</Table.ScrollContainer>
          )
        }
      </Loaded>
    </ChartCard>
  );
}

const CATEGORY_COLOURS = { A: 'teal', B: 'yellow', C: 'orange', D: 'red' } as const;

/** The customers who pay the latest, weighted by amount, each leading to its page. */
export function WorstPayers({ payers }: { payers: Query<TPayerReport> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ListCard
      title={t('dashboard.payers.title')}
      testId="dashboard-worst-payers"
      query={payers}
      isEmpty={(report) => report.rows.length === 0}
      empty={t('dashboard.payers.none')}
    >
      {(report) => (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.payers.customer')}</Table.Th>
              <Table.Th className={classes.number}>{t('dashboard.payers.daysLate')}</Table.Th>
              <Table.Th className={classes.number}>{t('dashboard.payers.onTime')}</Table.Th>
              <Table.Th>{t('dashboard.payers.category')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={`${row.customerId}-${row.currency}`} data-testid="worst-payer">
                <Table.Td>
                  <Link to={`/customers/${row.customerId}`}>
                    {row.code} · {row.name}
                  </Link>
                </Table.Td>
                <Table.Td className={classes.number}>
                  {t('dashboard.overdue.days', { days: format.oneDecimal(row.weightedDaysLate) })}
                </Table.Td>
                <Table.Td className={classes.number}>
                  {row.onTimeShareByAmount === null
                    ? '—'
                    : format.percent(row.onTimeShareByAmount / 100)}
                </Table.Td>
                <Table.Td>
                  {row.category === null ? (
                    '—'
                  ) : (
                    <Badge color={CATEGORY_COLOURS[row.category]} variant="light">
                      {row.category}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ListCard>
  );
}

/** The largest invoices past due, each leading to its page. */
export function LargestOverdue({ pareto, currency }: { pareto: Query<TPareto>; currency: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const linesOf = (report: TPareto) =>
    report.currencies.find((entry) => entry.currency === currency)?.lines ?? [];
  return (
    <ListCard
      title={t('dashboard.overdue.title')}
      testId="dashboard-largest-overdue"
      query={pareto}
      isEmpty={(report) => linesOf(report).length === 0}
      empty={t('dashboard.overdue.none')}
    >
      {(report) => (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.overdue.invoice')}</Table.Th>
              <Table.Th>{t('dashboard.overdue.customer')}</Table.Th>
              <Table.Th>{t('dashboard.overdue.due')}</Table.Th>
              <Table.Th className={classes.number}>{t('dashboard.overdue.daysLate')}</Table.Th>
              <Table.Th className={classes.number}>{t('dashboard.overdue.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {linesOf(report).map((line) => (
              <Table.Tr key={line.id} data-testid="largest-overdue">
                <Table.Td className={classes.nowrap}>
                  <Link to={`/invoices/${line.id}`}>{line.invoice?.number}</Link>
                </Table.Td>
                <Table.Td>
                  {line.customer.code} · {line.customer.name}
                </Table.Td>
                <Table.Td className={classes.nowrap}>
                  {line.invoice === null ? '' : format.day(line.invoice.dueDate)}
                </Table.Td>
                <Table.Td className={classes.number}>
                  {t('dashboard.overdue.days', { days: line.invoice?.daysPastDue ?? 0 })}
                </Table.Td>
                <Table.Td className={classes.number}>
                  <Amount value={line.overdueCents} currency={currency} tone="overdue" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ListCard>
  );
}
