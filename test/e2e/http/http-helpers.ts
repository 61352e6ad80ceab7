import { afterAll, beforeAll, expect } from 'vitest';
import { createDeps, type Deps } from '../../../src/app/deps.ts';
import { customerDirectory } from '../../../src/customers/directory.ts';
import { ZSessionInfo } from '../../../src/auth/schemas.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { buildApp, type AppOptions } from '../../../src/server/app.ts';
import type { App } from '../../../src/http/types.ts';
import type { Clock } from '../../../src/shared/clock.ts';
import { ZProblem, type TProblem } from '../../../src/shared/schemas.ts';
import { openTestRuntime } from '../../db.ts';

/** `buildApp`'s options but `deps`, plus the clock of those deps (else fixed at TEST_NOW). */
export type HttpAppOptions = Omit<AppOptions, 'deps'> & { clock?: Clock };

/**
 * For one test file: a fresh database and an app over it, opened before its tests and
 * closed after, so each file need not repeat (or forget half of) that `beforeAll` and
 * `afterAll`. Modelled on `useCli()`. They exist only once set up, hence getters: read
 * them in hooks and tests, not at load. A file's own `beforeAll` runs after this one's.
 * `webDir` defaults to a missing folder, so no SPA is served.
 */
export function useHttpApp(options: HttpAppOptions = {}): {
  readonly app: App;
  readonly deps: Deps;
  readonly handle: DbHandle;
} {
  const { clock, ...appOptions } = options;
  let handle: DbHandle | undefined;
  let deps: Deps | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    const runtime = await openTestRuntime();
    handle = runtime.handle;
    deps = clock ? createDeps(handle.db, { customers: customerDirectory, clock }) : runtime.deps;
    app = await buildApp({ webDir: '/nonexistent', ...appOptions, deps });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error('useHttpApp: read before its beforeAll ran');
    }
    return value;
  };
  return {
    get app() {
      return ready(app);
    },
    get deps() {
      return ready(deps);
    },
    get handle() {
      return ready(handle);
    },
  };
}

export type Session = { cookie: string; csrf: string };

type Answer = { statusCode: number; headers: Record<string, unknown>; json: () => unknown };

/** Asserts a problem+json answer with `status` and returns the parsed problem. */
export function expectProblem(response: Answer, status: number): TProblem {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  return ZProblem.parse(response.json());
}

let clientCounter = 0;

/** A client address of its own, so the sign-in limits only bite where a test wants them to. */
export function freshAddress(): string {
  clientCounter += 1;
  return `10.0.${Math.floor(clientCounter / 250)}.${clientCounter % 250}`;
}

export function postLogin(
  app: App,
  email: string,
  password: string,
  from: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: from.remoteAddress ?? freshAddress(),
    ...(from.headers ? { headers: from.headers } : {}),
  });
}

/** Signs in (from its own address unless told) and returns the cookie and CSRF token. */
export async function signIn(
  app: App,
  email: string,
  password: string,
  remoteAddress = freshAddress(),
): Promise<Session> {
  const response = await postLogin(app, email, password, { remoteAddress });
  expect(response.statusCode).toBe(200);
  const setCookie = String(response.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  const body = ZSessionInfo.parse(response.json());
  return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken };
}

/** Headers of a cookie-authenticated request that changes data. */
export function writeHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}
