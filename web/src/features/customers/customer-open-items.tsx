import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvoice, TInvoiceTotal } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { CardsWithTotals } from '../../ui/card-totals.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { useFormatters } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { useInvoicePage, useInvoiceTotals } from '../invoices/invoices-api.ts';
import { useDisputedInvoiceIds } from '../invoices/disputes-api.ts';
import { DisputedBadge } from '../invoices/invoice-dispute.tsx';
import { ApprovedMark, useInvoiceApprovals } from './customer-portal.tsx';
import { signedAmount } from '../invoices/invoice-amounts.ts';
import {
  CreditNoteBadge,
  InvoiceNumberCell,
  InvoiceNumberLink,
} from '../invoices/invoice-cells.tsx';
import { EmptyTab } from './empty-tab.tsx';

const PAGE_SIZE = 200;
const COLUMN_COUNT = 7;

/**
 * Unpaid invoices and credit notes, earliest due first, with their totals (overdue
 * included) and an export: a table, or a card per item at phone width.
 */
export function CustomerOpenItems({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const filters = { customerId, status: 'unpaid' };
  const order = { sort: 'due_date', order: 'asc' };
  const items = useInvoicePage({ ...filters, ...order, page, pageSize: PAGE_SIZE });
  // The server's totals cover every open item, not only the page on screen.
  const totals = useInvoiceTotals(filters);
  // Asked beside the list: the ledger's rows do not say which invoices are disputed.
  const disputed = useDisputedInvoiceIds(customerId).data;
  // The invoices the customer approved through the portal: « Approuvée le … ».
  const approvals = useInvoiceApprovals(customerId).data;

  if (items.isError) {
    return <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />;
  }
  if (items.data?.total === 0) {
    return <NoOpenItem customerId={customerId} />;
  }
  const isWhole = items.data !== undefined && items.data.total <= items.data.items.length;
  const isStale = items.isPending || items.isPlaceholderData;
  return (
    <Paper withBorder={!isPhone} radius="md" p={isPhone ? 0 : 'md'}>
      <Group justify="flex-end" mb="sm">
        {/* The invoice list's export, filtered as this tab is: every open item of the customer. */}
        <ExportMenu
          path="/api/invoices/export"
          query={{ ...filters, ...order }}
          testId="open-items-export"
        />
      </Group>
      {isPhone ? (
        <CardsWithTotals
          items={items.data?.items}
          isStale={isStale}
          label={t('customer.openItems.tableLabel')}
          cardHeight={64}
          testId="open-item-cards"
          renderCard={(item) => (
            <OpenItemCard
              key={item.id}
              item={item}
              isDisputed={disputed?.has(item.id) === true}
              approvedAt={approvals?.get(item.id)}
            />
          )}
          totals={totals.data?.totals}
          totalsTestId="open-items-total"
          figuresOf={(total) => [
            {
              label: t('customer.openItems.amount'),
              value: total.amount,
              testId: 'open-items-total-amount',
            },
            {
              label: t('customer.openItems.openAmount'),
              value: total.openAmount,
              testId: 'open-items-total-open',
            },
            {
              label: t('customer.openItems.overdueAmount'),
              value: total.overdueAmount,
              testId: 'open-items-total-overdue',
              tone: 'overdue',
            },
          ]}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table
            highlightOnHover
            aria-label={t('customer.openItems.tableLabel')}
            aria-busy={isStale}
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
                items.data.items.map((item) => (
                  <OpenItemRow
                    key={item.id}
                    item={item}
                    isDisputed={disputed?.has(item.id) === true}
                    approvedAt={approvals?.get(item.id)}
                  />
                ))
              )}
            </Table.Tbody>
            {totals.data === undefined ? null : (
              <Table.Tfoot>
                {totals.data.totals.map((total) => (
                  <OpenItemsTotalRows key={total.currency} total={total} />
                ))}
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
      {items.data === undefined || isWhole ? null : (
        <Pager page={page} pageSize={PAGE_SIZE} total={items.data.total} onChange={setPage} />
      )}
    </Paper>
  );
}

/**
 * The footer of a currency: the amounts and what is still open, then what of it is
 * overdue (invoices past due at the company's today), under the open amounts.
 */
function OpenItemsTotalRows({ total }: { total: TInvoiceTotal }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Tr className={classes.totalRow} data-testid="open-items-total">
        <Table.Td colSpan={4}>{t('common.total')}</Table.Td>
        <Table.Td className={classes.number} data-testid="open-items-total-amount">
          <Amount value={total.amount} currency={total.currency} />
        </Table.Td>
        <Table.Td className={classes.number} data-testid="open-items-total-open">
          <Amount value={total.openAmount} currency={total.currency} />
        </Table.Td>
        <Table.Td />
      </Table.Tr>
      <Table.Tr data-testid="open-items-total-overdue-row">
        <Table.Td colSpan={5} fw={600}>
          {t('customer.openItems.overdueAmount')}
        </Table.Td>
        <Table.Td className={classes.number} fw={600} data-testid="open-items-total-overdue">
          <Amount value={total.overdueAmount} currency={total.currency} tone="overdue" />
        </Table.Td>
        <Table.Td />
      </Table.Tr>
    </>
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

/** Invoice or credit note, and a partly paid, disputed or approved invoice said so. */
function OpenItemKind({ item, isDisputed, approvedAt }: OpenItemProps) {
  const { t } = useTranslation();
  if (item.kind === 'credit_note') {
    return <CreditNoteBadge />;
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {t('invoiceKind.invoice')}
      </Text>
      {item.status === 'partially_paid' ? (
        <Badge color="yellow" variant="light" size="xs">
          {t('invoiceStatus.partially_paid')}
        </Badge>
      ) : null}
      {isDisputed ? <DisputedBadge /> : null}
      <ApprovedMark approvedAt={approvedAt} />
    </Group>
  );
}

type OpenItemProps = { item: TInvoice; isDisputed: boolean; approvedAt: string | undefined };

function OpenItemRow({ item, isDisputed, approvedAt }: OpenItemProps) {
  const format = useFormatters();
  return (
    <Table.Tr data-testid="open-item-row">
      <InvoiceNumberCell number={item.number} invoiceId={item.id} />
      <Table.Td>
        <OpenItemKind item={item} isDisputed={isDisputed} approvedAt={approvedAt} />
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
        {item.kind === 'credit_note' ? null : <DaysLateBadge days={item.daysLate} showNotDue />}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * An open item at phone width: number, what is still open and days late on its first
 * line, in view without scrolling sideways; its kind, due date and amount below.
 */
function OpenItemCard({ item, isDisputed, approvedAt }: OpenItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="open-item-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <InvoiceNumberLink
          number={item.number}
          invoiceId={item.id}
          isBold
          testId="open-item-number"
        />
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" fw={600} data-testid="open-item-card-open">
            <Amount value={signedAmount(item, item.openAmount)} currency={item.currency} />
          </Text>
          {item.kind === 'credit_note' ? null : (
            <Text span data-testid="open-item-card-days">
              <DaysLateBadge days={item.daysLate} showNotDue />
            </Text>
          )}
        </Group>
      </Group>
      {/* Wraps below the kind when a partly paid badge leaves no room beside it. */}
      <Group justify="space-between" gap={4} mt={4}>
        <OpenItemKind item={item} isDisputed={isDisputed} approvedAt={approvedAt} />
        <Text size="xs" c="dimmed" className={classes.nowrap}>
          {t('customer.openItems.dueDate')} {format.day(item.dueDate)} ·{' '}
          <Amount value={signedAmount(item, item.amount)} currency={item.currency} />
        </Text>
      </Group>
    </Paper>
  );
}
