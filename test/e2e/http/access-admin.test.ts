import { describe, expect, it } from 'vitest';
import {
  ZApiTokenList,
  ZApiTokenSummary,
  ZCreatedApiToken,
  ZUserList,
  ZUserSummary,
} from '../../../src/auth/schemas.ts';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { userContext } from '../../../src/auth/service.ts';
import { changeUserAccess, listUsers } from '../../../src/auth/user-access.ts';
import { ZCustomerDetail } from '../../../src/customers/schemas.ts';
import { movableClock, TEST_NOW } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import {
  expectProblem,
  postLogin,
  signIn,
  writeHeaders,
  type Session,
  useHttpApp,
} from './http-helpers.ts';

const clock = movableClock(TEST_NOW);
const http = useHttpApp({ clock });

async function seed() {
  const { company, ctx } = await makeCompany(http.deps);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const session = await signIn(http.app, admin.email, admin.password);
  return { company, ctx, admin, session };
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

async function createToken(session: Session, payload: Record<string, unknown>) {
  const response = await http.app.inject({
    method: 'POST',
    url: '/api/api-tokens',
    headers: writeHeaders(session),
    payload,
  });
  expect(response.statusCode).toBe(201);
  return ZCreatedApiToken.parse(response.json());
}

async function listTokens(session: Session) {
  const response = await http.app.inject({
    url: '/api/api-tokens',
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return { list: ZApiTokenList.parse(response.json()), body: response.body };
}

function patchUser(session: Session, id: string, payload: Record<string, unknown>) {
  return http.app.inject({
    method: 'PATCH',
    url: `/api/users/${id}`,
    headers: writeHeaders(session),
    payload,
  });
}

async function eventsOf(companyId: string, entityId: string) {
  const rows = await http.deps.db
    .selectFrom('event')
    .select(['action', 'actor_type', 'actor_id', 'data'])
    .where('company_id', '=', companyId)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    actorType: row.actor_type,
    actorId: row.actor_id,
    data: row.data,
  }));
}

