import { Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchAllocation } from '../../../../src/bank/matching/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import type { OpenInvoice, ReadMatch } from './match-form-model.ts';

type MatchAmountsProps = {
  invoices: readonly OpenInvoice[];
  isLoading: boolean;
  amounts: Readonly<Record<string, string>>;
  credits: readonly TMatchAllocation[];
  read: ReadMatch;
  lineAmount: number;
  currency: string;
  onAmountChange: (invoiceId: string, text: string) => void;
};

/** The customer's open invoices, an amount each, and what the line leaves unapplied. */
export function MatchAmounts(props: MatchAmountsProps) {
  const { invoices, amounts, credits, read, currency } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  if (props.isLoading) {
    return <Skeleton height={120} radius="sm" />;
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} aria-label={t('cashApplication.edit.invoices')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cashApplication.edit.invoice')}</Table.Th>
            <Table.Th>{t('cashApplication.edit.dueDate')}</Table.Th>
            <Table.Th className={classes.number}>{t('cashApplication.edit.openAmount')}</Table.Th>
            <Table.Th className={classes.number} w={170}>
              {t('cashApplication.edit.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed">
                  {t('cashApplication.edit.noInvoice')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {invoices.map((invoice) => {
            const error = read.errors[invoice.id];
            return (
              <Table.Tr key={invoice.id} data-testid="edit-invoice-row">
                <Table.Td ff="monospace">{invoice.number}</Table.Td>
                <Table.Td className={classes.date}>{format.day(invoice.dueDate)}</Table.Td>
                <Table.Td className={classes.number}>
                  <Amount value={invoice.openAmount} currency={currency} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    inputMode="decimal"
                    value={amounts[invoice.id] ?? ''}
                    onChange={(event) =>
                      props.onAmountChange(invoice.id, event.currentTarget.value)
                    }
                    aria-label={t('cashApplication.edit.amountFor', { number: invoice.number })}
                    error={
                      error === undefined ? undefined : t(`cashApplication.edit.errors.${error}`)
                    }
                    styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                    data-testid="edit-amount"
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {credits.map((part) => (
            <Table.Tr key={`${part.invoiceId}-${part.creditNoteId ?? ''}`}>
              <Table.Td colSpan={3}>
                <Text size="sm" c="dimmed">
                  {t('cashApplication.suggestion.creditNote', {
                    number: part.creditNoteNumber ?? '',
                    invoice: part.invoiceNumber,
                  })}
                </Text>
              </Table.Td>
              <Table.Td className={classes.number}>
                <Amount value={part.amount} currency={currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={3}>{t('cashApplication.edit.allocated')}</Table.Td>
            <Table.Td className={classes.number} data-testid="edit-allocated">
              <Amount value={read.allocated} currency={currency} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr className={classes.totalRow}>
            <Table.Td colSpan={3}>{t('cashApplication.edit.unapplied')}</Table.Td>
            <Table.Td className={classes.number} data-testid="edit-unapplied">
              <Amount value={read.unapplied} currency={currency} />
            </Table.Td>
          </Table.Tr>
          {read.excess > 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="red" role="alert">
                  {t('cashApplication.edit.tooMuch', {
                    excess: format.amount(read.excess, currency),
                    amount: format.amount(props.lineAmount, currency),
                  })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
