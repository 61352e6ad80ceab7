import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import { ZId } from '../shared/schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { presentApiToken, presentUser } from './present.ts';
import {
  ZApiTokenList,
  ZApiTokenSummary,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZUpdateUserRequest,
  ZUserList,
  ZUserSummary,
} from './schemas.ts';
import { changeUserAccess, listUsers } from './user-access.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['access'];

/** Who may get in: users and API tokens, for admins signed in (ADR 10). */
export function registerAccessRoutes(app: App, deps: Deps): void {
  app.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'The company’s users, active or not',
        response: { 200: answer('The users', ZUserList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: (await listUsers(deps, request.ctx)).map(presentUser) }),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags,
        summary: 'Change a user’s role, or deactivate / reactivate them (closes their sessions)',
        params: ZIdParams,
        body: ZUpdateUserRequest,
        response: {
          200: answer('The user, changed', ZUserSummary),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentUser(await changeUserAccess(deps, request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api-tokens',
    {
      schema: {
        operationId: 'listApiTokens',
        tags,
        summary: 'The company’s API tokens, newest first (never their secret)',
        response: {
          200: answer('The API tokens, newest first', ZApiTokenList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const tokens = await listApiTokens(deps, request.ctx);
      const now = deps.clock.now();
      return { items: tokens.map((token) => presentApiToken(token, now)) };
    },
  );
  app.post(
    '/api-tokens',
    {
      schema: {
        operationId: 'createApiToken',
        tags,
        summary: 'Issue an API token; its secret is in this answer only',
        body: ZCreateApiTokenRequest,
        response: {
          201: answer('The token issued, with its secret (shown this once)', ZCreatedApiToken),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { token, apiToken } = await createApiToken(deps, request.ctx, request.body);
      return reply.code(201).send({ token, apiToken: presentApiToken(apiToken, deps.clock.now()) });
    },
  );
  app.delete(
    '/api-tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        tags,
        summary: 'Revoke an API token: it is refused from the next request',
        params: ZIdParams,
        response: {
          200: answer('The token, revoked', ZApiTokenSummary),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentApiToken(await revokeApiToken(deps, request.ctx, request.params.id), deps.clock.now()),
  );
}
