/**
 * The solvency screen over HTTP (docs/screening.md « Running a screen »): a credit manager
 * screens a prospect with its sources asked (loopback servers serving the fixtures), lists
 * its screens, imports a bureau file twice; the reasons come worded in the reader's
 * language; the refusals are problems (400 with every issue, 401, 403, 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBodaccSource,
  createSireneSource,
} from '../../../src/credit/screening/http-sources.ts';
import {
  ZRiskScoreImport,
  ZSolvencyScreen,
  ZSolvencyScreenList,
} from '../../../src/credit/screening-schemas.ts';
import type { ScreeningSources } from '../../../src/credit/screening-sources.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
import { startScreeningFixtures, type ScreeningFixtures } from '../../screening-fixture-server.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

let fixtures: ScreeningFixtures;
// The app is built before this file's own `beforeAll` starts the fixtures: the sources
// build their adapter at each lookup, on the server's address by then.
const sources: ScreeningSources = {
  sirene: {
    lookup: (siren, asOf) =>
      createSireneSource({ baseUrl: fixtures.sireneUrl }).lookup(siren, asOf),
  },
  bodacc: {
    lookup: (siren) => createBodaccSource({ baseUrl: fixtures.bodaccUrl }).lookup(siren),
  },
};
// 30 June 2025 in Paris: the sole trader of the fixtures (created 2024-02-01) is young.
const http = useHttpApp({
  clock: fixedClock(new Date('2025-06-30T10:00:00Z')),
  screeningSources: sources,
});

beforeAll(async () => {
  fixtures = await startScreeningFixtures();
});
afterAll(async () => {
  await fixtures.close();
});

async function companyWith(role: 'admin' | 'credit_manager' | 'collector' | 'read_only') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  return { ctx, session };
}

function screen(session: Session, customerId: string, payload: object, language = 'en') {
  return http.app.inject({
    method: 'POST',
    url: `/api/customers/${customerId}/screening`,
    headers: { ...writeHeaders(session), 'accept-language': language },
    payload: payload as Record<string, unknown>,
  });
}

function upload(session: Session, text: string, query = '') {
  return http.app.inject({
    method: 'POST',
    url: `/api/credit/risk-scores${query}`,
    headers: {
      ...writeHeaders(session),
      'content-type': 'application/octet-stream',
      'accept-language': 'en',
      'x-file-name': encodeURIComponent('scores juin.csv'),
    },
    payload: Buffer.from(text),
  });
}

const FILE = [
  'siren,score,scale,incidents,incident_amount,assessed_on,source',
  '845678903,16,1-20,0,0,2025-06-01,Assureur',
  '',
].join('\n');

describe('/api/customers/{id}/screening', () => {
  it('screens a prospect in liquidation as a no-go whatever its score, in the reader’s words', async () => {
    const { ctx, session } = await companyWith('credit_manager');
    const customer = await makeCustomer(http.deps, ctx, { siren: '901234567' });

    const response = await screen(
      session,
      customer.id,
      { lookup: true, score: { source: 'Assureur', raw: 95, scale: '0-100' } },
      'fr',
    );

    expect(response.statusCode).toBe(201);
    const screened = ZSolvencyScreen.parse(response.json());
    expect(screened).toMatchObject({ verdict: 'no_go', depositBps: null, notices: [] });
    expect(screened.reasons.map((reason) => reason.message)).toEqual([
      'L’entreprise a cessé son activité le 29/02/2024 (répertoire Sirene)',
      'En liquidation judiciaire\u00a0: Jugement de conversion en liquidation judiciaire (TRIBUNAL DE COMMERCE DE GRENOBLE, 01/03/2024)',
      'Score 95/100 (Assureur\u00a0: 95), au moins 60',
    ]);
    const listed = await http.app.inject({
      url: `/api/customers/${customer.id}/screening`,
      headers: { cookie: session.cookie },
    });
    expect(listed.statusCode).toBe(200);
    expect(ZSolvencyScreenList.parse(listed.json()).items.map((item) => item.id)).toEqual([
      screened.id,
    ]);
  });

  it('asks a deposit of a young company judged on the score a bureau file brought', async () => {
    const { ctx, session } = await companyWith('credit_manager');
    const customer = await makeCustomer(http.deps, ctx, { siren: '845678903' });

    const imported = await upload(session, FILE);
    expect(imported.statusCode).toBe(200);
    expect(ZRiskScoreImport.parse(imported.json())).toEqual({
      file: 'scores juin.csv',
      dryRun: false,
      committed: true,
      rows: 1,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(ZRiskScoreImport.parse((await upload(session, FILE)).json())).toMatchObject({
      inserted: 0,
      unchanged: 1,
    });

    const response = await screen(session, customer.id, { lookup: true });
    expect(response.statusCode).toBe(201);
    const screened = ZSolvencyScreen.parse(response.json());
    expect(screened).toMatchObject({
      verdict: 'go_with_deposit',
      depositBps: 3000,
      score: { source: 'Assureur', normalized: 79, origin: 'file', assessedOn: '2025-06-01' },
      incidents: { count: 0, amountCents: 0 },
    });
    expect(screened.reasons.map((reason) => reason.message)).toEqual([
      'Created on 01 Feb 2024, less than 24 months ago: too young to be judged on its history',
      'Score 79/100 (Assureur: 16), at least 60',
    ]);
  });

  it('answers problems: every issue at once, unknown customer, role, sign-in', async () => {
    const { ctx, session } = await companyWith('credit_manager');
    const customer = await makeCustomer(http.deps, ctx);

    const refused = expectProblem(
      await screen(session, customer.id, { score: { source: 'Bureau', raw: 'AAA', scale: 'bdf' } }),
      400,
    );
    expect(refused.reason).toBe('screening_refused');
    expect(refused.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['siren', 'screening_siren_missing'],
      ['score.score', 'score_out_of_scale'],
    ]);
    expectProblem(await screen(session, customer.id, { score: { raw: 1, scale: 'stars' } }), 400);
    expectProblem(await screen(session, '0197a0c2-0000-7000-8000-000000000000', {}), 404);

    const reader = await companyWith('read_only');
    const theirs = await makeCustomer(http.deps, reader.ctx, { siren: '845678903' });
    expectProblem(await screen(reader.session, theirs.id, {}), 403);
    const anonymous = await http.app.inject({
      method: 'POST',
      url: `/api/customers/${theirs.id}/screening`,
      payload: {},
    });
    expectProblem(anonymous, 401);
  });
});

describe('/api/credit/risk-scores', () => {
  it('refuses a file with a bad line, naming the line, and a role that may not import', async () => {
    const { session } = await companyWith('credit_manager');

    const refused = expectProblem(
      await upload(session, FILE.replace('845678903,16,1-20', '845678903,16,1-25')),
      400,
    );
    expect(refused.reason).toBe('import_refused');
    expect(refused.issues).toEqual([
      {
        field: 'scale',
        code: 'score_scale_unknown',
        line: 2,
        message: 'Scale "1-25" is not one of: 0-100, 1-20, 1-10, bdf',
        params: { value: '1-25', choices: '0-100, 1-20, 1-10, bdf' },
      },
    ]);
    const dryRun = await upload(session, FILE, '?dryRun=true');
    expect(ZRiskScoreImport.parse(dryRun.json())).toMatchObject({
      dryRun: true,
      committed: false,
      inserted: 1,
    });

    const collector = await companyWith('collector');
    expectProblem(await upload(collector.session, FILE), 403);
  });
});
