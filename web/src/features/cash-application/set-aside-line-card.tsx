import { Badge, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem } from '../../../../src/bank/matching/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useSetBankLineAside } from './cash-application-api.ts';
import { LineCard } from './line-card.tsx';

type SetAsideLineCardProps = { item: TBankLineItem; canWrite: boolean };

/**
 * A line that settles no receivable: set aside by a person (who may put it back), money
 * going out, or a movement the bank took back (both told by the statement itself).
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
            `cashApplication.setAside.status.${status === 'reversal' || status === 'outgoing' ? status : 'ignored'}`,
          )}
        </Badge>
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
