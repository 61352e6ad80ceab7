/**
 * The solvency screen through the real services, database and HTTP adapters (issue 12,
 * docs/screening.md « Running a screen »): the Sirene and BODACC sources are loopback
 * servers serving the fixtures. A prospect in liquidation is a no-go whatever its score; a
 * young company with a good score a go with deposit; a source that fails leaves a screen
 * that says so; a bureau file imported twice changes nothing the second time, and a bad
 * line refuses the whole file with its line number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { createBodaccSource, createSireneSource } from '../../src/credit/screening/http-sources.ts';
import {
  importRiskScores,
  listScreens,
  screenCustomer,
} from '../../src/credit/screening-service.ts';
import type { ScreeningSources } from '../../src/credit/screening-sources.ts';
import { listRiskScoresOf } from '../../src/credit/screening-store.ts';
import { getCustomerTimeline } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { ForbiddenError, InvalidError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';
import {
  SIRENE_FAILS_FOR,
  startScreeningFixtures,
  type ScreeningFixtures,
} from '../screening-fixture-server.ts';

let handle: DbHandle;
let deps: Deps;
let fixtures: ScreeningFixtures;
let sources: ScreeningSources;

// The screen's day: 30 June 2025 in Paris, the worked example's (docs/screening.md).
beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime(new Date('2025-06-30T10:00:00Z')));
  fixtures = await startScreeningFixtures();
  sources = {
    sirene: createSireneSource({ baseUrl: fixtures.sireneUrl }),
    bodacc: createBodaccSource({ baseUrl: fixtures.bodaccUrl }),
  };
});
afterAll(async () => {
  await fixtures.close();
  await handle.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const codes = (screen: { reasons: readonly { code: string }[] }) =>
  screen.reasons.map((reason) => reason.code);

async function prospect(ctx: Ctx, siren: string) {
  return makeCustomer(deps, ctx, { siren });
}

describe('screenCustomer', () => {
  it('says no-go to a prospect in liquidation, whatever its score, and keeps what it judged', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await prospect(ctx, '901234567');

    const screen = await screenCustomer(
      deps,
      ctx,
      customer.id,
      { score: { source: 'Assureur', raw: '95', scale: '0-100' }, lookup: true },
      sources,
    );

    expect(screen).toMatchObject({
      siren: '901234567',
      screenedOn: '2025-06-30',
      verdict: 'no_go',
      depositBps: null,
      company: { name: 'BOULANGERIE DES TROIS PONTS', state: 'ceased', ceasedOn: '2024-02-29' },
      score: { source: 'Assureur', raw: '95', normalized: 95, origin: 'manual' },
      sources: [
        { source: 'sirene', outcome: 'answered', failure: null },
        { source: 'bodacc', outcome: 'answered', failure: null },
      ],
      notices: [],
    });
    expect(codes(screen)).toEqual(['company_ceased', 'proceeding_liquidation', 'score_sufficient']);
    expect(screen.proceedings.map((proceeding) => proceeding.kind)).toEqual([
      'closure',
      'liquidation',
      'safeguard',
    ]);
    expect(await listScreens(deps, ctx, customer.id)).toEqual([screen]);
    const timeline = await getCustomerTimeline(deps, ctx, customer.id);
    expect(timeline.find((event) => event.action === 'credit.screened')?.data).toMatchObject({
      siren: '901234567',
      verdict: 'no_go',
      reasons: ['company_ceased', 'proceeding_liquidation', 'score_sufficient'],
    });
    // The score typed is stored for the next screens, as received on the screen's day.
    expect(await listRiskScoresOf(deps.db, ctx.companyId, ['901234567'])).toEqual([
      {
        siren: '901234567',
        score: { source: 'Assureur', raw: '95', scale: '0-100', normalized: 95 },
        incidents: null,
        assessedOn: '2025-06-30',
        origin: 'manual',
        fileName: null,
      },
    ]);
  });

  it('asks a deposit of a young company with a good score', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await prospect(ctx, '845678903');

    const screen = await screenCustomer(
      deps,
      ctx,
      customer.id,
      { score: { source: 'Bureau', raw: '16', scale: '1-20' }, lookup: true },
      sources,
    );

    expect(screen).toMatchObject({
      verdict: 'go_with_deposit',
      depositBps: 3000,
      company: { createdOn: '2024-02-01', state: 'active' },
      score: { normalized: 79 },
      proceedings: [],
    });
    expect(screen.reasons).toEqual([
      { code: 'young_company', params: { createdOn: '2024-02-01', months: 24 } },
      {
        code: 'score_sufficient',
        params: { score: 79, source: 'Bureau', raw: '16', threshold: 60 },
      },
    ]);
  });

  it('keeps the screen when a source fails, and says which and why', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await prospect(ctx, SIRENE_FAILS_FOR);
    const unreachable: ScreeningSources = {
      sirene: sources.sirene,
      // Nothing listens on port 9 of the loopback: the connection is refused.
      bodacc: createBodaccSource({ baseUrl: 'http://127.0.0.1:9' }),
    };

    const screen = await screenCustomer(deps, ctx, customer.id, { lookup: true }, unreachable);

    expect(screen).toMatchObject({
      verdict: 'go_with_deposit',
      company: null,
      proceedings: [],
      score: null,
      sources: [
        { source: 'sirene', outcome: 'failed', failure: 'unreachable' },
        { source: 'bodacc', outcome: 'failed', failure: 'unreachable' },
      ],
    });
    // The BODACC did not answer: an open proceeding cannot be ruled out.
    expect(codes(screen)).toEqual(['proceedings_unchecked', 'no_information']);
    expect(screen.notices.map((notice) => [notice.code, notice.params?.['source']])).toEqual([
      ['source_unreachable', 'Sirene'],
      ['source_unreachable', 'BODACC'],
    ]);
    expect(screen.notices[0]?.message).toBe('Sirene cannot be reached: HTTP 503');
  });

  it('says which sources are not configured, and asks none of them', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await prospect(ctx, '812345676');

    const screen = await screenCustomer(deps, ctx, customer.id, { lookup: true }, {});

    expect(screen.sources).toEqual([
      { source: 'sirene', outcome: 'not_configured', failure: null },
      { source: 'bodacc', outcome: 'not_configured', failure: null },
    ]);
    expect(screen.notices.map((notice) => notice.params)).toEqual([
      { source: 'Sirene', setting: 'SIRENE_BASE_URL' },
      { source: 'BODACC', setting: 'BODACC_BASE_URL' },
    ]);
  });

  it('refuses a customer without a SIREN and a score it cannot read, and a role that may not decide', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);

    const refused = await screenCustomer(
      deps,
      ctx,
      customer.id,
      { score: { source: 'Bureau', raw: '21', scale: '1-20' } },
      sources,
    ).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).reason).toBe('screening_refused');
    expect((refused as InvalidError).issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['siren', 'screening_siren_missing'],
      ['score.score', 'score_out_of_scale'],
    ]);
    await expect(
      screenCustomer(deps, { ...ctx, role: 'read_only' }, customer.id, {}, sources),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('importRiskScores', () => {
  const FILE = [
    'siren;score;scale;incidents;incident_amount;assessed_on;source',
    '812345676;14;1-20;1;1234,50;31/05/2025;Assureur',
    '845678903;3+;bdf;;;2025-06-02;Banque de France',
    '',
  ].join('\r\n');

  it('stores a bureau file once: the same file again changes nothing, and screens judge it', async () => {
    const { ctx } = await makeCompany(deps);

    const first = await importRiskScores(deps, ctx, bytes(FILE), 'assureur-juin.csv');
    const again = await importRiskScores(deps, ctx, bytes(FILE), 'assureur-juin.csv');

    expect(first).toEqual({
      file: 'assureur-juin.csv',
      dryRun: false,
      committed: true,
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 2 });
    const stored = await listRiskScoresOf(deps.db, ctx.companyId, ['812345676', '845678903']);
    expect(stored.sort((a, b) => a.siren.localeCompare(b.siren))).toEqual([
      {
        siren: '812345676',
        score: { source: 'Assureur', raw: '14', scale: '1-20', normalized: 68 },
        incidents: { count: 1, amountCents: 123_450, lastOn: null },
        assessedOn: '2025-05-31',
        origin: 'file',
        fileName: 'assureur-juin.csv',
      },
      {
        siren: '845678903',
        score: { source: 'Banque de France', raw: '3+', scale: 'bdf', normalized: 90 },
        incidents: null,
        assessedOn: '2025-06-02',
        origin: 'file',
        fileName: 'assureur-juin.csv',
      },
    ]);

    // A corrected assessment replaces the stored one; a dry run says so and stores nothing.
    const corrected = FILE.replace('812345676;14;1-20;1', '812345676;12;1-20;1');
    expect(
      await importRiskScores(deps, ctx, bytes(corrected), 'corrigé.csv', { dryRun: true }),
    ).toMatchObject({ dryRun: true, committed: false, inserted: 0, updated: 1, unchanged: 1 });
    expect(await importRiskScores(deps, ctx, bytes(corrected), 'corrigé.csv')).toMatchObject({
      committed: true,
      updated: 1,
      unchanged: 1,
    });

    // The worked example's prospect, screened on the stored score alone (no lookup).
    const customer = await prospect(ctx, '812345676');
    const screen = await screenCustomer(deps, ctx, customer.id, {}, sources);
    expect(screen.score).toEqual({
      source: 'Assureur',
      raw: '12',
      scale: '1-20',
      normalized: 58,
      assessedOn: '2025-05-31',
      origin: 'file',
    });
    expect(screen.incidents).toEqual({ count: 1, amountCents: 123_450, lastOn: null });
    expect(codes(screen)).toEqual([
      'proceedings_unchecked',
      'payment_incidents',
      'score_below_go_threshold',
      'no_company_record',
    ]);
    expect(screen.verdict).toBe('go_with_deposit');
  });

  it('refuses a file with a bad line, naming its line, and stores none of its lines', async () => {
    const { ctx } = await makeCompany(deps);
    const bad = FILE.replace('845678903;3+', '845678904;3+');

    const refused = await importRiskScores(deps, ctx, bytes(bad), 'bad.csv').catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).reason).toBe('import_refused');
    expect(
      (refused as InvalidError).issues.map(({ line, field, code }) => ({ line, field, code })),
    ).toEqual([{ line: 3, field: 'siren', code: 'invalid_siren' }]);
    expect(await listRiskScoresOf(deps.db, ctx.companyId, ['812345676'])).toEqual([]);
  });

  it('refuses a file that is not UTF-8, with the line of the first bad byte', async () => {
    const { ctx } = await makeCompany(deps);
    const latin1 = new Uint8Array([...bytes(`${FILE}812345676;14;1-20;;;2025-06-01;`), 0xe9]);

    const refused = await importRiskScores(deps, ctx, latin1, 'latin1.csv').catch(
      (error: unknown) => error,
    );

    expect((refused as InvalidError).issues).toMatchObject([
      { field: 'file', code: 'bureau_file_not_utf8', line: 4 },
    ]);
  });
});
