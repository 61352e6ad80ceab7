import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankStatementReport } from '../../../../src/bank/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';

/** The statements of an imported file, each with its period, balances and whether they add up. */
export function BankStatements({ statements }: { statements: readonly TBankStatementReport[] }) {
  const { t } = useTranslation();
  if (statements.length === 0) {
    return null;
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label={t('imports.bank.tableLabel')} data-testid="bank-statements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.bank.columns.account')}</Table.Th>
            <Table.Th>{t('imports.bank.columns.period')}</Table.Th>
            <Table.Th className={classes.number}>{t('imports.bank.columns.opening')}</Table.Th>
            <Table.Th className={classes.number}>{t('imports.bank.columns.movements')}</Table.Th>
            <Table.Th className={classes.number}>{t('imports.bank.columns.closing')}</Table.Th>
            <Table.Th>{t('imports.bank.columns.balance')}</Table.Th>
            <Table.Th>{t('imports.bank.columns.lines')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statements.map((statement) => (
            <StatementRow key={statement.position} statement={statement} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatementRow({ statement }: { statement: TBankStatementReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = (value: number) => ({ count: value, formatted: format.integer(value) });
  const { opening, closing, currency } = statement;
  const balance = (amount: { amountCents: number } | null) =>
    amount === null ? t('common.none') : <Amount value={amount.amountCents} currency={currency} />;
  return (
    <Table.Tr data-testid="bank-statement-row">
      <Table.Td>
        <Text span size="sm" ff="monospace">
          {statement.account}
        </Text>
        {statement.statementId === null ? null : (
          <Text size="xs" c="dimmed">
            {statement.statementId}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        {opening === null || closing === null
          ? t('common.none')
          : t('imports.bank.period', {
              from: format.day(opening.date),
              to: format.day(closing.date),
            })}
      </Table.Td>
      <Table.Td className={classes.number}>{balance(opening)}</Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={statement.movementsCents} currency={currency} />
      </Table.Td>
      <Table.Td className={classes.number}>{balance(closing)}</Table.Td>
      <Table.Td data-testid="bank-statement-balance">
        <BalanceCheck statement={statement} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text span size="sm">
            {t('imports.bank.linesNew', count(statement.linesNew))},{' '}
            {t('imports.bank.linesKnown', count(statement.linesKnown))}
          </Text>
          {statement.isNew ? null : (
            <Badge size="xs" variant="outline" color="gray">
              {t('imports.bank.alreadyImported')}
            </Badge>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Whether opening + movements = closing: balanced, flagged with the difference, or not checkable. */
function BalanceCheck({ statement }: { statement: TBankStatementReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (statement.balanced === null) {
    return (
      <Badge color="gray" variant="light">
        {t('imports.bank.unchecked')}
      </Badge>
    );
  }
  if (statement.balanced) {
    return (
      <Badge color="teal" variant="light">
        {t('imports.bank.balanced')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="red" variant="light">
        {t('imports.bank.unbalanced')}
      </Badge>
      {statement.differenceCents === null ? null : (
        <Text size="xs" c="red.8" className={classes.nowrap}>
          {t('imports.bank.difference', {
            amount: format.amount(statement.differenceCents, statement.currency),
          })}
        </Text>
      )}
    </Stack>
  );
}