describe('API tokens', () => {
  it('lists tokens without their secret and refuses a revoked one at once', async () => {
    const { company, admin, session } = await seed();
    const created = await createToken(session, { name: 'ERP Sage', role: 'read_only' });
    expect(created.token).toMatch(/^enc_/);
    expect(created.apiToken).toMatchObject({
      name: 'ERP Sage',
      role: 'read_only',
      status: 'active',
      createdAt: TEST_NOW.toISOString(),
      createdBy: { id: admin.id, displayName: 'Test admin' },
      // The default lifetime: one year.
      expiresAt: '2027-03-15T11:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(
      (await http.app.inject({ url: '/api/customers', headers: bearer(created.token) })).statusCode,
    ).toBe(200);

    const { list, body } = await listTokens(session);
    expect(list.items.map((item) => [item.name, item.status])).toEqual([['ERP Sage', 'active']]);
    expect(body).not.toContain(created.token);
    expect(body).not.toContain(created.token.slice(4));

    const revoked = await http.app.inject({
      method: 'DELETE',
      url: `/api/api-tokens/${created.apiToken.id}`,
      headers: writeHeaders(session),
    });
    expect(revoked.statusCode).toBe(200);
    expect(ZApiTokenSummary.parse(revoked.json())).toMatchObject({
      status: 'revoked',
      revokedAt: TEST_NOW.toISOString(),
    });
    const refused = await http.app.inject({
      url: '/api/customers',
      headers: bearer(created.token),
    });
    expect(expectProblem(refused, 401).detail).toBe("Le jeton d'API est inconnu ou révoqué");
    const again = await http.app.inject({
      method: 'DELETE',
      url: `/api/api-tokens/${created.apiToken.id}`,
      headers: writeHeaders(session),
    });
    expectProblem(again, 409);

    expect(await eventsOf(company.id, created.apiToken.id)).toEqual([
      {
        action: 'api_token.created',
        actorType: 'user',
        actorId: admin.id,
        data: { name: 'ERP Sage', role: 'read_only', expiresAt: '2027-03-15T11:00:00.000Z' },
      },
      {
        action: 'api_token.revoked',
        actorType: 'user',
        actorId: admin.id,
        data: { changes: { revokedAt: { from: null, to: TEST_NOW.toISOString() } } },
      },
    ]);
  });

  it('refuses a token once it has expired', async () => {
    const { admin, session } = await seed();
    const created = await createToken(session, { name: 'Script', expiresInDays: 30 });
    expect(created.apiToken.expiresAt).toBe('2026-04-14T11:00:00.000Z');
    expect(created.apiToken.role).toBe('credit_manager');
    try {
      clock.advance(30 * 86_400 - 1);
      expect(
        (await http.app.inject({ url: '/api/customers', headers: bearer(created.token) }))
          .statusCode,
      ).toBe(200);
      clock.advance(1);
      const expired = await http.app.inject({
        url: '/api/customers',
        headers: bearer(created.token),
      });
      expect(expectProblem(expired, 401).detail).toBe(
        "Le jeton d'API a expiré le 2026-04-14T11:00:00.000Z",
      );
      // The session of 30 days ago has ended too: sign in again to look.
      const later = await signIn(http.app, admin.email, admin.password);
      expect((await listTokens(later)).list.items.map((item) => item.status)).toEqual(['expired']);
    } finally {
      clock.advance(-30 * 86_400);
    }
    for (const expiresInDays of [0, 731, 1.5]) {
      const refused = await http.app.inject({
        method: 'POST',
        url: '/api/api-tokens',
        headers: writeHeaders(session),
        payload: { name: 'Bad', expiresInDays },
      });
      expectProblem(refused, 400);
    }
  });

  it('records the last use at most once a minute, outside the request', async () => {
    const { session } = await seed();
    const { token, apiToken } = await createToken(session, { name: 'ERP', role: 'read_only' });
    const lastUse = async () =>
      (await listTokens(session)).list.items.find((item) => item.id === apiToken.id)?.lastUsedAt;
    const start = clock.now().getTime();
    try {
      await http.app.inject({ url: '/api/customers', headers: bearer(token) });
      expect(await lastUse()).toBe(TEST_NOW.toISOString());
      clock.advance(59);
      await http.app.inject({ url: '/api/customers', headers: bearer(token) });
      expect(await lastUse()).toBe(TEST_NOW.toISOString());
      clock.advance(1);
      // A refused request (a role without the right) was still a use of the token.
      await http.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: bearer(token),
        payload: { code: 'X', legalName: 'Refused' },
      });
      expect(await lastUse()).toBe(new Date(start + 60_000).toISOString());
    } finally {
      clock.advance((start - clock.now().getTime()) / 1000);
    }
  });

  it('keeps companies apart and lets only a signed-in admin manage tokens', async () => {
    const mine = await seed();
    const theirs = await seed();
    const theirToken = await createToken(theirs.session, { name: 'Their ERP' });
    expect((await listTokens(mine.session)).list.items).toEqual([]);
    expectProblem(
      await http.app.inject({
        method: 'DELETE',
        url: `/api/api-tokens/${theirToken.apiToken.id}`,
        headers: writeHeaders(mine.session),
      }),
      404,
    );
    const manager = await makeUser(http.deps, mine.ctx, 'credit_manager');
    const managerSession = await signIn(http.app, manager.email, manager.password);
    expectProblem(
      await http.app.inject({ url: '/api/api-tokens', headers: { cookie: managerSession.cookie } }),
      403,
    );
    // Even an admin token: a leaked integration secret must not mint or revoke credentials.
    const { token } = await createApiToken(http.deps, mine.ctx, {
      name: 'Admin script',
      role: 'admin',
    });
    expectProblem(await http.app.inject({ url: '/api/api-tokens', headers: bearer(token) }), 403);
    expectProblem(await http.app.inject({ url: '/api/users', headers: bearer(token) }), 403);
  });
});

