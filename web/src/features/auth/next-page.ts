const DEFAULT_PAGE = '/customers';

/**
 * Where to go after login: the page that was asked, if it is a path of this application;
 * never `//evil.example` nor an absolute URL (an open redirect), never the login itself.
 */
export function safeNextPage(next: string | null): string {
  if (
    next === null ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    next === '/login' ||
    next.startsWith('/login?')
  ) {
    return DEFAULT_PAGE;
  }
  return next;
}
