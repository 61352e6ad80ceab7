import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from './format.ts';

type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
};

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** « 51–100 sur 100 000 » and the page buttons; the page count comes from the server's `total`. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (total === 0) {
    return null;
  }
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" c="dimmed">
        {from <= total
          ? t('paging.range', {
              from: format.integer(from),
              to: format.integer(to),
              total: format.integer(total),
            })
          : null}
      </Text>
      <Pagination
        size="sm"
        total={pageCount(total, pageSize)}
        value={page}
        onChange={onChange}
        withEdges
        siblings={1}
        aria-label={t('paging.label')}
      />
    </Group>
  );
}
