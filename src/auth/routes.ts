import type { FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps.ts';
import { authenticateRequest, SESSION_COOKIE } from './authenticate-request.ts';
import { answer, noContent, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import { UnauthorizedError } from '../shared/errors.ts';
import { SESSION_HOURS } from './model.ts';
import type { PasswordAttempts } from './password-attempts.ts';
import {
  ZChangeLanguageRequest,
  ZChangePasswordRequest,
  ZLoginRequest,
  ZSessionInfo,
  type TSessionInfo,
} from './schemas.ts';
import { changeOwnLanguage, changePassword, login, logout, type Session } from './service.ts';

function presentSession(deps: Deps, session: Session): TSessionInfo {
  return {
    user: {
      id: session.user.id,
      email: session.user.email,
      displayName: session.user.displayName,
      role: session.user.role,
      language: session.user.language,
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
        operationId: 'signIn',
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        // The one route that asks for no session or token (the document's default asks for one).
        security: [],
        body: ZLoginRequest,
        response: {
          200: answer('Signed in: the user, the company and the CSRF token', ZSessionInfo),
          ...problems(400, 401, 429),
        },
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
    {
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'Sign out',
        response: {
          204: noContent('Signed out: the session is closed and its cookie cleared'),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const session = await authenticateRequest(deps, request);
      if (session) {
        await logout(deps, session);
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'The signed-in user and company',
        response: {
          200: answer('The signed-in user, the company and the CSRF token', ZSessionInfo),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const session = await authenticateRequest(deps, request);
      if (!session) {
        throw new UnauthorizedError('api_token_has_no_session');
      }
      return presentSession(deps, session);
    },
  );

  app.put(
    '/auth/me/language',
    {
      schema: {
        operationId: 'changeOwnLanguage',
        tags: ['auth'],
        summary: 'Set your own language (the web starts in it; the API speaks it by default)',
        body: ZChangeLanguageRequest,
        response: {
          200: answer('The language is set: the session as `getSession` gives it', ZSessionInfo),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const session = await authenticateRequest(deps, request);
      if (!session) {
        throw new UnauthorizedError('api_token_has_no_session');
      }
      await changeOwnLanguage(deps, request.ctx, request.body.language);
      return presentSession(deps, {
        ...session,
        user: { ...session.user, language: request.body.language },
      });
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change your own password (closes your sessions)',
        body: ZChangePasswordRequest,
        response: {
          204: noContent('Password changed: your sessions are closed and the cookie cleared'),
          ...problems(400, 401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      await authenticateRequest(deps, request);
      await changePassword(deps, options.passwordAttempts, request.ctx, {
        ...request.body,
        address: request.ip,
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send();
    },
  );
}
