import { useMediaQuery } from '@mantine/hooks';

/**
 * Phones: below Mantine's `sm` (48em), where a list shows a card per row (`CardList`) so
 * that its key figures stay in view without scrolling sideways. Read at the first render,
 * so a phone never draws the table first.
 */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
}
