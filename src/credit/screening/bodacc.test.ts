import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { parseBodaccPage, parseJudgementDate, proceedingKindOf } from './bodacc.ts';
import { proceedingSituation, type ProceedingKind } from './proceedings.ts';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

const LYON = 'TRIBUNAL DE COMMERCE DE LYON';

describe('proceedingKindOf', () => {
  it.each<[string, ProceedingKind]>([
    ["Jugement d'ouverture d'une procédure de sauvegarde", 'safeguard'],
    ["Jugement d'ouverture d'une procédure de sauvegarde accélérée", 'safeguard'],
    ["Jugement d'ouverture d'une procédure de redressement judiciaire", 'receivership'],
    [
      'Jugement de conversion de la procédure de sauvegarde en redressement judiciaire',
      'receivership',
    ],
    [
      'Jugement prononçant la résolution du plan de sauvegarde et ouvrant une procédure de redressement judiciaire',
      'receivership',
    ],
    ["Jugement d'extension d'une procédure de redressement judiciaire", 'receivership'],
    ["Jugement d'ouverture de liquidation judiciaire", 'liquidation'],
    ["Jugement d'ouverture d'une procédure de liquidation judiciaire simplifiée", 'liquidation'],
    ['Jugement de conversion en liquidation judiciaire', 'liquidation'],
    [
      'Jugement prononçant la résolution du plan de redressement et la liquidation judiciaire',
      'liquidation',
    ],
    ['Jugement arrêtant le plan de redressement', 'plan'],
    ['Jugement arrêtant le plan de sauvegarde', 'plan'],
    ['JUGEMENT ARRETANT LE PLAN DE REDRESSEMENT', 'plan'],
    ['Jugement arrêtant le plan de cession', 'other'],
    ["Jugement de clôture pour insuffisance d'actif", 'closure'],
    ['Jugement de clôture pour insuffisance d’actif', 'closure'],
    ['Jugement de clôture pour extinction du passif', 'closure'],
    ['Jugement mettant fin à la procédure de redressement judiciaire', 'closure'],
    ['Jugement constatant la bonne exécution du plan', 'closure'],
    ['Arrêt de la cour d’appel infirmant le jugement de liquidation judiciaire', 'other'],
    ['Jugement modifiant le plan de redressement', 'other'],
    ["Avis de dépôt de l'état des créances", 'other'],
    ['', 'other'],
  ])('%j is %s', (wording, kind) => {
    expect(proceedingKindOf(wording)).toBe(kind);
  });
});

describe('parseJudgementDate', () => {
  it.each([
    ['2024-02-27', '2024-02-27'],
    ['27 février 2024', '2024-02-27'],
    ['1er mars 2024', '2024-03-01'],
    ['4 FEVRIER 2025', '2025-02-04'],
    ['15 août 2023', '2023-08-15'],
    ['31 février 2024', undefined],
    ['27 brumaire 2024', undefined],
    ['27/02/2024', undefined],
    ['', undefined],
  ])('%j is %s', (text, expected) => {
    expect(parseJudgementDate(text)).toBe(expected);
  });
});

