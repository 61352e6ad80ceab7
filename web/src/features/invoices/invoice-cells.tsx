import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from '../../ui/table.module.css';

/** An invoice or credit note number, in a table cell, as printed on the document. */
export function InvoiceNumberCell({ number }: { number: string }) {
  return (
    <Table.Td className={classes.nowrap}>
      <Text span size="sm" ff="monospace">
        {number}
      </Text>
    </Table.Td>
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
