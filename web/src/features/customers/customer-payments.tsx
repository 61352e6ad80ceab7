import { Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPayment } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { CodeCaption, DateAmountLine } from '../../ui/card-lines.tsx';
import { CardsWithTotals } from '../../ui/card-totals.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { useFormatters } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { usePaymentPage, usePaymentTotals } from '../payments/payments-api.ts';
import { isPaymentMethod } from './customer-labels.ts';
import { EmptyTab } from './empty-tab.tsx';

const PAGE_SIZE = 50;

/**
 * The customer's payments, newest first, with the totals of them all (every page, from
 * the server) and an export: a table, or a card per payment at phone width.
 */
export function CustomerPayments({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const filters = { customerId };
  const payments = usePaymentPage({ ...filters, page, pageSize: PAGE_SIZE });
  const totals = usePaymentTotals(filters);

  if (payments.isError) {
    return <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />;
  }
  if (payments.data?.total === 0) {
    return <EmptyTab text={t('customer.payments.empty')} />;
  }
  const isStale = payments.isPending || payments.isPlaceholderData;
  return (
    <Paper withBorder={!isPhone} radius="md" p={isPhone ? 0 : 'md'}>
      <Group justify="flex-end" mb="sm">
        <ExportMenu path="/api/payments/export" query={filters} testId="payments-export" />
      </Group>
      {isPhone ? (
        <CardsWithTotals
          items={payments.data?.items}
          isStale={isStale}
          label={t('customer.payments.tableLabel')}
          cardHeight={56}
          testId="payment-cards"
          renderCard={(payment) => <PaymentCard key={payment.id} payment={payment} />}
          totals={totals.data?.totals}
          totalsTestId="payments-total"
          figuresOf={(total) => [
            {
              label: t('customer.payments.amount'),
              value: total.amount,
              testId: 'payments-total-amount',
            },
            {
              label: t('customer.payments.unapplied'),
              value: total.unappliedAmount,
              testId: 'payments-total-unapplied',
            },
          ]}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            highlightOnHover
            aria-label={t('customer.payments.tableLabel')}
            aria-busy={isStale}
            data-testid="payments-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer.payments.receivedOn')}</Table.Th>
                <Table.Th>{t('customer.payments.reference')}</Table.Th>
                <Table.Th>{t('customer.payments.method')}</Table.Th>
                <Table.Th className={classes.number}>{t('customer.payments.amount')}</Table.Th>
                <Table.Th className={classes.number}>{t('customer.payments.unapplied')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.data === undefined ? (
                <TableSkeletonRows rows={5} columns={5} />
              ) : (
                payments.data.items.map((payment) => (
                  <PaymentRow key={payment.id} payment={payment} />
                ))
              )}
            </Table.Tbody>
            {totals.data === undefined ? null : (
              <Table.Tfoot>
                {totals.data.totals.map(({ currency, amount, unappliedAmount }) => (
                  <Table.Tr
                    key={currency}
                    className={classes.totalRow}
                    data-testid="payments-total"
                  >
                    <Table.Td colSpan={3}>{t('common.total')}</Table.Td>
                    <Table.Td className={classes.number} data-testid="payments-total-amount">
                      <Amount value={amount} currency={currency} />
                    </Table.Td>
                    <Table.Td className={classes.number} data-testid="payments-total-unapplied">
                      <Amount value={unappliedAmount} currency={currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
      {payments.data === undefined ? null : (
        <Pager page={page} pageSize={PAGE_SIZE} total={payments.data.total} onChange={setPage} />
      )}
    </Paper>
  );
}

function PaymentMethod({ method }: { method: string }) {
  const { t } = useTranslation();
  return <>{isPaymentMethod(method) ? t(`paymentMethod.${method}`) : method}</>;
}

/** Cash still to apply stands out; a payment wholly applied shows its 0 dimmed. */
function UnappliedAmount({ payment }: { payment: TPayment }) {
  return (
    <Text span inherit c={payment.unappliedAmount > 0 ? 'blue.7' : 'dimmed'} fw={500}>
      <Amount value={payment.unappliedAmount} currency={payment.currency} />
    </Text>
  );
}

function PaymentRow({ payment }: { payment: TPayment }) {
  const format = useFormatters();
  return (
    <Table.Tr data-testid="payment-row">
      <Table.Td className={classes.date}>{format.day(payment.receivedOn)}</Table.Td>
      <Table.Td>
        <Text span size="sm" ff="monospace">
          {payment.reference}
        </Text>
      </Table.Td>
      <Table.Td>
        <PaymentMethod method={payment.method} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={payment.amount} currency={payment.currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <UnappliedAmount payment={payment} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A payment at phone width: the date it came and its amount on the first line, in view
 * without scrolling sideways; its reference, method and what is still unapplied below.
 */
function PaymentCard({ payment }: { payment: TPayment }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="payment-row">
      <DateAmountLine
        date={payment.receivedOn}
        amount={payment.amount}
        currency={payment.currency}
        testIdPrefix="payment-card"
      />
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <CodeCaption code={payment.reference}>
          <PaymentMethod method={payment.method} />
        </CodeCaption>
        <Text size="xs" className={classes.nowrap}>
          {t('customer.payments.unapplied')} <UnappliedAmount payment={payment} />
        </Text>
      </Group>
    </Paper>
  );
}
