import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { TMatchAllocation } from '../../../../src/bank/matching/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import type { InvoicePageState } from '../invoices/invoice-cells.tsx';
import classes from '../../ui/table.module.css';

type AllocationTableProps = {
  allocations: readonly TMatchAllocation[];
  unappliedAmount: number;
  currency: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/**
 * Which invoices get how much (« Facture FA-… », « Avoir AV-… sur la facture FA-… »), each
 * linked to its page, then what stays unapplied on the customer's account: a suggestion's
 * plan, or what an applied line's payment settles.
 */
export function AllocationTable(props: AllocationTableProps) {
  const { allocations, unappliedAmount, currency } = props;
  const { t } = useTranslation();
  const location = useLocation();
  const backTo = { backTo: `${location.pathname}${location.search}` } satisfies InvoicePageState;
  return (
    <Table
      withRowBorders={false}
      verticalSpacing={2}
      horizontalSpacing={0}
      fz="sm"
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
    >
      <Table.Tbody>
        {allocations.map((part) => (
          <Table.Tr key={`${part.invoiceId}-${part.creditNoteId ?? 'cash'}`}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/invoices/${encodeURIComponent(part.invoiceId)}`}
                state={backTo}
                inherit
                c="inherit"
                data-testid="match-invoice"
              >
                {part.creditNoteNumber === null
                  ? t('cashApplication.suggestion.invoice', { number: part.invoiceNumber })
                  : t('cashApplication.suggestion.creditNote', {
                      number: part.creditNoteNumber,
                      invoice: part.invoiceNumber,
                    })}
              </Anchor>
            </Table.Td>
            <Table.Td className={classes.number} data-testid="match-allocation-amount">
              <Amount value={part.amount} currency={currency} />
            </Table.Td>
          </Table.Tr>
        ))}
        {unappliedAmount === 0 ? null : (
          <Table.Tr data-testid="match-unapplied">
            <Table.Td c="dimmed">{t('cashApplication.suggestion.unapplied')}</Table.Td>
            <Table.Td className={classes.number} c="dimmed">
              <Amount value={unappliedAmount} currency={currency} />
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
