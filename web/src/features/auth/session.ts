import { useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ZSessionInfo, type TSessionInfo } from '../../../../src/auth/schemas.ts';
import { ApiError, apiGet, rememberCsrfToken } from '../../api.ts';
import { changeLanguage, i18n } from '../../i18n/i18n.ts';
import { toLanguage } from '../../../../src/shared/language.ts';

export const sessionQueryKey = ['session'] as const;

/**
 * The signed-in user's language, once they chose one, is the interface's (and so the
 * Accept-Language the app sends): signing in on a new browser starts in it. A user who
 * never chose keeps this browser's language.
 */
async function followUserLanguage(session: TSessionInfo | null): Promise<void> {
  const language = session?.user.language ?? null;
  if (language !== null && language !== toLanguage(i18n.resolvedLanguage)) {
    await changeLanguage(language);
  }
}

/** The signed-in session, or `null` when the cookie is missing or expired (401). */
async function fetchSession(): Promise<TSessionInfo | null> {
  try {
    const session = await apiGet('/api/auth/me', ZSessionInfo);
    rememberCsrfToken(session.csrfToken);
    await followUserLanguage(session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function storeSession(queryClient: QueryClient, session: TSessionInfo | null): void {
  rememberCsrfToken(session?.csrfToken);
  // The resources are bundled: the switch is done before the next render.
  void followUserLanguage(session);
  queryClient.setQueryData(sessionQueryKey, session);
}

export const SessionContext = createContext<TSessionInfo | null>(null);

/** The session of the signed-in user; only inside `RequireSession`. */
export function useCurrentSession(): TSessionInfo {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useCurrentSession() used outside RequireSession');
  }
  return session;
}
