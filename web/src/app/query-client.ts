import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from '../api.ts';
import { sessionQueryKey, storeSession } from '../features/auth/session.ts';

/** A client error will not fix itself by asking again; a network or server hiccup may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) {
    return false;
  }
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session is gone: forget what we showed and let
  // RequireSession send the user to /login (with the page to come back to).
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) {
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== sessionQueryKey[0],
      });
      storeSession(queryClient, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
