import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTimelineEvent } from '../../../../src/audit/schemas.ts';
import { TimelineEventBody } from '../customers/customer-timeline.tsx';
import { actionColor, actionLabelKey } from '../customers/timeline-labels.ts';

/** The dispute's events from the audit trail (opened, routed, answered, resolved), as the server orders them. */
export function DisputeTimeline({ events }: { events: readonly TTimelineEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="dispute-timeline">
      <Title order={2} size="h4" mb="sm">
        {t('disputes.timeline')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.noEvent')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length}>
          {events.map((event) => {
            const labelKey = actionLabelKey(event.action);
            // Timeline.Item must be a direct child: Timeline injects the "active" state into it.
            return (
              <Timeline.Item
                key={event.seq}
                color={actionColor(event.action)}
                title={labelKey === undefined ? event.action : t(labelKey)}
                data-testid="dispute-event"
              >
                <TimelineEventBody event={event} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
