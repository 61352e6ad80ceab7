import { Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../ui/card-list.tsx';
import { useNavigate } from 'react-router';
import type { TCustomerPage, TCustomerSummary } from '../../../../src/customers/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { EmptyList } from '../../ui/empty-list.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { SortableTh } from '../../ui/sortable-th.tsx';
import { nextSort, type SortOrder } from '../../ui/sorting.ts';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { CustomerStatusBadge } from './customer-badges.tsx';
import { CustomerCard } from './customer-cards.tsx';
import {
  PayerCategoryBadge,
  usePayerCategories,
  type PayerProfileCell,
} from './customer-payer-profile.tsx';
import {
  CustomerCity,
  CustomerCollector,
  CustomerNameLink,
  useCustomerLink,
} from './customer-cells.tsx';
import {
  DESCENDING_FIRST,
  type CustomerListParams,
  type CustomerSort,
} from './customer-list-params.ts';

const COLUMN_COUNT = 9;

type CustomersTableProps = {
  page: TCustomerPage | undefined;
  params: CustomerListParams;
  /** The previous page is shown while the next one loads. */
  isStale: boolean;
  hasFilters: boolean;
  onSort: (sort: { sort: CustomerSort; order: SortOrder }) => void;
  onClearFilters: () => void;
  onFirstPage: () => void;
};

export function CustomersTable({
  page,
  params,
  isStale,
  hasFilters,
  onSort,
  onClearFilters,
  onFirstPage,
}: CustomersTableProps) {
  const { t } = useTranslation();
  const sortProps = {
    sort: params.sort,
    order: params.order,
    onSort: (column: CustomerSort) => onSort(nextSort(params, column, DESCENDING_FIRST)),
  };
  // Phones (below Mantine's `sm`): cards, so name, encours and days late stay in view.
  const isPhone = useIsPhone();
  // The page's payer categories, in one request for its ids.
  const payers = usePayerCategories(page?.items ?? []);
  const profileOf = (customer: TCustomerSummary): PayerProfileCell => ({
    category: payers.categories.get(customer.id),
    thresholds: payers.thresholds,
  });

  if (page !== undefined && page.items.length === 0) {
    return (
      <EmptyList
        title={t('customers.emptyTitle')}
        description={t('customers.emptyText')}
        clearFiltersLabel={t('customers.clearFilters')}
        isPastFirstPage={params.page > 1}
        hasFilters={hasFilters}
        onFirstPage={onFirstPage}
        onClearFilters={onClearFilters}
        data-testid="customers-empty"
      />
    );
  }
  if (isPhone) {
    return (
      <CardList
        items={page?.items}
        isStale={isStale}
        label={t('customers.tableLabel')}
        cardHeight={96}
        testId="customer-cards"
        renderCard={(customer) => (
          <CustomerCard key={customer.id} customer={customer} payer={profileOf(customer)} />
        )}
      />
    );
  }

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        highlightOnHover
        stickyHeader
        aria-label={t('customers.tableLabel')}
        aria-busy={page === undefined || isStale}
        style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
        data-testid="customers-table"
      >
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="code" label={t('customers.columns.code')} {...sortProps} />
            <SortableTh
              column="legal_name"
              label={t('customers.columns.legalName')}
              {...sortProps}
            />
            <Table.Th>{t('customers.columns.city')}</Table.Th>
            <Table.Th>{t('customers.columns.status')}</Table.Th>
            <Table.Th>{t('customers.columns.collector')}</Table.Th>
            <SortableTh
              column="open_amount"
              label={t('customers.columns.openAmount')}
              numeric
              {...sortProps}
            />
            <SortableTh
              column="overdue_amount"
              label={t('customers.columns.overdueAmount')}
              numeric
              {...sortProps}
            />
            <SortableTh
              column="oldest_overdue_days"
              label={t('customers.columns.oldestOverdueDays')}
              numeric
              {...sortProps}
            />
            <Table.Th>{t('payerProfile.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page === undefined ? (
            <TableSkeletonRows rows={12} columns={COLUMN_COUNT} />
          ) : (
            page.items.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} payer={profileOf(customer)} />
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CustomerRow({ customer, payer }: { customer: TCustomerSummary; payer: PayerProfileCell }) {
  const navigate = useNavigate();
  const { to, state } = useCustomerLink(customer.id);
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest('a') !== null) {
      return;
    }
    void navigate(to, { state });
  };
  return (
    <Table.Tr className={classes.clickableRow} onClick={open} data-testid="customer-row">
      <Table.Td className={classes.nowrap}>
        <Text span size="sm" ff="monospace">
          {customer.code}
        </Text>
      </Table.Td>
      <Table.Td>
        <CustomerNameLink customer={customer} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <CustomerCity city={customer.city} />
      </Table.Td>
      <Table.Td>
        <CustomerStatusBadge status={customer.status} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <CustomerCollector collector={customer.collector} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={customer.openAmount} currency={customer.currency} tone="dimmedWhenZero" />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={customer.overdueAmount} currency={customer.currency} tone="overdue" />
      </Table.Td>
      <Table.Td className={classes.number}>
        <DaysLateBadge days={customer.oldestOverdueDays} />
      </Table.Td>
      <Table.Td>
        <PayerCategoryBadge {...payer} />
      </Table.Td>
    </Table.Tr>
  );
}
