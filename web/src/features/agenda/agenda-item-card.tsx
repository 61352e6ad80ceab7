import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { useFormatters } from '../../ui/format.ts';
import { RiskBadge } from '../customers/customer-badges.tsx';
import { KIND_COLORS } from './agenda-labels.ts';
import { stepDayLabel } from './agenda-model.ts';
import type { TAgendaItem } from './agenda-schemas.ts';
import classes from './agenda.module.css';

type AgendaItemCardProps = {
  ref?: Ref<HTMLDivElement>;
  item: TAgendaItem;
  isSelected: boolean;
  onSelect: () => void;
  onOpen: () => void;
};

/** One action of the day: what it is, for whom, how much and how late, and whose it is. */
export function AgendaItemCard({ ref, item, isSelected, onSelect, onOpen }: AgendaItemCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="sm"
      role="listitem"
      tabIndex={isSelected ? 0 : -1}
      aria-current={isSelected ? 'true' : undefined}
      className={classes.itemCard}
      data-selected={isSelected}
      data-testid="agenda-item"
      data-item-id={item.id}
      data-kind={item.kind}
      onClick={onOpen}
      onFocus={onSelect}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" className={classes.wrap}>
            <Badge color={KIND_COLORS[item.kind]} variant="light" data-testid="agenda-kind">
              {t(`agenda.kinds.${item.kind}`)}
            </Badge>
            <Anchor
              component={Link}
              to={`/customers/${item.customer.id}`}
              fw={600}
              size="sm"
              className={classes.wrap}
              onClick={(event) => event.stopPropagation()}
              data-testid="agenda-customer"
            >
              {item.customer.code} · {item.customer.name}
            </Anchor>
          </Group>
          <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="agenda-total">
            <Amount value={item.totalOpenCents} currency={item.currency} />
          </Text>
        </Group>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <RiskBadge risk={item.customer.riskCategory} />
            {item.step === null ? null : (
              <Text size="xs" c="dimmed" data-testid="agenda-step">
                {stepDayLabel(item.step.day)} ·{' '}
                {t(`agenda.channels.${channelKey(item.step.channel)}`)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('agenda.card.invoices', {
                count: item.invoices.length,
                formatted: format.integer(item.invoices.length),
              })}
            </Text>
          </Group>
          <DaysLateBadge days={item.daysLate} showNotDue />
        </Group>
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed" data-testid="agenda-assignee">
            {item.assignee === null
              ? t('agenda.card.unassigned')
              : t('agenda.card.assignee', { name: item.assignee.name })}
          </Text>
          {item.snoozedUntil === null ? null : (
            <Text size="xs" c="dimmed">
              {t('agenda.card.snoozedUntil', { date: format.day(item.snoozedUntil) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

const CHANNELS = ['email', 'letter', 'sms', 'call', 'task', 'hold', 'litigation'] as const;
type ChannelKey = (typeof CHANNELS)[number];

/** A channel the words know; one the server adds later reads as a task until they do. */
export function channelKey(channel: string): ChannelKey {
  return CHANNELS.find((known) => known === channel) ?? 'task';
}
