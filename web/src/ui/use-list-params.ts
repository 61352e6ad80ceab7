import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams = { page: number };

export type ListParamsCodec<T extends ListParams> = {
  parse: (search: URLSearchParams) => T;
  /** Leaves defaults out, so a plain list keeps a plain URL. */
  serialize: (params: T) => URLSearchParams;
};

/**
 * A list's filters, sort and page live in the URL query string, so back/forward and a
 * shared link show the same page. Any change other than the page goes back to page 1.
 */
export function useListParams<T extends ListParams>(codec: ListParamsCodec<T>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => codec.parse(searchParams), [codec, searchParams]);
  const update = useCallback(
    (changes: Partial<T>) => {
      setSearchParams((current) =>
        codec.serialize({ ...codec.parse(current), page: 1, ...changes }),
      );
    },
    [codec, setSearchParams],
  );
  return [params, update] as const;
}

export function parsePage(text: string | null): number {
  const page = Number(text);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

export function pickOne<T extends string>(
  text: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.find((value) => value === text);
}
