import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankLine } from '../../../../src/bank/matching/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import { formatIban } from './match-form-model.ts';

/** What the bank says of a movement: when, how much, who paid, and the words they wrote. */
export function BankLineFacts({ line }: { line: TBankLine }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap={2} miw={0}>
      <Text size="sm" c="dimmed" data-testid="line-date">
        {format.day(line.bookingDate)}
      </Text>
      <Text fw={700} size="lg" data-testid="line-amount">
        <Amount value={line.amount} currency={line.currency} />
      </Text>
      <Text size="sm" fw={500} truncate data-testid="line-payer">
        {line.counterpartyName ?? t('cashApplication.line.unknownPayer')}
      </Text>
      {line.counterpartyIban === null ? null : (
        <Text size="xs" c="dimmed" ff="monospace" data-testid="line-iban">
          {formatIban(line.counterpartyIban)}
        </Text>
      )}
      <Text
        size="sm"
        c={line.remittanceText === null ? 'dimmed' : 'inherit'}
        style={{ overflowWrap: 'anywhere' }}
        data-testid="line-remittance"
      >
        {line.remittanceText ?? t('cashApplication.line.noRemittance')}
      </Text>
    </Stack>
  );
}
