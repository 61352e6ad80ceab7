import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { authenticateRequest, SESSION_COOKIE } from '../http/authenticate.ts';
import type { App } from '../http/types.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { ZProblem } from '../shared/schemas.ts';
import { SESSION_HOURS } from './model.ts';
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

export async function registerAuthRoutes(
  app: App,
  deps: Deps,
  options: { secureCookies: boolean; loginRateLimit: { max: number; timeWindow: string } },
): Promise<void> {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: options.loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZSessionInfo, 401: ZProblem, 429: ZProblem },
      },
    },
    async (request, reply) => {
      const session = await login(deps, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
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
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await authenticateRequest(deps, request);
      await changePassword(deps, request.ctx, request.body);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
