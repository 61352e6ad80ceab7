import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import classes from '../../ui/table.module.css';

export const INVOICE_STATUS_COLORS: Readonly<Record<TInvoice['status'], string>> = {
  open: 'blue',
  partially_paid: 'yellow',
  paid: 'teal',
};

/** Where the invoice page's back link returns: the list or page the number was clicked on. */
export type InvoicePageState = { backTo: string };

export function isInvoicePageState(state: unknown): state is InvoicePageState {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as { backTo?: unknown }).backTo === 'string'
  );
}

/**
 * An invoice or credit note number, in a table cell, as printed on the document; with
 * `invoiceId`, a link to its page that remembers the way back (filters included).
 */
export function InvoiceNumberCell({ number, invoiceId }: { number: string; invoiceId?: string }) {
  return (
    <Table.Td className={classes.nowrap}>
      {invoiceId === undefined ? (
        <Text span size="sm" ff="monospace">
          {number}
        </Text>
      ) : (
        <InvoiceNumberLink number={number} invoiceId={invoiceId} testId="invoice-link" />
      )}
    </Table.Td>
  );
}

/**
 * An invoice or credit note number as printed on the document, a link to its page that
 * remembers the way back (filters included); bold on a card, where it heads the item.
 */
export function InvoiceNumberLink({
  number,
  invoiceId,
  isBold = false,
  testId,
}: {
  number: string;
  invoiceId: string;
  isBold?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Anchor
      component={Link}
      to={`/invoices/${encodeURIComponent(invoiceId)}`}
      state={{ backTo: `${location.pathname}${location.search}` } satisfies InvoicePageState}
      size="sm"
      ff="monospace"
      fw={isBold ? 600 : undefined}
      aria-label={t('invoices.openInvoice', { number })}
      data-testid={testId}
    >
      {number}
    </Anchor>
  );
}

/** Marks a credit note among invoices. */
export function CreditNoteBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="blue" variant="light" size="sm">
      {t('invoiceKind.credit_note')}
    </Badge>
  );
}
