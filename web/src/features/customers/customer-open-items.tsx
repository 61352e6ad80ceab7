import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { useInvoicePage, useInvoiceTotals } from '../invoices/invoices-api.ts';
import { signedAmount } from '../invoices/invoice-amounts.ts';
import { CreditNoteBadge, InvoiceNumberCell } from '../invoices/invoice-cells.tsx';
import { EmptyTab } from './empty-tab.tsx';

const PAGE_SIZE = 200;
const COLUMN_COUNT = 7;

/** Unpaid invoices and credit notes, earliest due first, with their total. */
export function CustomerOpenItems({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const filters = { customerId, status: 'unpaid' };
  const items = useInvoicePage({
    ...filters,
    sort: 'due_date',
    order: 'asc',
    page,
    pageSize: PAGE_SIZE,
  });
  // The server's totals cover every open item, not only the page on screen.
  const totals = useInvoiceTotals(filters);

  if (items.isError) {
    return <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />;
  }
  if (items.data?.total === 0) {
    return <NoOpenItem customerId={customerId} />;
  }
  const isWhole = items.data !== undefined && items.data.total <= items.data.items.length;
  return (
    <Paper withBorder radius="md" p="md">
      <Table.ScrollContainer minWidth={760}>
        <Table
          highlightOnHover
          aria-label={t('customer.openItems.tableLabel')}
          aria-busy={items.isPending || items.isPlaceholderData}
          data-testid="open-items-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customer.openItems.number')}</Table.Th>
              <Table.Th>{t('customer.openItems.kind')}</Table.Th>
              <Table.Th>{t('customer.openItems.issueDate')}</Table.Th>
              <Table.Th>{t('customer.openItems.dueDate')}</Table.Th>
              <Table.Th className={classes.number}>{t('customer.openItems.amount')}</Table.Th>
              <Table.Th className={classes.number}>{t('customer.openItems.openAmount')}</Table.Th>
              <Table.Th className={classes.number}>{t('customer.openItems.daysLate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.data === undefined ? (
              <TableSkeletonRows rows={6} columns={COLUMN_COUNT} />
            ) : (
              items.data.items.map((item) => <OpenItemRow key={item.id} item={item} />)
            )}
          </Table.Tbody>
          {totals.data === undefined ? null : (
            <Table.Tfoot>
              {totals.data.totals.map(({ currency, amount, openAmount }) => (
                <Table.Tr
                  key={currency}
                  className={classes.totalRow}
                  data-testid="open-items-total"
                >
                  <Table.Td colSpan={4}>{t('common.total')}</Table.Td>
                  <Table.Td className={classes.number}>
                    <Amount value={amount} currency={currency} />
                  </Table.Td>
                  <Table.Td className={classes.number}>
                    <Amount value={openAmount} currency={currency} />
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              ))}
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      {items.data === undefined || isWhole ? null : (
        <Pager page={page} pageSize={PAGE_SIZE} total={items.data.total} onChange={setPage} />
      )}
    </Paper>
  );
}

/**
 * Nothing open: settled if the customer had invoices, else nothing yet (a prospect
 * is not "soldé"). Asked only then, with one row.
 */
function NoOpenItem({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const anyItem = useInvoicePage({ customerId, status: 'all', page: 1, pageSize: 1 });
  if (anyItem.isError) {
    return <ErrorAlert error={anyItem.error} onRetry={() => void anyItem.refetch()} />;
  }
  if (anyItem.data === undefined) {
    return null;
  }
  return anyItem.data.total === 0 ? (
    <EmptyTab text={t('customer.openItems.nothingYet')} testId="open-items-nothing-yet" />
  ) : (
    <EmptyTab text={t('customer.openItems.empty')} testId="open-items-empty" />
  );
}

function OpenItemRow({ item }: { item: TInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isCreditNote = item.kind === 'credit_note';
  return (
    <Table.Tr data-testid="open-item-row">
      <InvoiceNumberCell number={item.number} invoiceId={item.id} />
      <Table.Td>
        {isCreditNote ? (
          <CreditNoteBadge />
        ) : (
          <Group gap={6} wrap="nowrap">
            <Text span size="sm">
              {t('invoiceKind.invoice')}
            </Text>
            {item.status === 'partially_paid' ? (
              <Badge color="yellow" variant="light" size="xs">
                {t('invoiceStatus.partially_paid')}
              </Badge>
            ) : null}
          </Group>
        )}
      </Table.Td>
      <Table.Td className={classes.date}>{format.day(item.issueDate)}</Table.Td>
      <Table.Td className={classes.date}>{format.day(item.dueDate)}</Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={signedAmount(item, item.amount)} currency={item.currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={signedAmount(item, item.openAmount)} currency={item.currency} fw={500} />
      </Table.Td>
      <Table.Td className={classes.number}>
        {isCreditNote ? null : <DaysLateBadge days={item.daysLate} showNotDue />}
      </Table.Td>
    </Table.Tr>
  );
}
