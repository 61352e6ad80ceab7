import { Group, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { useListParams } from '../../ui/use-list-params.ts';
import { InvoiceFilters } from './invoice-filters.tsx';
import {
  CLEARED_FILTERS,
  hasInvoiceFilters,
  INVOICE_PAGE_SIZE,
  invoiceListCodec,
  toInvoiceFilters,
  toInvoiceOrder,
  toInvoiceQuery,
} from './invoice-list-params.ts';
import { useInvoicePage, useInvoiceTotals } from './invoices-api.ts';
import { InvoiceTotals } from './invoice-totals.tsx';
import { InvoicesTable } from './invoices-table.tsx';

export function InvoicesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, update] = useListParams(invoiceListCodec);
  const invoices = useInvoicePage(toInvoiceQuery(params));
  const totals = useInvoiceTotals(toInvoiceFilters(params));
  const total = invoices.data?.total;
  return (
    <>
      <PageTitle title={t('invoices.title')}>
        <Group gap="xs">
          {invoices.isFetching && !invoices.isPending ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
          {total === undefined ? null : (
            <Text size="sm" c="dimmed" data-testid="invoice-count">
              {t('invoices.count', { count: total, formatted: format.integer(total) })}
            </Text>
          )}
          <ExportMenu
            path="/api/invoices/export"
            query={toInvoiceOrder(params)}
            testId="invoice-export"
          />
        </Group>
      </PageTitle>
      <Paper withBorder radius="md" p="md">
        <InvoiceFilters params={params} onChange={update} />
        {invoices.isError ? (
          <ErrorAlert error={invoices.error} onRetry={() => void invoices.refetch()} />
        ) : (
          <>
            <InvoiceTotals totals={totals.data?.totals} />
            <InvoicesTable
              page={invoices.data}
              params={params}
              isStale={invoices.isPlaceholderData}
              hasFilters={hasInvoiceFilters(params)}
              onSort={(sort) => update(sort)}
              onFirstPage={() => update({ page: 1 })}
              onClearFilters={() => update(CLEARED_FILTERS)}
            />
            <Pager
              page={params.page}
              pageSize={invoices.data?.pageSize ?? INVOICE_PAGE_SIZE}
              total={total ?? 0}
              onChange={(page) => update({ page })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
