import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { TInvoice, TInvoicePage } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { useFormatters } from '../../ui/format.ts';
import { signedAmount } from './invoice-amounts.ts';
import { CreditNoteBadge, INVOICE_STATUS_COLORS, type InvoicePageState } from './invoice-cells.tsx';

/**
 * The list at phone width: a card per item, the three things a collector reads first
 * (number, what is still open, days late) on its first line, in view without scrolling
 * sideways; the customer, due date and status below.
 */
export function InvoiceCards({
  page,
  isStale,
}: {
  page: TInvoicePage | undefined;
  isStale: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      role="list"
      aria-label={t('invoices.tableLabel')}
      aria-busy={page === undefined || isStale}
      style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
      data-testid="invoice-cards"
    >
      {page === undefined
        ? [0, 1, 2, 3].map((index) => <Skeleton key={index} height={72} radius="md" />)
        : page.items.map((invoice) => <InvoiceCard key={invoice.id} invoice={invoice} />)}
    </Stack>
  );
}

function InvoiceCard({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const location = useLocation();
  const isCreditNote = invoice.kind === 'credit_note';
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="invoice-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor
          component={Link}
          to={`/invoices/${encodeURIComponent(invoice.id)}`}
          state={{ backTo: `${location.pathname}${location.search}` } satisfies InvoicePageState}
          ff="monospace"
          size="sm"
          fw={600}
          aria-label={t('invoices.openInvoice', { number: invoice.number })}
          data-testid="invoice-link"
        >
          {invoice.number}
        </Anchor>
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
