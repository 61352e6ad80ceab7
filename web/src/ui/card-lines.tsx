import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Amount } from './amount.tsx';
import { useFormatters } from './format.ts';
import classes from './table.module.css';

/**
 * The first line of a card whose item is a dated amount (a payment, an allocation): the
 * day and the amount, in view without scrolling sideways. The test ids are
 * `<testIdPrefix>-date` and `<testIdPrefix>-amount`.
 */
export function DateAmountLine({
  date,
  amount,
  currency,
  testIdPrefix,
}: {
  date: string;
  amount: number;
  currency: string;
  testIdPrefix: string;
}) {
  const format = useFormatters();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text span size="sm" className={classes.date} data-testid={`${testIdPrefix}-date`}>
        {format.day(date)}
      </Text>
      <Text span size="sm" fw={600} data-testid={`${testIdPrefix}-amount`}>
        <Amount value={amount} currency={currency} />
      </Text>
    </Group>
  );
}

/** A card's dimmed caption: a code in monospace, then what goes with it (`code · detail`). */
export function CodeCaption({ code, children }: { code: string; children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" truncate>
      <Text span inherit ff="monospace">
        {code}
      </Text>
      {' · '}
      {children}
    </Text>
  );
}
