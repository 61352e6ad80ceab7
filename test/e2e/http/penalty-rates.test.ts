/**
 * The late-payment rates over HTTP: the published table listed, the company's own rate
 * entered and reset, a malformed one refused in French (400), a collector refused (403);
 * a customer's agreed rate answered with its floor notice.
 */
import { describe, expect, it } from 'vitest';
import { ZPenaltyRateList } from '../../../src/dunning/penalty-rate-schemas.ts';
import { ZCustomerDunning } from '../../../src/dunning/schemas.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

async function companyWith(role: 'admin' | 'collector' = 'admin') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  return { ctx, session };
}

function put(session: Session, url: string, payload: Record<string, unknown>) {
  return http.app.inject({ method: 'PUT', url, headers: writeHeaders(session), payload });
}

describe('/api/dunning/penalty-rates', () => {
  it('lists the published rates, enters the company’s own and resets it', async () => {
    const { session } = await companyWith('admin');
    const listed = await http.app.inject({
      url: '/api/dunning/penalty-rates',
      headers: { cookie: session.cookie },
    });
    expect(listed.statusCode).toBe(200);
    const list = ZPenaltyRateList.parse(listed.json());
    expect(list.currentHalfYear).toBe('2026-H1');
    expect(list.items[0]).toMatchObject({ halfYear: '2026-H1', ecbMro: { effective: 215 } });

    const saved = await put(session, '/api/dunning/penalty-rates/ecb_mro/2026-H2', {
      basisPoints: 200,
    });
    expect(saved.statusCode).toBe(200);
    expect(ZPenaltyRateList.parse(saved.json()).items[0]).toMatchObject({
      halfYear: '2026-H2',
      ecbMro: { published: null, company: 200, effective: 200 },
    });
    const reset = await put(session, '/api/dunning/penalty-rates/ecb_mro/2026-H2', {
      basisPoints: null,
    });
    expect(ZPenaltyRateList.parse(reset.json()).items[0]?.halfYear).toBe('2026-H1');
  });

  it('refuses a malformed half-year in French, an unknown series, and a collector', async () => {
    const { session } = await companyWith('admin');
    const problem = expectProblem(
      await put(session, '/api/dunning/penalty-rates/ecb_mro/2026-S1', { basisPoints: 9_000 }),
      400,
    );
    expect(problem.reason).toBe('penalty_rate_refused');
    expect(problem.issues?.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'halfYear',
        'penalty_rate_half_year_invalid',
        'Un semestre s’écrit AAAA-H1 ou AAAA-H2 (2026-H1)',
      ],
      [
        'basisPoints',
        'penalty_rate_out_of_range',
        'Un taux est un nombre entier de points de base, de 0 à 5000',
      ],
    ]);
    expectProblem(
      await put(session, '/api/dunning/penalty-rates/euribor/2026-H1', { basisPoints: 100 }),
      400,
    );
    const collector = await companyWith('collector');
    expectProblem(
      await put(collector.session, '/api/dunning/penalty-rates/ecb_mro/2026-H1', {
        basisPoints: 100,
      }),
      403,
    );
  });

  it('answers a customer’s agreed rate below the floor with its notice', async () => {
    const { ctx, session } = await companyWith('admin');
    const customer = await makeCustomer(http.deps, ctx);
    const answered = await put(session, `/api/customers/${customer.id}/dunning`, {
      scenarioId: null,
      contractualRateBps: 700,
    });
    expect(answered.statusCode).toBe(200);
    expect(ZCustomerDunning.parse(answered.json())).toMatchObject({
      contractualRateBps: 700,
      notice: { code: 'penalty_rate_below_floor', params: { floor: 786 } },
    });
    expectProblem(
      await put(session, `/api/customers/${customer.id}/dunning`, {
        scenarioId: null,
        contractualRateBps: 10_001,
      }),
      400,
    );
  });
});
