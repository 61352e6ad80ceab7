import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A part of the dashboard: its frame, its title, what a click does (not printed), itself. */
export function ChartCard({
  title,
  hint,
  testId,
  children,
}: {
  title: string;
  hint?: string | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb={hint === undefined ? 'sm' : 0}>
        {title}
      </Title>
      {hint === undefined ? null : (
        <Text size="xs" c="dimmed" mb="sm" className="print-hidden">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
