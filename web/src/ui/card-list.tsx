import { Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list at phone width, a card per item: skeleton cards while the first page loads,
 * the last page dimmed while the next one comes.
 */
export type CardListProps<Item> = {
  items: readonly Item[] | undefined;
  isStale: boolean;
  label: string;
  /** The skeletons' height, about a card's. */
  cardHeight: number;
  testId: string;
  renderCard: (item: Item) => ReactNode;
};

export function CardList<Item extends { id: string }>({
  items,
  isStale,
  label,
  cardHeight,
  testId,
  renderCard,
}: CardListProps<Item>) {
  return (
    <Stack
      gap="xs"
      role="list"
      aria-label={label}
      aria-busy={items === undefined || isStale}
      style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
      data-testid={testId}
    >
      {items === undefined
        ? [0, 1, 2, 3].map((index) => <Skeleton key={index} height={cardHeight} radius="md" />)
        : items.map(renderCard)}
    </Stack>
  );
}
