import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';

/** A line of a drill-down: a document, its customer, due date, one figure of its own, what is open. */
export type InvoiceLine = {
  id: string;
  /** A payment has no page of its own: its reference is not a link. */
  isInvoice: boolean;
  number: string;
  customer: { id: string; code: string; name: string };
  dueDate: string | null;
  figure: ReactNode;
  openCents: number;
  currency: string;
};

/**
 * The documents behind a chart's mark, each leading to its page and its customer's: the
 * aged balance's cell shows how late each one is, the forecast's week when it is expected.
 */
export function InvoiceLines({
  lines,
  figureHeading,
  empty,
}: {
  lines: InvoiceLine[];
  figureHeading: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (lines.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl">
        <Text>{empty}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.overdue.invoice')}</Table.Th>
              <Table.Th>{t('dashboard.overdue.customer')}</Table.Th>
              <Table.Th>{t('dashboard.overdue.due')}</Table.Th>
              <Table.Th>{figureHeading}</Table.Th>
              <Table.Th className={classes.number}>{t('dashboard.overdue.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.id} data-testid="drill-down-line">
                <Table.Td className={classes.nowrap}>
                  {line.isInvoice ? (
                    <Link to={`/invoices/${line.id}`}>{line.number}</Link>
                  ) : (
                    line.number
                  )}
                </Table.Td>
                <Table.Td>
                  <Link to={`/customers/${line.customer.id}`}>
                    {line.customer.code} · {line.customer.name}
                  </Link>
                </Table.Td>
                <Table.Td className={classes.date}>
                  {line.dueDate === null ? '' : format.day(line.dueDate)}
                </Table.Td>
                <Table.Td>{line.figure}</Table.Td>
                <Table.Td className={classes.number}>
                  <Amount value={line.openCents} currency={line.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
