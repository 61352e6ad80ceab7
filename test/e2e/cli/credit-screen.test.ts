/**
 * `encaisse credit screen` and `encaisse credit import-scores` as a script runs them
 * (docs/screening.md « Running a screen »): the sources are the loopback fixture servers,
 * named in the environment as a deployment names INSEE's and the DILA's; exit 0 go, 10 go
 * with deposit, 11 no-go, 4 an unknown customer; a bureau file imported twice changes
 * nothing, a bad line refuses it (exit 2) with its line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScreeningFixtures, type ScreeningFixtures } from '../../screening-fixture-server.ts';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file } = useCli();

let fixtures: ScreeningFixtures;
beforeAll(async () => {
  fixtures = await startScreeningFixtures();
});
afterAll(async () => {
  await fixtures.close();
});

const configured = () => ({
  SIRENE_BASE_URL: fixtures.sireneUrl,
  BODACC_BASE_URL: fixtures.bodaccUrl,
});
const screen = (...args: string[]) =>
  encaisseWithEnv(configured(), '--company', 'acme', 'credit', 'screen', ...args);
const importScores = (...args: string[]) =>
  encaisse('--company', 'acme', 'credit', 'import-scores', ...args);

describe('encaisse credit screen and import-scores', () => {
  it('screens with the sources asked, judges the scores a bureau file brought, and refuses a bad file', async () => {
    expect((await encaisse('db', 'migrate')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    const customers = file(
      'customers.csv',
      [
        'code,name,siren',
        'C1,Boulangerie des Trois Ponts,901234567',
        'C2,Ateliers Numériques du Rhône,812345676',
        'C3,Durand Plomberie,845678903',
        '',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);

    const noGo = await screen(
      '--customer',
      'c1',
      '--lookup',
      '--score',
      '95',
      '--source',
      'Assureur',
    );
    expect(noGo.code).toBe(12);
    expect(noGo.stdout).toBe(
      [
        'C1 (901234567): no-go.',
        '  - The company ceased on 29 Feb 2024 (Sirene register)',
        '  - In judicial liquidation: Jugement de conversion en liquidation judiciaire (TRIBUNAL DE COMMERCE DE GRENOBLE, 01 Mar 2024)',
        '  - Score 95/100 (Assureur: 95), at least 60',
        '',
      ].join('\n'),
    );

    const scores = file(
      'assureur.csv',
      'siren;score;scale;incidents;incident_amount;assessed_on;source\n812345676;14;1-20;1;1234,50;31/05/2025;Assureur\n',
    );
    const imported = await importScores(scores);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      'assureur.csv: lines read 1; scores added 1, changed 0, already known 0.\n',
    );
    expect((await importScores(scores, '--json')).stdout).toContain('"unchanged": 1');

    const deposit = await screen('--customer', 'C2', '--json');
    expect(deposit.code).toBe(11);
    expect(JSON.parse(deposit.stdout)).toMatchObject({
      verdict: 'go_with_deposit',
      depositBps: 3000,
      score: { source: 'Assureur', normalized: 68, origin: 'file' },
      reasons: [
        // Without --lookup the BODACC was not read: a deposit at best, whatever else.
        { code: 'proceedings_unchecked' },
        { code: 'payment_incidents' },
        { code: 'score_sufficient' },
        { code: 'no_company_record' },
      ],
    });

    // Created on 2024-02-01: more than 24 months before 15 March 2026, no longer young.
    const go = await screen('--customer', 'C3', '--lookup', '--score', '80');
    expect(go.code).toBe(0);
    expect(go.stdout).toBe('C3 (845678903): go.\n  - Score 80/100 (manual: 80), at least 60\n');

    const unconfigured = await encaisse(
      '--company',
      'acme',
      'credit',
      'screen',
      '--customer',
      'C3',
      '--lookup',
    );
    // No source configured: the BODACC was not read either, so a deposit at best.
    expect(unconfigured.code).toBe(11);
    expect(unconfigured.stdout).toContain(
      '  ! Sirene is not configured (SIRENE_BASE_URL): it was not asked\n',
    );
    expect(unconfigured.stdout).toContain(
      '  - The BODACC was not read: an open proceeding cannot be ruled out\n',
    );

    expect((await screen('--customer', 'NOBODY')).code).toBe(4);
    expect((await screen('--customer', 'C1', '--score', '12', '--scale', 'stars')).code).toBe(2);

    const bad = file(
      'bad.csv',
      'siren;score;scale;assessed_on;source\n812345676;14;1-20;31/05/2025;Assureur\n812345677;14;1-20;31/05/2025;Assureur\n',
    );
    const refused = await importScores(bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('812345677');
    expect(refused.stderr).toMatch(/line 3/i);
  });
});