describe('parseBodaccPage', () => {
  it('keeps the collective notices of the SIREN asked, with or without spaces', () => {
    const result = parseBodaccPage(fixture('bodacc-receivership-plan.json'), '812345676');
    expect(result).toEqual({
      ok: true,
      proceedings: [
        {
          kind: 'plan',
          judgedOn: '2023-09-05',
          publishedOn: '2023-09-12',
          court: LYON,
          label: 'Jugement arrêtant le plan de redressement',
          reference: 'A202301760412',
        },
        {
          kind: 'other',
          judgedOn: null,
          publishedOn: '2023-05-16',
          court: LYON,
          label: "Avis de dépôt de l'état des créances",
          reference: 'A202300950088',
        },
        {
          kind: 'receivership',
          judgedOn: '2023-01-17',
          publishedOn: '2023-01-24',
          court: LYON,
          label: "Jugement d'ouverture d'une procédure de redressement judiciaire",
          reference: 'A202300170201',
        },
      ],
      issues: [],
      totalCount: 5,
      recordCount: 5,
    });
  });

  it('gives a receivership then a plan: continuing under the plan', () => {
    const result = parseBodaccPage(fixture('bodacc-receivership-plan.json'), '812 345 676');
    const situation = result.ok ? proceedingSituation(result.proceedings) : undefined;
    expect(situation?.state).toBe('plan');
    expect(situation?.unclassified).toEqual([]);
  });

  it('reads a liquidation closed for insufficient assets, with dates in words', () => {
    const result = parseBodaccPage(fixture('bodacc-liquidation.json'), '901234567');
    expect(result.ok && result.proceedings.map((p) => [p.kind, p.judgedOn])).toEqual([
      ['closure', '2025-02-04'],
      ['liquidation', '2024-03-01'],
      ['safeguard', '2023-10-31'],
    ]);
    expect(result.ok && proceedingSituation(result.proceedings).state).toBe('liquidated');
  });

  it('finds nothing for another SIREN, nor in an empty answer', () => {
    expect(parseBodaccPage(fixture('bodacc-liquidation.json'), '812345676')).toEqual({
      ok: true,
      proceedings: [],
      issues: [],
      totalCount: 3,
      recordCount: 3,
    });
    expect(parseBodaccPage(fixture('bodacc-empty.json'), '812345676')).toEqual({
      ok: true,
      proceedings: [],
      issues: [],
      totalCount: 0,
      recordCount: 0,
    });
  });

  it('keeps a notice whose judgement cannot be read as unclassified, and says so', () => {
    expect(parseBodaccPage(fixture('bodacc-unreadable.json'), '444555668')).toEqual({
      ok: true,
      proceedings: [
        {
          kind: 'other',
          judgedOn: null,
          publishedOn: calendarDate('2024-01-23'),
          court: '',
          label: 'Procédures collectives',
          reference: 'A202400120007',
        },
      ],
      issues: [
        expect.objectContaining({
          field: 'jugement',
          code: 'bodacc_judgement_unreadable',
          params: { id: 'A202400120007' },
        }),
      ],
      totalCount: 1,
      recordCount: 1,
    });
  });

  const record = (changes: Record<string, unknown>) => ({
    total_count: 1,
    results: [
      {
        id: 'A1',
        dateparution: '2024-01-23',
        familleavis: 'collective',
        registre: ['812345676'],
        jugement: JSON.stringify({
          nature: "Jugement d'ouverture de liquidation judiciaire",
          date: '2024-01-16',
        }),
        ...changes,
      },
    ],
  });

  it('uses the publication date when the judgement date cannot be read', () => {
    const result = parseBodaccPage(
      record({ jugement: JSON.stringify({ nature: 'Jugement de clôture', date: 'le 16' }) }),
      '812345676',
    );
    expect(result).toEqual(
      expect.objectContaining({
        proceedings: [expect.objectContaining({ kind: 'closure', judgedOn: null })],
        issues: [
          expect.objectContaining({
            code: 'bodacc_judgement_date_unreadable',
            params: { id: 'A1', value: 'le 16' },
          }),
        ],
      }),
    );
  });

  it('reads a registre written as one comma-separated string, and a judgement known by its famille', () => {
    const result = parseBodaccPage(
      record({
        registre: '812 345 676,812345676',
        jugement: JSON.stringify({ famille: 'Jugement de clôture' }),
      }),
      '812345676',
    );
    expect(result.ok && result.proceedings.map((p) => [p.kind, p.label])).toEqual([
      ['closure', 'Jugement de clôture'],
    ]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['']],
    ['no results', { total_count: 0 }, ['results']],
    ['a record without id', record({ id: undefined }), ['results.0.id']],
    [
      'an impossible publication date',
      record({ dateparution: '2024-02-30' }),
      ['results.0.dateparution'],
    ],
    ['a registre that is a number', record({ registre: 812345676 }), ['results.0.registre']],
  ])('refuses a page with %s', (_, body, paths) => {
    const result = parseBodaccPage(body, '812345676');
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.field])).toEqual(
      paths.map((path) => ['bodacc_bad_answer', path]),
    );
  });
});
