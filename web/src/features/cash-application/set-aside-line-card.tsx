import { Badge, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem } from '../../../../src/bank/matching/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useSetBankLineAside } from './cash-application-api.ts';
import { LineCard } from './line-card.tsx';
import { MatchReasons } from './match-reasons.tsx';

type SetAsideLineCardProps = { item: TBankLineItem; canWrite: boolean };

/**
 * A line that settles no receivable: set aside by a person (who may put it back), money
 * going out, a movement the bank took back (both told by the statement itself), or a
 * transfer the bank took back later, its payment voided.
 */
export function SetAsideLineCard({ item, canWrite }: SetAsideLineCardProps) {
  const { t } = useTranslation();
  const requeue = useSetBankLineAside();
  const { status } = item.match;
  return (
    <LineCard line={item.line}>
      <Stack gap="xs" align="flex-end">
        <Badge variant="light" color="gray" radius="sm">
          {t(
            `cashApplication.setAside.status.${status === 'reversal' || status === 'outgoing' || status === 'reversed' ? status : 'ignored'}`,
          )}
        </Badge>
        {item.match.reasons.length > 0 ? <MatchReasons reasons={item.match.reasons} /> : null}
        {requeue.isError ? <ErrorAlert error={requeue.error} /> : null}
        {canWrite && status === 'ignored' ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={requeue.isPending}
              onClick={() => requeue.mutate({ lineId: item.line.id, aside: false })}
              data-testid="line-requeue"
            >
              {t('cashApplication.actions.requeue')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </LineCard>
  );
}