describe('users', () => {
  it('deactivates a user: sessions closed at once, sign-in refused, tokens they made kept', async () => {
    const { company, admin, ctx, session } = await seed();
    const other = await makeUser(http.deps, ctx, 'admin');
    const otherSession = await signIn(http.app, other.email, other.password);
    const theirToken = await createToken(otherSession, { name: 'Made by the other admin' });

    const deactivated = await patchUser(session, other.id, { isActive: false });
    expect(deactivated.statusCode).toBe(200);
    expect(ZUserSummary.parse(deactivated.json())).toMatchObject({
      id: other.id,
      isActive: false,
      role: 'admin',
    });
    expectProblem(
      await http.app.inject({ url: '/api/auth/me', headers: { cookie: otherSession.cookie } }),
      401,
    );
    expectProblem(await postLogin(http.app, other.email, other.password), 401);
    // The company's integration keeps working; the list says who made it, to revoke it if need be.
    expect(
      (await http.app.inject({ url: '/api/customers', headers: bearer(theirToken.token) }))
        .statusCode,
    ).toBe(200);

    const users = ZUserList.parse(
      (await http.app.inject({ url: '/api/users', headers: { cookie: session.cookie } })).json(),
    );
    expect(users.items.map((user) => [user.email, user.isActive])).toEqual(
      expect.arrayContaining([
        [admin.email, true],
        [other.email, false],
      ]),
    );
    expect(users.items).toHaveLength(2);

    const reactivated = await patchUser(session, other.id, { isActive: true });
    expect(ZUserSummary.parse(reactivated.json()).isActive).toBe(true);
    await signIn(http.app, other.email, other.password);

    expect(await eventsOf(company.id, other.id)).toEqual(
      expect.arrayContaining([
        {
          action: 'user.deactivated',
          actorType: 'user',
          actorId: admin.id,
          data: { changes: { isActive: { from: true, to: false } }, sessionsClosed: 1 },
        },
        {
          action: 'user.reactivated',
          actorType: 'user',
          actorId: admin.id,
          data: { changes: { isActive: { from: false, to: true } } },
        },
      ]),
    );
  });

  it('changes a role: the open session acts with the new role from its next request', async () => {
    const { company, admin, ctx, session } = await seed();
    const manager = await makeUser(http.deps, ctx, 'credit_manager');
    const managerSession = await signIn(http.app, manager.email, manager.password);
    const create = (code: string) =>
      http.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: writeHeaders(managerSession),
        payload: { code, legalName: 'Nouveau client' },
      });
    ZCustomerDetail.parse((await create('N1')).json());

    const changed = await patchUser(session, manager.id, { role: 'read_only' });
    expect(ZUserSummary.parse(changed.json()).role).toBe('read_only');
    expectProblem(await create('N2'), 403);
    const me = await http.app.inject({
      url: '/api/auth/me',
      headers: { cookie: managerSession.cookie },
    });
    expect(me.json()).toMatchObject({ user: { role: 'read_only' } });
    // The same role again changes nothing and records nothing.
    expect((await patchUser(session, manager.id, { role: 'read_only' })).statusCode).toBe(200);
    expect(
      (await eventsOf(company.id, manager.id)).filter((e) => e.action === 'user.role_changed'),
    ).toEqual([
      {
        action: 'user.role_changed',
        actorType: 'user',
        actorId: admin.id,
        data: { changes: { role: { from: 'credit_manager', to: 'read_only' } } },
      },
    ]);
  });

  it('never leaves a company without an active admin, even when two admins act at once', async () => {
    const { company, admin, ctx, session } = await seed();
    const alone = await patchUser(session, admin.id, { isActive: false });
    expect(expectProblem(alone, 409).detail).toBe(
      'La société doit garder au moins un administrateur actif',
    );
    expectProblem(await patchUser(session, admin.id, { role: 'collector' }), 409);

    // Two admins demoting each other at once, both already past authentication: the lock on
    // the admins' rows lets one through and the other then sees a single admin left.
    const second = await makeUser(http.deps, ctx, 'admin');
    const asAdmin = (id: string) =>
      userContext({
        companyId: company.id,
        id,
        email: '',
        displayName: 'A',
        role: 'admin',
        isActive: true,
        language: null,
      });
    const outcomes = await Promise.allSettled([
      changeUserAccess(http.deps, asAdmin(admin.id), second.id, { role: 'collector' }),
      changeUserAccess(http.deps, asAdmin(second.id), admin.id, { role: 'collector' }),
    ]);
    expect(
      outcomes
        .map((o) => (o.status === 'fulfilled' ? 'changed' : (o.reason as { code: string }).code))
        .sort(),
    ).toEqual(['changed', 'conflict']);
    const users = await listUsers(http.deps, ctx);
    expect(users.filter((user) => user.role === 'admin' && user.isActive)).toHaveLength(1);
  });

  it('keeps companies apart and lets only an admin manage users', async () => {
    const mine = await seed();
    const theirs = await seed();
    expectProblem(await patchUser(mine.session, theirs.admin.id, { isActive: false }), 404);
    expectProblem(await patchUser(mine.session, theirs.admin.id, { role: 'read_only' }), 404);
    const users = ZUserList.parse(
      (
        await http.app.inject({ url: '/api/users', headers: { cookie: mine.session.cookie } })
      ).json(),
    );
    expect(users.items.map((user) => user.id)).toEqual([mine.admin.id]);
    const collector = await makeUser(http.deps, mine.ctx, 'collector');
    const collectorSession = await signIn(http.app, collector.email, collector.password);
    expectProblem(await patchUser(collectorSession, mine.admin.id, { isActive: false }), 403);
    expectProblem(
      await http.app.inject({ url: '/api/users', headers: { cookie: collectorSession.cookie } }),
      403,
    );
    expectProblem(await patchUser(mine.session, collector.id, {}), 400);
  });

  it('publishes the access endpoints in the OpenAPI document', async () => {
    const document = (await http.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/users',
        '/api/users/{id}',
        '/api/api-tokens',
        '/api/api-tokens/{id}',
      ]),
    );
    expect(Object.keys(document.paths['/api/api-tokens/{id}'] ?? {})).toEqual(['delete']);
  });
});
