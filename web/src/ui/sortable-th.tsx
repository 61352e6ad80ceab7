import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from './sorting.ts';
import classes from './table.module.css';

type SortableThProps<TSort extends string> = {
  column: TSort;
  label: string;
  sort: TSort;
  order: SortOrder;
  onSort: (column: TSort) => void;
  numeric?: boolean;
};

/** A column header that sorts on the server when clicked; `aria-sort` tells screen readers. */
export function SortableTh<TSort extends string>({
  column,
  label,
  sort,
  order,
  onSort,
  numeric = false,
}: SortableThProps<TSort>) {
  const { t } = useTranslation();
  const isActive = sort === column;
  const ariaSort = isActive ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort} className={numeric ? classes.number : undefined}>
      <UnstyledButton
        className={classes.sortButton}
        onClick={() => onSort(column)}
        title={t('sorting.sortBy', { column: label })}
      >
        {label}
        <span
          aria-hidden="true"
          className={`${classes.sortIcon} ${isActive ? classes.sortIconActive : ''}`}
        >
          {isActive ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
