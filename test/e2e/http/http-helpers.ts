import { expect } from 'vitest';
import { ZSessionInfo } from '../../../src/auth/schemas.ts';
import type { App } from '../../../src/http/types.ts';
import { ZProblem, type TProblem } from '../../../src/shared/schemas.ts';

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
