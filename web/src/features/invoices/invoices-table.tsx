import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../ui/card-list.tsx';
import { Link } from 'react-router';
import type { TInvoice, TInvoicePage } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { EmptyList } from '../../ui/empty-list.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { useFormatters } from '../../ui/format.ts';
import { SortableTh } from '../../ui/sortable-th.tsx';
import { nextSort, type SortOrder } from '../../ui/sorting.ts';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { signedAmount } from './invoice-amounts.ts';
import {
  DESCENDING_FIRST,
  type InvoiceListParams,
  type InvoiceSort,
} from './invoice-list-params.ts';
import { InvoiceCard } from './invoice-cards.tsx';
import { CreditNoteBadge, INVOICE_STATUS_COLORS, InvoiceNumberCell } from './invoice-cells.tsx';

type InvoicesTableProps = {
  page: TInvoicePage | undefined;
  params: InvoiceListParams;
  isStale: boolean;
  hasFilters: boolean;
  onSort: (sort: { sort: InvoiceSort; order: SortOrder }) => void;
  onClearFilters: () => void;
  onFirstPage: () => void;
};

export function InvoicesTable({
  page,
  params,
  isStale,
  hasFilters,
  onSort,
  onClearFilters,
  onFirstPage,
}: InvoicesTableProps) {
  const { t } = useTranslation();
  const sortProps = {
    sort: params.sort,
    order: params.order,
    onSort: (column: InvoiceSort) => onSort(nextSort(params, column, DESCENDING_FIRST)),
  };
  // Phones (below Mantine's `sm`): cards, so number, open amount and days late stay in view.
  const isPhone = useIsPhone();
  if (page !== undefined && page.items.length === 0) {
    return (
      <EmptyList
        title={t('invoices.emptyTitle')}
        description={t('invoices.emptyText')}
        clearFiltersLabel={t('invoices.clearFilters')}
        isPastFirstPage={params.page > 1}
        hasFilters={hasFilters}
        onFirstPage={onFirstPage}
        onClearFilters={onClearFilters}
      />
    );
  }
  if (isPhone) {
    return (
      <CardList
        items={page?.items}
        isStale={isStale}
        label={t('invoices.tableLabel')}
        cardHeight={72}
        testId="invoice-cards"
        renderCard={(invoice) => <InvoiceCard key={invoice.id} invoice={invoice} />}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        highlightOnHover
        stickyHeader
        aria-label={t('invoices.tableLabel')}
        aria-busy={page === undefined || isStale}
        style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
        data-testid="invoices-table"
      >
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="number" label={t('invoices.columns.number')} {...sortProps} />
            <Table.Th>{t('invoices.columns.kind')}</Table.Th>
            <Table.Th>{t('invoices.columns.customer')}</Table.Th>
            <SortableTh
              column="issue_date"
              label={t('invoices.columns.issueDate')}
              {...sortProps}
            />
            <SortableTh column="due_date" label={t('invoices.columns.dueDate')} {...sortProps} />
            <SortableTh
              column="amount"
              label={t('invoices.columns.amount')}
              numeric
              {...sortProps}
            />
            <SortableTh
              column="open_amount"
              label={t('invoices.columns.openAmount')}
              numeric
              {...sortProps}
            />
            <Table.Th className={classes.number}>{t('invoices.columns.daysLate')}</Table.Th>
            <Table.Th>{t('invoices.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page === undefined ? (
            <TableSkeletonRows rows={12} columns={9} />
          ) : (
            page.items.map((invoice) => <InvoiceRow key={invoice.id} invoice={invoice} />)
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InvoiceRow({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isCreditNote = invoice.kind === 'credit_note';
  return (
    <Table.Tr data-testid="invoice-row">
      <InvoiceNumberCell number={invoice.number} invoiceId={invoice.id} />
      <Table.Td>{isCreditNote ? <CreditNoteBadge /> : t('invoiceKind.invoice')}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${invoice.customerId}`} size="sm">
          {invoice.customerName}
        </Anchor>
        <Text span size="xs" c="dimmed" ff="monospace" ml={6}>
          {invoice.customerCode}
        </Text>
      </Table.Td>
      <Table.Td className={classes.date}>{format.day(invoice.issueDate)}</Table.Td>
      <Table.Td className={classes.date}>{format.day(invoice.dueDate)}</Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={signedAmount(invoice, invoice.amount)} currency={invoice.currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount
          value={signedAmount(invoice, invoice.openAmount)}
          currency={invoice.currency}
          tone="dimmedWhenZero"
        />
      </Table.Td>
      <Table.Td className={classes.number}>
        {isCreditNote || invoice.status === 'paid' ? null : (
          <DaysLateBadge days={invoice.daysLate} showNotDue />
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={INVOICE_STATUS_COLORS[invoice.status]} variant="dot" size="sm">
          {t(`invoiceStatus.${invoice.status}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
