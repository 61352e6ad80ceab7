import { Button, Group, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem } from '../../../../src/bank/matching/schemas.ts';
import classes from './cash-application.module.css';
import { LineCard } from './line-card.tsx';
import { bestSuggestion } from './match-form-model.ts';
import { SuggestionSummary } from './suggestion-summary.tsx';

type QueuedLineCardProps = {
  ref?: Ref<HTMLDivElement>;
  item: TBankLineItem;
  isSelected: boolean;
  /** Whether the user may change matches (the role's `allocations:write`). */
  canWrite: boolean;
  /** A change to this line is on its way. */
  isBusy: boolean;
  onSelect: () => void;
  onConfirm: () => void;
  onEdit: () => void;
  onSetAside: () => void;
};

/** A line waiting for a person: what the bank says, the best suggestion, and what to do. */
export function QueuedLineCard(props: QueuedLineCardProps) {
  const { ref, item, isSelected, canWrite, isBusy } = props;
  const { t } = useTranslation();
  const best = bestSuggestion(item.match);
  const others = item.match.suggestions.length - 1;
  return (
    <LineCard
      ref={ref}
      line={item.line}
      tabIndex={isSelected ? 0 : -1}
      aria-current={isSelected ? 'true' : undefined}
      className={classes.lineCard}
      data-selected={isSelected}
      onClick={props.onSelect}
      onFocus={props.onSelect}
    >
      <Stack gap="sm" justify="space-between">
        {best === undefined ? (
          <Text size="sm" c="dimmed" data-testid="match-no-suggestion">
            {t('cashApplication.suggestion.none')}
          </Text>
        ) : (
          <Stack gap={4}>
            <SuggestionSummary suggestion={best} currency={item.line.currency} />
            {others > 0 ? (
              <Text size="xs" c="dimmed">
                {t('cashApplication.suggestion.others', { count: others })}
              </Text>
            ) : null}
          </Stack>
        )}
        {canWrite ? (
          <Group gap="xs" justify="flex-end">
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={props.onSetAside}
              disabled={isBusy}
              data-testid="line-set-aside"
            >
              {t('cashApplication.actions.setAside')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={props.onEdit}
              disabled={isBusy}
              data-testid="line-edit"
            >
              {t('cashApplication.actions.edit')}
            </Button>
            <Button
              size="xs"
              onClick={props.onConfirm}
              disabled={best === undefined}
              loading={isBusy}
              data-testid="line-confirm"
            >
              {t('cashApplication.actions.confirm')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </LineCard>
  );
}
