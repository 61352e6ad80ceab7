import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem } from '../../../../src/bank/matching/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { AllocationTable } from './allocation-table.tsx';
import { useUndoBankLineMatch } from './cash-application-api.ts';
import { LineCard } from './line-card.tsx';
import { MatchCustomer } from './match-customer.tsx';
import { MatchReasons } from './match-reasons.tsx';
import { ConfidenceBadge } from './suggestion-summary.tsx';

type AppliedLineCardProps = { item: TBankLineItem; canWrite: boolean };

/**
 * A line applied by the matcher or a person: to whom, which invoices its payment settles
 * (read from the ledger, so a match by hand shows them too), how sure, why, and the way back.
 */
export function AppliedLineCard({ item, canWrite }: AppliedLineCardProps) {
  const { t } = useTranslation();
  const undo = useUndoBankLineMatch();
  const { match, settlement } = item;
  const isAutomatic = match.appliedBy === 'matcher';
  return (
    <LineCard line={item.line}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <MatchCustomer match={match} />
          <Group gap={6} wrap="nowrap">
            <Badge
              variant={isAutomatic ? 'light' : 'outline'}
              color={isAutomatic ? 'teal' : 'blue'}
              radius="sm"
              data-testid="match-applied-by"
            >
              {t(
                isAutomatic
                  ? 'cashApplication.applied.byMatcher'
                  : 'cashApplication.applied.byUser',
              )}
            </Badge>
            {match.confidence === null ? null : <ConfidenceBadge confidence={match.confidence} />}
          </Group>
        </Group>
        {settlement === null ? null : (
          <Stack gap={2} data-testid="match-settlement">
            <Text size="xs" c="dimmed">
              {t('cashApplication.applied.settled')}
            </Text>
            <AllocationTable
              allocations={settlement.allocations}
              unappliedAmount={settlement.unappliedAmount}
              currency={item.line.currency}
              aria-label={t('cashApplication.applied.settled')}
            />
          </Stack>
        )}
        <MatchReasons reasons={match.reasons} />
        {undo.isError ? <ErrorAlert error={undo.error} /> : null}
        {canWrite ? (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="default"
              color="red"
              loading={undo.isPending}
              onClick={() => undo.mutate(item.line.id)}
              data-testid="line-undo"
            >
              {t('cashApplication.actions.undo')}
            </Button>
          </Group>
        ) : null}
        {match.reasons.length === 0 && match.confidence === null ? (
          <Text size="xs" c="dimmed">
            {t('cashApplication.applied.noReason')}
          </Text>
        ) : null}
      </Stack>
    </LineCard>
  );
}
