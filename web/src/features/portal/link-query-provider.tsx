import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isWorthRetrying } from '../../ui/error-alert.tsx';

/**
 * A query client of the link pages' own. The app's client reads a 401 as « the session is
 * gone » and clears every query for the sign-in page; here a 401 is a dead link, which the
 * page shows as such, and there is no session to lose. A refusal is not asked again.
 */
export function LinkQueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            retry: (failureCount, error) => failureCount < 2 && isWorthRetrying(error),
          },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
