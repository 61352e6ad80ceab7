import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Amount } from './amount.tsx';
import { CardList, type CardListProps } from './card-list.tsx';

/** One figure of a list's totals: its label, its amount, and the test id of the amount. */
export type TotalFigure = { label: string; value: number; testId: string; tone?: 'overdue' };

/**
 * A list's totals under its cards at phone width (`CardList`), one block per currency:
 * what the table's footer shows on a wider screen, a figure per line so none is cut.
 */
export function CardTotals({
  currency,
  figures,
  testId,
}: {
  currency: string;
  figures: readonly TotalFigure[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      px="sm"
      py={8}
      bg="var(--mantine-color-gray-0)"
      data-testid={testId}
      data-currency={currency}
    >
      <Text size="sm" fw={600}>
        {t('common.total')} · {currency}
      </Text>
      <Stack gap={2} mt={4}>
        {figures.map((figure) => (
          <Group key={figure.testId} justify="space-between" wrap="nowrap" gap="xs">
            <Text span size="sm" c="dimmed">
              {figure.label}
            </Text>
            <Text span size="sm" fw={600} data-testid={figure.testId}>
              <Amount
                value={figure.value}
                currency={currency}
                {...(figure.tone ? { tone: figure.tone } : {})}
              />
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * A list at phone width with its totals: a card per item (`CardList`), then the totals of
 * each currency (`CardTotals`), whose figures `figuresOf` picks.
 */
export function CardsWithTotals<Item extends { id: string }, Total extends { currency: string }>({
  totals,
  totalsTestId,
  figuresOf,
  ...cards
}: CardListProps<Item> & {
  totals: readonly Total[] | undefined;
  totalsTestId: string;
  figuresOf: (total: Total) => readonly TotalFigure[];
}) {
  return (
    <Stack gap="xs">
      <CardList {...cards} />
      {totals?.map((total) => (
        <CardTotals
          key={total.currency}
          currency={total.currency}
          testId={totalsTestId}
          figures={figuresOf(total)}
        />
      ))}
    </Stack>
  );
}
