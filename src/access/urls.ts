/**
 * The pages a link opens, and the URL handed out with its token. The token is in the
 * fragment (`#…`): a browser never sends it to a server, so it stays out of access logs and
 * `Referer` headers; the page reads it and sends it in `X-Access-Token`.
 */
import type { AccessLinkAudience } from './model.ts';

/**
 * Where the application is reached from outside, when nobody said (`PUBLIC_URL`, read by
 * the edges that build links: `serve`, the CLI, the daily run): what `encaisse serve`
 * listens on by default.
 */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** The page of each audience: the department's answer, the customer's portal. */
export const ACCESS_LINK_PAGES: Record<AccessLinkAudience, string> = {
  department: '/reponse',
  customer: '/portail',
};

/** The URL of a link's page with its `token`, under `publicUrl` (a trailing slash is dropped). */
export function accessLinkUrl(
  publicUrl: string,
  audience: AccessLinkAudience,
  token: string,
): string {
  return `${publicUrl.replace(/\/+$/, '')}${ACCESS_LINK_PAGES[audience]}#${token}`;
}
