import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { useFormatters } from '../../ui/format.ts';
import { signedAmount } from './invoice-amounts.ts';
import { CreditNoteBadge, INVOICE_STATUS_COLORS, InvoiceNumberLink } from './invoice-cells.tsx';

/**
 * An item of the list at phone width (`CardList`): the three things a collector reads first
 * (number, what is still open, days late) on its first line, in view without scrolling
 * sideways; the customer, due date and status below.
 */
export function InvoiceCard({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isCreditNote = invoice.kind === 'credit_note';
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="invoice-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <InvoiceNumberLink
          number={invoice.number}
          invoiceId={invoice.id}
          isBold
          testId="invoice-link"
        />
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" fw={600} data-testid="invoice-card-open">
            <Amount
              value={signedAmount(invoice, invoice.openAmount)}
              currency={invoice.currency}
              tone="dimmedWhenZero"
            />
          </Text>
          {isCreditNote || invoice.status === 'paid' ? null : (
            <DaysLateBadge days={invoice.daysLate} showNotDue />
          )}
        </Group>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <Text size="xs" c="dimmed" truncate>
          {t('invoices.columns.dueDate')} {format.day(invoice.dueDate)} · {invoice.customerName}
        </Text>
        {isCreditNote ? (
          <CreditNoteBadge />
        ) : (
          <Badge color={INVOICE_STATUS_COLORS[invoice.status]} variant="dot" size="xs">
            {t(`invoiceStatus.${invoice.status}`)}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}
