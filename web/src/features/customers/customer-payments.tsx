import { Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPayment } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { usePaymentPage } from '../payments/payments-api.ts';
import { isPaymentMethod } from './customer-labels.ts';
import { EmptyTab } from './empty-tab.tsx';

const PAGE_SIZE = 50;

export function CustomerPayments({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const payments = usePaymentPage({ customerId, page, pageSize: PAGE_SIZE });

  if (payments.isError) {
    return <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />;
  }
  if (payments.data?.total === 0) {
    return <EmptyTab text={t('customer.payments.empty')} />;
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Table.ScrollContainer minWidth={640}>
        <Table
          highlightOnHover
          aria-label={t('customer.payments.tableLabel')}
          aria-busy={payments.isPending || payments.isPlaceholderData}
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
        </Table>
      </Table.ScrollContainer>
      {payments.data === undefined ? null : (
        <Pager page={page} pageSize={PAGE_SIZE} total={payments.data.total} onChange={setPage} />
      )}
    </Paper>
  );
}

function PaymentRow({ payment }: { payment: TPayment }) {
  const { t } = useTranslation();
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
        {isPaymentMethod(payment.method) ? t(`paymentMethod.${payment.method}`) : payment.method}
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={payment.amount} currency={payment.currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Text span inherit c={payment.unappliedAmount > 0 ? 'blue.7' : 'dimmed'} fw={500}>
          <Amount value={payment.unappliedAmount} currency={payment.currency} />
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
