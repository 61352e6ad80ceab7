import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import { expectProblem, postLogin, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();
let authorization: string;
let email: string;
let ctx: Ctx;

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

beforeAll(async () => {
  ({ ctx } = await makeCompany(http.deps));
  ({ email } = await makeUser(http.deps, ctx, 'collector'));
  const { token } = await createApiToken(http.deps, ctx, { name: 'ERP', role: 'credit_manager' });
  authorization = `Bearer ${token}`;
});

function get(url: string, language?: string) {
  return http.app.inject({
    method: 'GET',
    url,
    headers: { authorization, ...(language === undefined ? {} : { 'accept-language': language }) },
  });
}

describe('problems in the language asked for', () => {
  it.each([
    [undefined, 'fr', "L'adresse e-mail ou le mot de passe est incorrect", 'Connexion requise'],
    ['en', 'en', 'E-mail or password is wrong', 'Unauthorized'],
    ['en-GB,en;q=0.9,fr;q=0.8', 'en', 'E-mail or password is wrong', 'Unauthorized'],
    [
      'de-DE,de;q=0.9,fr;q=0.5,en;q=0.4',
      'fr',
      "L'adresse e-mail ou le mot de passe est incorrect",
      'Connexion requise',
    ],
    ['de', 'fr', "L'adresse e-mail ou le mot de passe est incorrect", 'Connexion requise'],
  ])(
    'a wrong password with Accept-Language %s is said in %s, with its stable code',
    async (header, language, detail, title) => {
      const response = await postLogin(
        http.app,
        email,
        'not the password at all',
        header === undefined ? {} : { headers: { 'accept-language': header } },
      );
      const problem = expectProblem(response, 401);
      expect(problem).toMatchObject({
        code: 'unauthorized',
        reason: 'wrong_credentials',
        detail,
        title,
      });
      expect(response.headers['content-language']).toBe(language);
    },
  );

  it('names what was not found, with the key as a parameter, in French and English', async () => {
    const french = expectProblem(await get(`/api/customers/${UNKNOWN_ID}`), 404);
    expect(french).toMatchObject({
      reason: 'customer_not_found',
      params: { key: UNKNOWN_ID },
      detail: `Le client ${UNKNOWN_ID} est introuvable`,
      title: 'Introuvable',
    });
    const english = expectProblem(await get(`/api/invoices/${UNKNOWN_ID}`, 'en'), 404);
    expect(english).toMatchObject({
      reason: 'invoice_not_found',
      detail: `Invoice ${UNKNOWN_ID} not found`,
      title: 'Not found',
    });
  });

  it('words a refused request parameter in the reader language, zod checks and ours alike', async () => {
    const french = expectProblem(await get('/api/customers/not-a-uuid'), 400);
    expect(french.reason).toBe('request_invalid');
    expect(french.detail).toBe("La requête n'est pas valide (params) : id : UUID invalide");
    expect(french.issues).toEqual([
      { field: 'id', code: 'invalid_format', message: 'id : UUID invalide' },
    ]);
    const english = expectProblem(await get('/api/invoices?dueFrom=2026-02-30', 'en'), 400);
    expect(english.detail).toBe(
      'The request querystring is not valid: dueFrom: must be a real date written YYYY-MM-DD',
    );
    const unstorable = expectProblem(await get('/api/customers?search=a%00b'), 400);
    expect(unstorable.issues?.[0]?.message).toBe(
      'search : contient un caractère NUL (U+0000) en position 2',
    );
    const date = expectProblem(await get('/api/invoices?dueFrom=2026-02-30'), 400);
    expect(date.issues?.[0]?.message).toBe('dueFrom : doit être une date réelle écrite AAAA-MM-JJ');
  });

  it('says every issue of a refused customer in French, each with its code and parameters', async () => {
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { authorization },
      payload: { code: 'C1', legalName: 'Acme', siren: '123456789' },
    });
    const problem = expectProblem(response, 400);
    expect(problem).toMatchObject({
      reason: 'customer_invalid',
      detail: "Le client C1 n'est pas valide",
    });
    expect(problem.issues).toContainEqual({
      field: 'siren',
      code: 'invalid_siren',
      message: "Le SIREN « 123456789 » n'est pas valide (9 chiffres, clé de Luhn)",
      params: { value: '123456789' },
    });
  });

  it('says the checks of a request body that span its fields from the catalogue too', async () => {
    const allocation = expectProblem(
      await http.app.inject({
        method: 'POST',
        url: '/api/allocations',
        headers: { authorization },
        payload: { invoiceId: UNKNOWN_ID, amount: 100 },
      }),
      400,
    );
    expect(allocation.issues).toContainEqual(
      expect.objectContaining({
        field: 'paymentId',
        message: 'paymentId : Indiquez soit un encaissement, soit un avoir',
      }),
    );
    const { token } = await createApiToken(http.deps, ctx, { name: 'Admin', role: 'admin' });
    const user = expectProblem(
      await http.app.inject({
        method: 'PATCH',
        url: `/api/users/${UNKNOWN_ID}`,
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        payload: {},
      }),
      400,
    );
    expect(user.issues?.map((issue) => issue.message)).toEqual([
      'body: Give a role, an active flag or both',
    ]);
  });
});
