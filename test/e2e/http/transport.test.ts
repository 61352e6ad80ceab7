import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/app/deps.ts';
import type { DbHandle } from '../../../src/db/client.ts';
import { buildApp, type AppOptions } from '../../../src/server/app.ts';
import type { App } from '../../../src/http/types.ts';
import { ZProblem } from '../../../src/shared/schemas.ts';
import { openTestRuntime } from '../../db.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import { expectProblem, postLogin } from './http-helpers.ts';

let handle: DbHandle;
let deps: Deps;
let webDir: string;
const apps: App[] = [];

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  webDir = mkdtempSync(join(tmpdir(), 'encaisse-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Encaisse</title>');
  writeFileSync(join(webDir, 'assets/app-1234.js'), 'console.log("app");\n');
  writeFileSync(join(webDir, 'assets/app-1234.js.map'), '{"version":3,"sources":["secret.ts"]}');
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await handle.close();
  rmSync(webDir, { recursive: true, force: true });
});

async function server(options: Omit<AppOptions, 'deps'> = {}): Promise<App> {
  const app = await buildApp({ deps, webDir: '/nonexistent', ...options });
  apps.push(app);
  return app;
}

const PROXY = '192.0.2.1';
const viaHttpsProxy = { remoteAddress: PROXY, headers: { 'x-forwarded-proto': 'https' } };
/** A client that is no trusted proxy, claiming HTTPS all the same. */
const forgedHttps = { remoteAddress: '192.0.2.50', headers: { 'x-forwarded-proto': 'https' } };

/** The headers every answer carries, whatever produced it. */
function expectSecurityHeaders(headers: Record<string, unknown>, isHttps: boolean): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('no-referrer');
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp.includes('upgrade-insecure-requests')).toBe(isHttps);
  expect(headers['strict-transport-security']).toBe(
    isHttps ? 'max-age=31536000; includeSubDomains' : undefined,
  );
}

describe('transport security', () => {
  it('marks the session cookie Secure when the request came over HTTPS, as a trusted proxy says', async () => {
    const app = await server({ trustedProxies: [PROXY] });
    const { ctx } = await makeCompany(deps);
    const user = await makeUser(deps, ctx, 'collector');
    const cookieOf = async (from: { remoteAddress: string; headers?: Record<string, string> }) => {
      const response = await postLogin(app, user.email, user.password, from);
      expect(response.statusCode).toBe(200);
      return String(response.headers['set-cookie']);
    };
    expect(await cookieOf(viaHttpsProxy)).toMatch(/; Secure/);
    expect(await cookieOf({ remoteAddress: PROXY })).not.toMatch(/Secure/);
    expect(await cookieOf(forgedHttps)).not.toMatch(/Secure/);

    const forced = await server({ secureCookies: true });
    const response = await postLogin(forced, user.email, user.password);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('asks browsers to upgrade requests and pins HTTPS only over HTTPS', async () => {
    const app = await server({ trustedProxies: [PROXY] });
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.statusCode).toBe(200);
    expectSecurityHeaders(plain.headers, false);
    expectSecurityHeaders(
      (await app.inject({ url: '/api/openapi.json', ...forgedHttps })).headers,
      false,
    );
    const secure = await app.inject({ url: '/api/openapi.json', ...viaHttpsProxy });
    expectSecurityHeaders(secure.headers, true);
  });

  it('answers the URLs the router refuses with a problem and the security headers', async () => {
    const app = await server();
    const badEncoding = await app.inject({ url: '/api/customers/%zz' });
    expect(expectProblem(badEncoding, 400).detail).toContain('%zz');
    expectSecurityHeaders(badEncoding.headers, false);
    const longParam = await app.inject({ url: `/api/customers/${'a'.repeat(101)}` });
    expectProblem(longParam, 414);
    expectSecurityHeaders(longParam.headers, false);
  });

  it('answers what Node’s HTTP parser refuses with a problem and the security headers', async () => {
    const app = await server();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('expected a TCP address');
    }
    const huge = `GET /api/auth/me HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`;
    const cases = [
      { request: huge, status: 431, reason: 'Request Header Fields Too Large' },
      { request: 'NOT HTTP AT ALL\r\n\r\n', status: 400, reason: 'Bad Request' },
    ];
    for (const { request, status, reason } of cases) {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(address.port, '127.0.0.1', () => socket.end(request));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      expect(statusLine).toBe(`HTTP/1.1 ${status} ${reason}`);
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      expect(headers['content-type']).toBe('application/problem+json');
      expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
      expectSecurityHeaders(headers, false);
      expect(ZProblem.parse(JSON.parse(body))).toMatchObject({ status, code: 'bad_request' });
    }
  });

  it('serves the built app but never a source map', async () => {
    const app = await server({ webDir });
    const script = await app.inject({ url: '/assets/app-1234.js' });
    expect(script.statusCode).toBe(200);
    expectSecurityHeaders(script.headers, false);
    // Assets are named by their content: cached for good; the page is always revalidated.
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await app.inject({ url: '/index.html' });
    expect(index.headers['cache-control']).toBe('no-cache');
    const map = await app.inject({ url: '/assets/app-1234.js.map' });
    expectProblem(map, 404);
    expect(map.body).not.toContain('secret.ts');
    // Client-side routes still get the page.
    const page = await app.inject({ url: '/customers/0190a000-0000-7000-8000-000000000000' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Encaisse</title>');
  });
});
