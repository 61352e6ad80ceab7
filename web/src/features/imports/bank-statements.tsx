import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankStatementReport } from '../../../../src/bank/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { CardList } from '../../ui/card-list.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { useIsPhone } from '../../ui/use-is-phone.ts';

/**
 * The statements of an imported file, each with its period, balances and whether they add
 * up: a table, or a card per statement at phone width.
 */
export function BankStatements({ statements }: { statements: readonly TBankStatementReport[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (statements.length === 0) {
    return null;
  }
  if (isPhone) {
    return (
      <CardList
        items={statements.map((statement) => ({ ...statement, id: statement.position }))}
        isStale={false}
        label={t('imports.bank.tableLabel')}
        cardHeight={96}
        testId="bank-statement-cards"
        renderCard={(statement) => <StatementCard key={statement.id} statement={statement} />}
      />
    );
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

/** A statement's opening or closing balance, or a dash when the file gave none. */
function StatementBalance({
  amount,
  currency,
}: {
  amount: { amountCents: number } | null;
  currency: string;
}) {
  const { t } = useTranslation();
  return amount === null ? (
    t('common.none')
  ) : (
    <Amount value={amount.amountCents} currency={currency} />
  );
}

/** From the opening date to the closing one, or a dash. */
function StatementPeriod({ statement }: { statement: TBankStatementReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { opening, closing } = statement;
  return opening === null || closing === null
    ? t('common.none')
    : t('imports.bank.period', { from: format.day(opening.date), to: format.day(closing.date) });
}

/** How many of its lines were new, how many known, and whether it was imported before. */
function StatementLines({ statement }: { statement: TBankStatementReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = (value: number) => ({ count: value, formatted: format.integer(value) });
  return (
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
  );
}

function StatementRow({ statement }: { statement: TBankStatementReport }) {
  const { opening, closing, currency } = statement;
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
        <StatementPeriod statement={statement} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <StatementBalance amount={opening} currency={currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <Amount value={statement.movementsCents} currency={currency} />
      </Table.Td>
      <Table.Td className={classes.number}>
        <StatementBalance amount={closing} currency={currency} />
      </Table.Td>
      <Table.Td data-testid="bank-statement-balance">
        <BalanceCheck statement={statement} />
      </Table.Td>
      <Table.Td>
        <StatementLines statement={statement} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A statement at phone width: its account and whether it adds up on the first line, its
 * period and closing balance on the next, in view without scrolling sideways; the opening
 * balance, the movements and the lines below.
 */
function StatementCard({ statement }: { statement: TBankStatementReport }) {
  const { t } = useTranslation();
  const { opening, closing, currency } = statement;
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="bank-statement-row">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        {/* An IBAN is one long word: it breaks anywhere rather than push the badge out. */}
        <Stack gap={0} miw={0} style={{ overflowWrap: 'anywhere' }}>
          <Text span size="sm" ff="monospace" data-testid="bank-statement-account">
            {statement.account}
          </Text>
          {statement.statementId === null ? null : (
            <Text size="xs" c="dimmed">
              {statement.statementId}
            </Text>
          )}
        </Stack>
        <div data-testid="bank-statement-balance">
          <BalanceCheck statement={statement} />
        </div>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          <StatementPeriod statement={statement} />
        </Text>
        <Text
          span
          size="sm"
          fw={600}
          className={classes.nowrap}
          data-testid="bank-statement-closing"
        >
          <StatementBalance amount={closing} currency={currency} />
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('imports.bank.columns.opening')}{' '}
        <StatementBalance amount={opening} currency={currency} />
        {' · '}
        {t('imports.bank.columns.movements')}{' '}
        <Amount value={statement.movementsCents} currency={currency} />
      </Text>
      <Group mt={4}>
        <StatementLines statement={statement} />
      </Group>
    </Paper>
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
