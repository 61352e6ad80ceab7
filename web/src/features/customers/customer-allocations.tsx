import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAllocation } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { CardList } from '../../ui/card-list.tsx';
import { DateAmountLine } from '../../ui/card-lines.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useCustomerAllocations } from './customers-api.ts';
import { UndoAllocationDialog } from './undo-allocation-dialog.tsx';
import { EmptyTab } from './empty-tab.tsx';

/** Who may undo: everyone but read-only users (the server decides in the end). */
function canUndo(role: string): boolean {
  return role !== 'read_only';
}

/** The customer's allocations, newest first: a table, or a card per allocation at phone width. */
export function CustomerAllocations({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const session = useCurrentSession();
  const allocations = useCustomerAllocations(customerId);
  const [toUndo, setToUndo] = useState<TAllocation | null>(null);

  if (allocations.isError) {
    return <ErrorAlert error={allocations.error} onRetry={() => void allocations.refetch()} />;
  }
  if (allocations.data?.items.length === 0) {
    return <EmptyTab text={t('customer.allocations.empty')} />;
  }
  const mayUndo = canUndo(session.user.role);
  const undoOf = (allocation: TAllocation) => (mayUndo ? () => setToUndo(allocation) : undefined);
  if (isPhone) {
    return (
      <>
        <CardList
          items={allocations.data?.items}
          isStale={allocations.isPending}
          label={t('customer.allocations.tableLabel')}
          cardHeight={80}
          testId="allocation-cards"
          renderCard={(allocation) => (
            <AllocationCard
              key={allocation.id}
              allocation={allocation}
              onUndo={undoOf(allocation)}
            />
          )}
        />
        <UndoAllocationDialog allocation={toUndo} onClose={() => setToUndo(null)} />
      </>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Table.ScrollContainer minWidth={720}>
        <Table
          highlightOnHover
          aria-label={t('customer.allocations.tableLabel')}
          aria-busy={allocations.isPending}
          data-testid="allocations-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customer.allocations.allocatedOn')}</Table.Th>
              <Table.Th>{t('customer.allocations.invoice')}</Table.Th>
              <Table.Th>{t('customer.allocations.settledBy')}</Table.Th>
              <Table.Th className={classes.number}>{t('customer.allocations.amount')}</Table.Th>
              <Table.Th>{t('customer.allocations.state')}</Table.Th>
              {mayUndo ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {allocations.data === undefined ? (
              <TableSkeletonRows rows={4} columns={mayUndo ? 6 : 5} />
            ) : (
              allocations.data.items.map((allocation) => (
                <AllocationRow
                  key={allocation.id}
                  allocation={allocation}
                  onUndo={undoOf(allocation)}
                />
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <UndoAllocationDialog allocation={toUndo} onClose={() => setToUndo(null)} />
    </Paper>
  );
}

type AllocationRowProps = { allocation: TAllocation; onUndo: (() => void) | undefined };

function AllocationRow({ allocation, onUndo }: AllocationRowProps) {
  const format = useFormatters();
  const isUndone = allocation.undoneAt !== null;
  return (
    <Table.Tr data-testid="allocation-row" {...(isUndone ? { c: 'dimmed' } : {})}>
      <Table.Td className={classes.date}>{format.day(allocation.allocatedOn)}</Table.Td>
      <Table.Td>
        <AllocatedInvoice allocation={allocation} />
      </Table.Td>
      <Table.Td>
        <SettledBy allocation={allocation} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={allocation.amount} currency={allocation.currency} />
      </Table.Td>
      <Table.Td>
        <AllocationState allocation={allocation} />
      </Table.Td>
      {onUndo === undefined ? null : (
        <Table.Td ta="right">
          {isUndone ? null : <UndoButton allocation={allocation} onUndo={onUndo} />}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/**
 * An allocation at phone width: the day it was made and its amount on the first line, in
 * view without scrolling sideways; the invoice and what settled it, then its state and
 * the way to undo it.
 */
function AllocationCard({ allocation, onUndo }: AllocationRowProps) {
  const isUndone = allocation.undoneAt !== null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      role="listitem"
      data-testid="allocation-row"
      {...(isUndone ? { c: 'dimmed' } : {})}
    >
      <DateAmountLine
        date={allocation.allocatedOn}
        amount={allocation.amount}
        currency={allocation.currency}
        testIdPrefix="allocation-card"
      />
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <AllocatedInvoice allocation={allocation} />
        <Text size="xs" c="dimmed" truncate>
          <SettledBy allocation={allocation} />
        </Text>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <AllocationState allocation={allocation} />
        {onUndo === undefined || isUndone ? null : (
          <UndoButton allocation={allocation} onUndo={onUndo} />
        )}
      </Group>
    </Paper>
  );
}

function AllocatedInvoice({ allocation }: { allocation: TAllocation }) {
  return (
    <Text
      span
      size="sm"
      ff="monospace"
      className={classes.nowrap}
      td={allocation.undoneAt === null ? undefined : 'line-through'}
    >
      {allocation.invoiceNumber}
    </Text>
  );
}

function SettledBy({ allocation }: { allocation: TAllocation }) {
  const { t } = useTranslation();
  return (
    <>
      {allocation.paymentReference === null
        ? t('customer.allocations.creditNote', { number: allocation.creditNoteNumber ?? '' })
        : t('customer.allocations.payment', { reference: allocation.paymentReference })}
    </>
  );
}

function AllocationState({ allocation }: { allocation: TAllocation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  return allocation.undoneAt === null ? (
    <Badge color="teal" variant="light" size="sm">
      {t('customer.allocations.active')}
    </Badge>
  ) : (
    <Text span size="xs" c="dimmed">
      {t('customer.allocations.undone', {
        date: format.dateTime(allocation.undoneAt, session.company.timeZone),
      })}
    </Text>
  );
}

function UndoButton({ allocation, onUndo }: { allocation: TAllocation; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      onClick={onUndo}
      aria-label={t('customer.allocations.undoLabel', { invoice: allocation.invoiceNumber })}
      data-testid="allocation-undo"
    >
      {t('customer.allocations.undo')}
    </Button>
  );
}
