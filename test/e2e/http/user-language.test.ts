import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { ZSessionInfo } from '../../../src/auth/schemas.ts';
import { getUserByEmail, userContext } from '../../../src/auth/service.ts';
import { readEntityEvents } from '../../../src/audit/service.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import { expectProblem, signIn, useHttpApp, writeHeaders, type Session } from './http-helpers.ts';

const http = useHttpApp();
let ctx: Ctx;

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

beforeAll(async () => {
  ({ ctx } = await makeCompany(http.deps));
});

/** A user of the test's company, signed in. */
async function signedIn(role: 'admin' | 'collector' = 'collector') {
  const user = await makeUser(http.deps, ctx, role);
  return { ...user, session: await signIn(http.app, user.email, user.password) };
}

function putLanguage(session: Session, payload: unknown, headers: Record<string, string> = {}) {
  return http.app.inject({
    method: 'PUT',
    url: '/api/auth/me/language',
    headers: { ...writeHeaders(session), ...headers },
    payload: payload as Record<string, unknown>,
  });
}

function getAs(session: Session, url: string, language?: string) {
  return http.app.inject({
    method: 'GET',
    url,
    headers: {
      cookie: session.cookie,
      ...(language === undefined ? {} : { 'accept-language': language }),
    },
  });
}

async function sessionOf(session: Session) {
  const response = await getAs(session, '/api/auth/me');
  expect(response.statusCode).toBe(200);
  return ZSessionInfo.parse(response.json());
}

describe('the signed-in user’s language', () => {
  it('is none until chosen, then set, shown by the session and recorded once', async () => {
    const { id, session } = await signedIn();
    expect((await sessionOf(session)).user.language).toBeNull();

    const response = await putLanguage(session, { language: 'en' });
    expect(response.statusCode).toBe(200);
    expect(ZSessionInfo.parse(response.json()).user).toMatchObject({ id, language: 'en' });
    expect((await sessionOf(session)).user.language).toBe('en');
    // The same language again changes nothing, and records nothing.
    expect((await putLanguage(session, { language: 'en' })).statusCode).toBe(200);

    const events = await readEntityEvents(
      http.deps.db,
      ctx,
      [{ entityType: 'user', entityId: id }],
      10,
    );
    const changes = events.filter((event) => event.action === 'user.language_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.data).toEqual({ changes: { language: { from: null, to: 'en' } } });
  });

  it('is the language of problems when the request sends no Accept-Language', async () => {
    const { session } = await signedIn();
    const unknown = `/api/customers/${UNKNOWN_ID}`;
    const before = expectProblem(await getAs(session, unknown), 404);
    expect(before.detail).toBe(`Le client ${UNKNOWN_ID} est introuvable`);

    expect((await putLanguage(session, { language: 'en' })).statusCode).toBe(200);
    const english = await getAs(session, unknown);
    expect(expectProblem(english, 404)).toMatchObject({
      title: 'Not found',
      detail: `Customer ${UNKNOWN_ID} not found`,
    });
    expect(english.headers['content-language']).toBe('en');
    // A refused parameter is checked before the route runs: said in English all the same.
    const invalid = expectProblem(await getAs(session, '/api/customers/not-a-uuid'), 400);
    expect(invalid.detail).toBe('The request params is not valid: id: Invalid UUID');

    // Accept-Language, when it names a language we speak, comes first.
    const french = await getAs(session, unknown, 'fr');
    expect(expectProblem(french, 404).detail).toBe(`Le client ${UNKNOWN_ID} est introuvable`);
    expect(french.headers['content-language']).toBe('fr');
    // One naming neither counts as none: the user's setting applies.
    expect(expectProblem(await getAs(session, unknown, 'de'), 404).title).toBe('Not found');
  });

  it('refuses a language Encaisse does not speak, and a change without the CSRF token', async () => {
    const { session } = await signedIn();
    for (const payload of [{ language: 'de' }, { language: 'EN' }, { language: null }, {}]) {
      const problem = expectProblem(await putLanguage(session, payload), 400);
      expect(problem.reason).toBe('request_invalid');
      expect(problem.issues?.map((issue) => issue.field)).toEqual(['language']);
    }
    const refused = await http.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { cookie: session.cookie },
      payload: { language: 'en' },
    });
    expect(expectProblem(refused, 403).reason).toBe('csrf_refused');
    expect((await sessionOf(session)).user.language).toBeNull();
  });

  it('belongs to users: an API token has none, even one issued by an English-speaking admin', async () => {
    const { email, session } = await signedIn('admin');
    expect((await putLanguage(session, { language: 'en' })).statusCode).toBe(200);
    const admin = await getUserByEmail(http.deps, ctx, email);
    const { token } = await createApiToken(http.deps, userContext(admin), {
      name: 'ERP',
      role: 'credit_manager',
    });
    const authorization = `Bearer ${token}`;
    const asToken = await http.app.inject({
      method: 'GET',
      url: `/api/customers/${UNKNOWN_ID}`,
      headers: { authorization },
    });
    expect(expectProblem(asToken, 404).detail).toBe(`Le client ${UNKNOWN_ID} est introuvable`);
    const set = await http.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { authorization },
      payload: { language: 'en' },
    });
    expect(expectProblem(set, 401).reason).toBe('api_token_has_no_session');
  });
});
