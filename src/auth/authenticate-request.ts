import type { FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps.ts';
import { authenticateApiToken } from './api-tokens.ts';
import { authenticateSession, userContext, type Session } from './service.ts';
import { ForbiddenError, UnauthorizedError } from '../shared/errors.ts';

export const SESSION_COOKIE = 'encaisse_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a Bearer API token (integrations) or the session
 * cookie (the web app). Cookie-authenticated requests that change data must
 * echo the session's CSRF token in `x-csrf-token`: a cross-site form cannot.
 */
export async function authenticateRequest(
  deps: Deps,
  request: FastifyRequest,
): Promise<Session | undefined> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) {
      throw new UnauthorizedError('bearer_malformed');
    }
    const { company: _company, ...ctx } = await authenticateApiToken(deps, match[1]);
    request.ctx = ctx;
    // A token acts as itself, not as the user who issued it: it has no language of its own.
    request.userLanguage = null;
    return undefined;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) {
    throw new UnauthorizedError();
  }
  const session = await authenticateSession(deps, token);
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new ForbiddenError('csrf_refused');
  }
  request.ctx = userContext(session.user);
  request.userLanguage = session.user.language;
  return session;
}
