import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { authenticateRequest, SESSION_COOKIE } from '../http/authenticate.ts';
import type { App } from '../http/types.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { ZProblem } from '../shared/schemas.ts';
import { SESSION_HOURS } from './model.ts';
import type { PasswordAttempts } from './password-attempts.ts';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZSessionInfo,
  type TSessionInfo,
} from './schemas.ts';
import { changePassword, login, logout, type Session } from './service.ts';

function presentSession(deps: Deps, session: Session): TSessionInfo {
  return {
    user: {
      id: session.user.id,
      email: session.user.email,
      displayName: session.user.displayName,
      role: session.user.role,
    },
    company: {
      id: session.company.id,
      code: session.company.code,
      legalName: session.company.legalName,
      currency: session.company.currency,
      timeZone: session.company.timeZone,
      today: deps.clock.today(session.company.timeZone),
    },
    csrfToken: session.csrfToken,
  };
}

export type AuthRouteOptions = {
  /** Mark the session cookie `Secure` even over plain HTTP (`SECURE_COOKIES=true`). */
  alwaysSecureCookies: boolean;
  passwordAttempts: PasswordAttempts;
};

export async function registerAuthRoutes(
  app: App,
  deps: Deps,
  options: AuthRouteOptions,
): Promise<void> {
  // `request.protocol` is https over TLS, or when a trusted proxy says so (X-Forwarded-Proto).
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.alwaysSecureCookies || request.protocol === 'https',
  });

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZSessionInfo, 401: ZProblem, 429: ZProblem },
      },
    },
    async (request, reply) => {
      const session = await login(deps, options.passwordAttempts, {
        ...request.body,
        address: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(request),
        maxAge: SESSION_HOURS * 3600,
      });
      return presentSession(deps, session);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const session = await authenticateRequest(deps, request);
      if (session) {
        await logout(deps, session);
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and company',
        response: { 200: ZSessionInfo, 401: ZProblem },
      },
    },
    async (request) => {
      const session = await authenticateRequest(deps, request);
      if (!session) {
        throw new UnauthorizedError('An API token has no session: sign in with a user');
      }
      return presentSession(deps, session);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (closes your sessions)',
        body: ZChangePasswordRequest,
        response: { 204: z.null(), 400: ZProblem, 429: ZProblem },
      },
    },
    async (request, reply) => {
      await authenticateRequest(deps, request);
      await changePassword(deps, options.passwordAttempts, request.ctx, {
        ...request.body,
        address: request.ip,
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send(null);
    },
  );
}
