import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { ZCustomerDetail } from '../../../src/customers/schemas.ts';
import { ZProblem } from '../../../src/shared/schemas.ts';
import { makeCompany } from '../../factories.ts';
import { useHttpApp } from './http-helpers.ts';

const http = useHttpApp();
let authorization: string;

beforeAll(async () => {
  const { ctx } = await makeCompany(http.deps);
  const { token } = await createApiToken(http.deps, ctx, { name: 'ERP', role: 'credit_manager' });
  authorization = `Bearer ${token}`;
});

function expectBadRequest(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(response.statusCode).toBe(400);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  return ZProblem.parse(response.json());
}

describe('text that cannot be stored', () => {
  it('refuses a NUL in a body field with 400, naming the field', async () => {
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization, 'accept-language': 'en' },
      payload: { code: 'NUL\u0000X', legalName: 'Acme' },
    });

    expect(expectBadRequest(response)).toMatchObject({
      code: 'invalid',
      issues: [
        {
          field: 'code',
          code: 'custom',
          message: 'code: contains a NUL character (U+0000) at position 4',
        },
      ],
    });
  });

  it('refuses a lone surrogate, in a nested field too', async () => {
    // JSON.stringify writes the lone surrogate as the escape "\ud800", as a client would.
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization, 'accept-language': 'en' },
      payload: {
        code: 'C1',
        legalName: 'a\ud800b',
        contacts: [{ role: 'billing', name: 'Mme\u0000Durand' }],
      },
    });

    expect(expectBadRequest(response).issues).toEqual([
      {
        field: 'legalName',
        code: 'custom',
        message:
          'legalName: contains a lone surrogate (U+D800, not a Unicode character) at position 2',
      },
      {
        field: 'contacts.0.name',
        code: 'custom',
        message: 'contacts.0.name: contains a NUL character (U+0000) at position 4',
      },
    ]);
  });

  it('refuses a NUL in the query string and in a path parameter', async () => {
    const search = await http.app.inject({
      url: '/api/customers?search=a%00b',
      headers: { authorization, 'accept-language': 'en' },
    });
    expect(expectBadRequest(search).issues).toEqual([
      {
        field: 'search',
        code: 'custom',
        message: 'search: contains a NUL character (U+0000) at position 2',
      },
    ]);

    const param = await http.app.inject({
      url: '/api/customers/a%00b',
      headers: { authorization, 'accept-language': 'en' },
    });
    expect(expectBadRequest(param).issues).toMatchObject([{ field: 'id', code: 'custom' }]);
  });

  it('still stores ordinary text, accents and emoji included', async () => {
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization, 'accept-language': 'en' },
      payload: { code: 'C2', legalName: 'Société 😀 漢字' },
    });

    expect(response.statusCode).toBe(201);
    expect(ZCustomerDetail.parse(response.json()).legalName).toBe('Société 😀 漢字');
  });

  it('refuses an amount above the largest accepted, naming the field', async () => {
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization },
      payload: { code: 'C3', legalName: 'Acme', creditLimit: 10_000_000_000_000 },
    });

    expect(expectBadRequest(response).issues).toEqual([
      {
        field: 'creditLimit',
        code: 'too_big',
        message: 'creditLimit : Trop grand : nombre doit être <=9999999999999',
      },
    ]);
  });
});
