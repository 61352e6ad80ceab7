import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../../src/auth/api-tokens.ts';
import { ZCustomerDetail } from '../../../src/customers/schemas.ts';
import { ZProblem } from '../../../src/shared/schemas.ts';
import { makeCompany } from '../../factories.ts';
import { useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

describe('conflicts over HTTP', () => {
  it('ten simultaneous creations of one customer code: one 201, nine 409 problems naming the code', async () => {
    const { ctx } = await makeCompany(http.deps);
    const { token } = await createApiToken(http.deps, ctx, { name: 'ERP', role: 'credit_manager' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        http.app.inject({
          method: 'POST',
          url: '/api/customers',
          headers: { authorization: `Bearer ${token}` },
          payload: { code: 'RACE1', legalName: 'Course SARL' },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort((a, b) => a - b)).toEqual([
      201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
    ]);
    const created = responses.find((response) => response.statusCode === 201);
    expect(ZCustomerDetail.parse(created?.json())).toMatchObject({ code: 'RACE1' });
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(ZProblem.parse(response.json())).toEqual({
        type: 'https://encaisse.dev/problems/conflict',
        title: 'Conflit',
        status: 409,
        code: 'conflict',
        reason: 'already_exists',
        params: { article: 'A', entity: 'customer', key: 'code RACE1' },
        detail: 'Déjà enregistré : code RACE1',
        issues: [
          {
            field: 'code',
            code: 'duplicate',
            message: 'code RACE1 est déjà utilisé',
            params: { key: 'code RACE1' },
          },
        ],
      });
    }
  });
});
