import type { FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { authenticateAccessLink, type AccessLink, type AccessLinkAudience } from './service.ts';

/** The header a link's page sends its token in (the token is in the URL's fragment, never sent by the browser itself). */
export const ACCESS_TOKEN_HEADER = 'x-access-token';

/**
 * Resolves the holder of an access link from `X-Access-Token` and sets `request.ctx` (an
 * `onRequest` hook of the link's routes, registered outside the session's scope). A link
 * of another audience than `audience` is refused as `link_invalid`: a customer's token
 * opens no dispute page, and the other way round. A session cookie or a Bearer token is
 * never looked at: these routes know only links.
 */
export async function authenticateLinkRequest(
  deps: Deps,
  request: FastifyRequest,
  audience: AccessLinkAudience,
): Promise<AccessLink> {
  const header = request.headers[ACCESS_TOKEN_HEADER];
  const token = typeof header === 'string' ? header.trim() : '';
  if (token === '') {
    throw new UnauthorizedError('link_invalid');
  }
  const { ctx, link } = await authenticateAccessLink(deps, token, deps.clock.now(), {
    ip: request.ip,
  });
  if (link.audience !== audience) {
    throw new UnauthorizedError('link_invalid');
  }
  request.ctx = ctx;
  // A link's holder has no language of its own: the request's Accept-Language decides.
  request.userLanguage = null;
  return link;
}
