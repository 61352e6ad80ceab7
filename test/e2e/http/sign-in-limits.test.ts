import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { buildApp, type AppOptions } from '../../../src/server/app.ts';
import type { App } from '../../../src/http/types.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import { expectProblem, freshAddress, postLogin, signIn, writeHeaders } from './http-helpers.ts';

let handle: DbHandle;
let deps: Deps;
const apps: App[] = [];

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await handle.close();
});

/** Each test builds its own server, so its counters start at zero. */
async function server(options: Omit<AppOptions, 'deps' | 'webDir'>): Promise<App> {
  const app = await buildApp({ deps, webDir: '/nonexistent', ...options });
  apps.push(app);
  return app;
}

async function users(count: number) {
  const { ctx } = await makeCompany(deps);
  const made = [];
  for (let i = 0; i < count; i += 1) {
    made.push(await makeUser(deps, ctx, 'collector'));
  }
  return made;
}

const WRONG = 'not the password at all';

describe('sign-in limits', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: one address cannot spray accounts', async () => {
    const app = await server({
      passwordAttemptLimits: {
        perAddress: { max: 5, windowSeconds: 60 },
        perAccount: { max: 50, windowSeconds: 60 },
      },
    });
    const accounts = await users(6);
    const attacker = '192.0.2.10';
    const statuses = [];
    for (const [i, account] of accounts.slice(0, 5).entries()) {
      const response = await postLogin(app, account.email, WRONG, {
        remoteAddress: attacker,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const victim = accounts[5];
    if (!victim) {
      throw new Error('six accounts');
    }
    // The right password, a forged header: still this address, still limited.
    const limited = await postLogin(app, victim.email, victim.password, {
      remoteAddress: attacker,
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(expectProblem(limited, 429).code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.headers['set-cookie']).toBeUndefined();
    // The account itself is not locked: its owner, elsewhere, signs in.
    await signIn(app, victim.email, victim.password);
  });

  it('limits guesses at one account whatever address they come from, the right password included', async () => {
    const app = await server({
      passwordAttemptLimits: {
        perAddress: { max: 50, windowSeconds: 900 },
        perAccount: { max: 10, windowSeconds: 900 },
      },
    });
    const [victim, bystander] = await users(2);
    if (!victim || !bystander) {
      throw new Error('two accounts');
    }
    const statuses = [];
    for (let i = 0; i < 11; i += 1) {
      // Upper case is the same account: the e-mail is normalised before counting.
      const email = i % 2 === 0 ? victim.email : victim.email.toUpperCase();
      statuses.push((await postLogin(app, email, WRONG)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const rightPassword = await postLogin(app, victim.email, victim.password);
    expectProblem(rightPassword, 429);
    expect(rightPassword.headers['retry-after']).toBe('900');
    await signIn(app, bystander.email, bystander.password);
    // An unknown e-mail is limited the same way: a 429 reveals nothing about who exists.
    const unknown = [];
    for (let i = 0; i < 11; i += 1) {
      unknown.push((await postLogin(app, 'nobody@example.test', WRONG)).statusCode);
    }
    expect(unknown.at(-1)).toBe(429);
  });

  it('counts concurrent guesses before checking them, so a burst cannot overrun the limit', async () => {
    const app = await server({
      passwordAttemptLimits: {
        perAddress: { max: 100, windowSeconds: 900 },
        perAccount: { max: 10, windowSeconds: 900 },
      },
    });
    const [victim] = await users(1);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postLogin(app, victim?.email ?? '', WRONG)),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });

  it('reads the client from X-Forwarded-For only when a trusted proxy sent it', async () => {
    const app = await server({
      trustedProxies: ['192.0.2.1', '198.51.100.0/24'],
      passwordAttemptLimits: {
        perAddress: { max: 3, windowSeconds: 60 },
        perAccount: { max: 50, windowSeconds: 60 },
      },
    });
    const accounts = await users(4);
    const [a, b, c, d] = accounts;
    if (!a || !b || !c || !d) {
      throw new Error('four accounts');
    }
    const viaProxy = (client: string) => ({
      remoteAddress: '192.0.2.1',
      headers: { 'x-forwarded-for': client },
    });
    for (const account of [a, b, c]) {
      expect((await postLogin(app, account.email, WRONG, viaProxy('203.0.113.7'))).statusCode).toBe(
        401,
      );
    }
    expectProblem(await postLogin(app, d.email, d.password, viaProxy('203.0.113.7')), 429);
    // The same client through the other trusted proxy, or prepending a forged address the
    // proxy passes on, is still 203.0.113.7.
    expectProblem(
      await postLogin(app, d.email, d.password, {
        remoteAddress: '198.51.100.9',
        headers: { 'x-forwarded-for': '203.0.113.7' },
      }),
      429,
    );
    expectProblem(
      await postLogin(app, d.email, d.password, viaProxy('203.0.113.66, 203.0.113.7')),
      429,
    );
    // Another client behind the same proxy is not limited.
    expect((await postLogin(app, d.email, d.password, viaProxy('203.0.113.8'))).statusCode).toBe(
      200,
    );
    // A header from an address that is not a trusted proxy counts against that address.
    const untrusted = {
      remoteAddress: '192.0.2.99',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    };
    for (const account of [a, b, c]) {
      expect((await postLogin(app, account.email, WRONG, untrusted)).statusCode).toBe(401);
    }
    expectProblem(await postLogin(app, d.email, d.password, untrusted), 429);
    expect((await postLogin(app, d.email, d.password, viaProxy('203.0.113.9'))).statusCode).toBe(
      200,
    );
  });

  it('limits wrong current passwords on a password change, counted with the sign-in guesses', async () => {
    const app = await server({
      passwordAttemptLimits: {
        perAddress: { max: 50, windowSeconds: 900 },
        perAccount: { max: 5, windowSeconds: 900 },
      },
    });
    const [user] = await users(1);
    if (!user) {
      throw new Error('one account');
    }
    const session = await signIn(app, user.email, user.password);
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: writeHeaders(session),
        payload: { currentPassword, newPassword: 'a much longer new secret' },
        remoteAddress: freshAddress(),
      });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await change(WRONG)).statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const limited = await change(user.password);
    expectProblem(limited, 429);
    expect(limited.headers['retry-after']).toBe('900');
    expectProblem(await postLogin(app, user.email, user.password), 429);
    // Nothing changed: the session is still open.
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
  });
});
