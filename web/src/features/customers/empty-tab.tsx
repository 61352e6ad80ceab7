import { Paper, Text } from '@mantine/core';

/** What a tab of the customer page shows when it has nothing to list. */
export function EmptyTab({ text, testId }: { text: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Text c="dimmed" size="sm" ta="center" data-testid={testId}>
        {text}
      </Text>
    </Paper>
  );
}
