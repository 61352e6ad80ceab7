import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Days late on a scale the eye reads without numbers, following the aged-balance buckets:
 * up to 30 days yellow, 31–60 orange, 61–90 red, beyond 90 solid red.
 */
export function daysLateColor(days: number): string {
  if (days <= 30) {
    return 'yellow';
  }
  if (days <= 60) {
    return 'orange';
  }
  return 'red';
}

type DaysLateBadgeProps = { days: number | null; showNotDue?: boolean };

export function DaysLateBadge({ days, showNotDue = false }: DaysLateBadgeProps) {
  const { t } = useTranslation();
  if (days === null || days <= 0) {
    return showNotDue ? (
      <Text span size="xs" c="dimmed">
        {t('days.notDue')}
      </Text>
    ) : (
      <Text span c="dimmed">
        {t('common.none')}
      </Text>
    );
  }
  return (
    <Badge
      color={daysLateColor(days)}
      variant={days > 90 ? 'filled' : 'light'}
      radius="sm"
      styles={{ label: { fontVariantNumeric: 'tabular-nums' } }}
    >
      {t('days.short', { count: days })}
    </Badge>
  );
}
