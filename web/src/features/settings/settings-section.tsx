import { Paper, Skeleton, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../ui/error-alert.tsx';

/**
 * One of the company's sending settings (SMTP, SMS): its title and what it is for, then
 * its form once the stored settings are read (`null` while none are set), a placeholder
 * meanwhile, or what went wrong with a retry.
 */
export function SettingsSection<Settings>({
  testId,
  title,
  explanation,
  settings,
  placeholderHeight,
  children,
}: {
  testId: string;
  title: string;
  explanation: string;
  settings: UseQueryResult<Settings | null>;
  placeholderHeight: number;
  children: (stored: Settings | null) => ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {explanation}
      </Text>
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data === undefined ? (
        <Skeleton height={placeholderHeight} />
      ) : (
        children(settings.data)
      )}
    </Paper>
  );
}
