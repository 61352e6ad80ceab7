import { Skeleton, Table } from '@mantine/core';

type TableSkeletonProps = { rows: number; columns: number };

/** Placeholder rows with the table's own rhythm, so the page does not jump when data lands. */
export function TableSkeletonRows({ rows, columns }: TableSkeletonProps) {
  return Array.from({ length: rows }, (_, row) => (
    <Table.Tr key={row} aria-hidden="true">
      {Array.from({ length: columns }, (__, column) => (
        <Table.Td key={column}>
          <Skeleton height={12} radius="sm" width={column === 1 ? '80%' : '60%'} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
