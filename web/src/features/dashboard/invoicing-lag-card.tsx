import { BarChart } from '@mantine/charts';
import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { ChartCard } from './chart-card.tsx';
import { lagBands, latestInvoiced, type LagBand, type TInvoicingLag } from './dashboard-model.ts';
import { Loaded, type Query } from './loaded.tsx';

/** A band's label under its bar: `2 j ou moins`, `3–7 j`, `Plus de 30 j`. */
function useBandLabel(): (band: LagBand) => string {
  const { t } = useTranslation();
  return (band) =>
    band.toDays === null
      ? t('dashboard.lag.over', { after: band.fromDays - 1 })
      : band.fromDays === 0
        ? t('dashboard.lag.first', { to: band.toDays })
        : t('dashboard.lag.range', { from: band.fromDays, to: band.toDays });
}

/**
 * « Délai de facturation » (issue 12, docs/credit.md « Invoicing lag »): the mean days from
 * delivery to invoice over the last 90 days, the invoices by band, and the customers
 * invoiced the latest, each leading to its page. « A 30-day term is worth nothing if you
 * invoice once a month »: every day here is credit given for nothing.
 */
export function InvoicingLagCard({ lag }: { lag: Query<TInvoicingLag> }) {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t('dashboard.lag.title')}
      hint={t('dashboard.lag.hint')}
      testId="dashboard-lag"
    >
      <Loaded query={lag}>
        {(data) =>
          data.overall.links === 0 ? (
            <Text size="sm" c="dimmed" data-testid="dashboard-lag-empty">
              {t('dashboard.lag.none')}
            </Text>
          ) : (
            <LagView lag={data} />
          )
        }
      </Loaded>
    </ChartCard>
  );
}

function LagView({ lag }: { lag: TInvoicingLag }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const bandLabel = useBandLabel();
  const bars = lagBands(lag.overall.bands).map((band) => ({
    band: bandLabel(band),
    links: band.links,
  }));
  const customers = latestInvoiced(lag);
  return (
    <>
      <Group gap="xs" align="baseline" mb="sm">
        <Text size="xl" fw={700} data-testid="dashboard-lag-mean">
          {t('dashboard.lag.mean', { days: format.oneDecimal(lag.overall.meanDays) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.lag.meanDetail', { count: lag.overall.links })}
        </Text>
      </Group>
      <BarChart
        h={200}
        data={bars}
        dataKey="band"
        series={[{ name: 'links', label: t('dashboard.lag.invoices'), color: 'indigo.6' }]}
        valueFormatter={(value) => format.integer(value)}
        gridAxis="x"
        // Invoices are counted whole: no 0,5 on the axis.
        yAxisProps={{ allowDecimals: false, width: 40 }}
      />
      {customers.length === 0 ? null : (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('dashboard.lag.latest')}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table highlightOnHover aria-label={t('dashboard.lag.latest')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.lag.customer')}</Table.Th>
                  <Table.Th className={classes.number}>{t('dashboard.lag.days')}</Table.Th>
                  <Table.Th className={classes.number}>{t('dashboard.lag.invoices')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.map((customer) => (
                  <Table.Tr key={customer.customerId} data-testid="lag-customer">
                    <Table.Td>
                      <Link to={`/customers/${customer.customerId}`}>
                        {customer.code} · {customer.name}
                      </Link>
                    </Table.Td>
                    <Table.Td className={classes.number}>
                      {t('dashboard.lag.mean', { days: format.oneDecimal(customer.meanDays) })}
                    </Table.Td>
                    <Table.Td className={classes.number}>{format.integer(customer.links)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </>
  );
}
