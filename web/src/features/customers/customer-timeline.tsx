import { Paper, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTimelineEvent } from '../../../../src/audit/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useCustomerEvents } from './customers-api.ts';
import { actionColor, actionLabelKey, eventFacts } from './timeline-labels.ts';
import { EmptyTab } from './empty-tab.tsx';

/** The customer's history from the audit trail, newest first. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const events = useCustomerEvents(customerId);

  if (events.isError) {
    return <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  }
  if (events.data === undefined) {
    return (
      <Paper withBorder radius="md" p="md">
        <Stack gap="md" aria-hidden="true">
          {[0, 1, 2].map((index) => (
            <Skeleton key={index} height={32} width="50%" />
          ))}
        </Stack>
      </Paper>
    );
  }
  if (events.data.items.length === 0) {
    return <EmptyTab text={t('customer.timeline.empty')} />;
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Timeline
        bulletSize={14}
        lineWidth={2}
        active={events.data.items.length}
        aria-label={t('customer.timeline.label')}
      >
        {events.data.items.map((event) => {
          const labelKey = actionLabelKey(event.action);
          // Timeline.Item must be a direct child: Timeline injects the "active" state into it.
          return (
            <Timeline.Item
              key={event.seq}
              color={actionColor(event.action)}
              title={labelKey === undefined ? event.action : t(labelKey)}
              data-testid="timeline-event"
            >
              <TimelineEventBody event={event} />
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

/** An event's facts, when and by whom: the line under its label. */
export function TimelineEventBody({ event }: { event: TTimelineEvent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const facts = eventFacts(event.data);
  const actor = event.actor.name ?? t('customer.timeline.system');
  const details = [
    facts.reference,
    facts.amount === undefined || facts.currency === undefined
      ? undefined
      : format.amount(facts.amount, facts.currency),
  ].filter((detail) => detail !== undefined);
  return (
    <>
      {details.length === 0 ? null : <Text size="sm">{details.join(' · ')}</Text>}
      <Text size="xs" c="dimmed">
        {format.dateTime(event.occurredAt, session.company.timeZone)} ·{' '}
        {t('customer.timeline.by', { actor })}
      </Text>
    </>
  );
}
