import { Skeleton } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../ui/error-alert.tsx';

/** What a part of the dashboard knows of its report's request. */
export type Query<T> = {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

/** What a chart shows while its report is asked: an error to retry, a skeleton, or itself. */
export function Loaded<T>({
  query,
  children,
}: {
  query: Query<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return query.data === undefined ? <Skeleton height={220} radius="md" /> : children(query.data);
}
