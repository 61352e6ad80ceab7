export type SortOrder = 'asc' | 'desc';

/**
 * Clicking the active column flips the order; a new column starts in its natural order
 * (amounts and lateness biggest first, names and codes from A).
 */
export function nextSort<TSort extends string>(
  current: { sort: TSort; order: SortOrder },
  column: TSort,
  descendingFirst: ReadonlySet<TSort>,
): { sort: TSort; order: SortOrder } {
  if (current.sort === column) {
    return { sort: column, order: current.order === 'asc' ? 'desc' : 'asc' };
  }
  return { sort: column, order: descendingFirst.has(column) ? 'desc' : 'asc' };
}
