import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDisputeSummary } from '../../../../src/disputes/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import { STATUS_COLORS } from './dispute-labels.ts';
import { useCauseLabel } from './use-dispute-words.ts';

/** « En retard » beside a deadline that has passed while the dispute is still open. */
export function OverdueBadge({ dispute }: { dispute: Pick<TDisputeSummary, 'isOverdue'> }) {
  const { t } = useTranslation();
  return dispute.isOverdue ? (
    <Badge color="red" variant="filled" size="xs" data-testid="dispute-overdue">
      {t('disputes.overdue')}
    </Badge>
  ) : null;
}

export function DisputeStatusBadge({ dispute }: { dispute: Pick<TDisputeSummary, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[dispute.status]} variant="light" data-testid="dispute-status">
      {t(`disputes.statuses.${dispute.status}`)}
    </Badge>
  );
}

/**
 * A dispute on the board or in a list: its reference (to its page), the customer, the
 * amount still held back (the disputed amount once resolved), its cause and department,
 * its deadline and whether it is late.
 */
export function DisputeCard({ dispute }: { dispute: TDisputeSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const causeLabel = useCauseLabel();
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      role="listitem"
      data-testid="dispute-card"
      data-reference={dispute.reference}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Anchor
            component={Link}
            to={`/disputes/${dispute.id}`}
            fw={600}
            ff="monospace"
            size="sm"
            data-testid="dispute-card-reference"
          >
            {dispute.reference}
          </Anchor>
          <Text span size="sm" fw={600} data-testid="dispute-card-amount">
            {/* Open: what is held back now; resolved: nothing is, so what was disputed. */}
            <Amount
              value={dispute.status === 'resolved' ? dispute.amountCents : dispute.heldBackCents}
              currency={dispute.currency}
            />
          </Text>
        </Group>
        <Text size="sm" truncate data-testid="dispute-card-customer">
          {dispute.customer.name}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            {dispute.customer.code}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" data-testid="dispute-card-cause">
          {causeLabel(dispute.cause)}
          {' · '}
          {dispute.department?.name ?? t('disputes.noDepartment')}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text
            size="xs"
            c={dispute.isOverdue ? 'red.7' : 'dimmed'}
            data-testid="dispute-card-deadline"
          >
            {dispute.status === 'resolved' && dispute.resolvedOn !== null
              ? t('disputes.resolvedOn', { date: format.day(dispute.resolvedOn) })
              : t('disputes.deadlineOn', { date: format.day(dispute.deadline) })}
          </Text>
          <OverdueBadge dispute={dispute} />
        </Group>
      </Stack>
    </Paper>
  );
}
