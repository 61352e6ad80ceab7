import { Text } from '@mantine/core';
import { useFormatters } from './format.ts';
import classes from './table.module.css';

type AmountProps = {
  value: number;
  currency: string;
  /** `overdue` paints a positive amount red: money that should already be here. */
  tone?: 'plain' | 'overdue' | 'dimmedWhenZero';
  fw?: number;
};

/** An amount in cents, formatted `1 234,56 €`, with tabular digits. */
export function Amount({ value, currency, tone = 'plain', fw }: AmountProps) {
  const format = useFormatters();
  const color =
    tone === 'overdue' && value > 0
      ? 'red.7'
      : tone !== 'plain' && value === 0
        ? 'dimmed'
        : 'inherit';
  return (
    <Text span inherit className={classes.number} c={color} fw={fw}>
      {format.amount(value, currency)}
    </Text>
  );
}
