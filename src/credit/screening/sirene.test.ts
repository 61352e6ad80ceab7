import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import type { CompanyRecord } from './model.ts';
import { parseSireneAnswer } from './sirene.ts';

const AS_OF = calendarDate('2025-06-30');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

const company = (changes: Partial<CompanyRecord>): CompanyRecord => ({
  siren: '',
  name: null,
  state: 'active',
  ceasedOn: null,
  legalFormCode: null,
  legalFormLabel: null,
  createdOn: null,
  activityCode: null,
  headcountBand: null,
  isPartiallyDiffusible: false,
  source: 'sirene',
  asOf: AS_OF,
  ...changes,
});

describe('parseSireneAnswer', () => {
  it.each<[string, string, CompanyRecord]>([
    [
      'an active SAS, read from its current period',
      'sirene-active-sas.json',
      company({
        siren: '812345676',
        name: 'ATELIERS NUMERIQUES DU RHONE',
        legalFormCode: '5710',
        legalFormLabel: 'SAS, société par actions simplifiée',
        createdOn: calendarDate('2015-09-14'),
        activityCode: '62.01Z',
        headcountBand: '12',
      }),
    ],
    [
      'a ceased company, ceased on its current period’s start',
      'sirene-ceased.json',
      company({
        siren: '901234567',
        name: 'BOULANGERIE DES TROIS PONTS',
        state: 'ceased',
        ceasedOn: calendarDate('2024-02-29'),
        legalFormCode: '5499',
        legalFormLabel: 'Société à responsabilité limitée (sans autre indication)',
        createdOn: calendarDate('2021-04-06'),
        activityCode: '10.71C',
      }),
    ],
    [
      'a sole trader, named by first name and usage name',
      'sirene-sole-trader.json',
      company({
        siren: '845678903',
        name: 'CLAIRE LEROUX',
        legalFormCode: '1000',
        legalFormLabel: 'Entrepreneur individuel',
        createdOn: calendarDate('2024-02-01'),
        activityCode: '74.10Z',
        headcountBand: 'NN',
      }),
    ],
    [
      'a unit in partial diffusion: the [ND] fields are unknown',
      'sirene-partial.json',
      company({
        siren: '444555668',
        legalFormCode: '1000',
        legalFormLabel: 'Entrepreneur individuel',
        createdOn: calendarDate('2012-05-21'),
        activityCode: '43.22A',
        headcountBand: '01',
        isPartiallyDiffusible: true,
      }),
    ],
  ])('%s', (_, name, expected) => {
    expect(parseSireneAnswer(200, fixture(name), { siren: expected.siren, asOf: AS_OF })).toEqual({
      ok: true,
      company: expected,
    });
  });

  it('accepts the SIREN asked with spaces', () => {
    const result = parseSireneAnswer(200, fixture('sirene-active-sas.json'), {
      siren: '812 345 676',
      asOf: AS_OF,
    });
    expect(result.ok && result.company.siren).toBe('812345676');
  });

  it('reads a 404 as an unknown SIREN', () => {
    expect(
      parseSireneAnswer(404, fixture('sirene-not-found.json'), { siren: '123456782', asOf: AS_OF }),
    ).toEqual({
      ok: false,
      isUnknownSiren: true,
      issues: [
        {
          field: 'siren',
          code: 'sirene_siren_unknown',
          params: { siren: '123456782' },
          message: 'The Sirene register knows no SIREN 123456782',
        },
      ],
    });
  });

  function withUnit(changes: Record<string, unknown>, periodChanges: Record<string, unknown> = {}) {
    const body = fixture('sirene-active-sas.json') as {
      uniteLegale: Record<string, unknown> & { periodesUniteLegale: Record<string, unknown>[] };
    };
    const [current, ...older] = body.uniteLegale.periodesUniteLegale;
    return {
      uniteLegale: {
        ...body.uniteLegale,
        ...changes,
        periodesUniteLegale: [{ ...current, ...periodChanges }, ...older],
      },
    };
  }

  it.each<[string, unknown, string[]]>([
    ['not an object', 'ok', ['']],
    ['no uniteLegale', { header: { statut: 200 } }, ['uniteLegale']],
    [
      'no period',
      { uniteLegale: { ...withUnit({}).uniteLegale, periodesUniteLegale: [] } },
      ['uniteLegale.periodesUniteLegale.0'],
    ],
    [
      'a state that is neither A nor C',
      withUnit({}, { etatAdministratifUniteLegale: 'F' }),
      ['uniteLegale.periodesUniteLegale.0.etatAdministratifUniteLegale'],
    ],
    [
      'an impossible creation date',
      withUnit({ dateCreationUniteLegale: '2015-02-30' }),
      ['uniteLegale.dateCreationUniteLegale'],
    ],
    [
      'a headcount band of another shape',
      withUnit({ trancheEffectifsUniteLegale: '20 à 49' }),
      ['uniteLegale.trancheEffectifsUniteLegale'],
    ],
    [
      'a catégorie juridique of another shape',
      withUnit({}, { categorieJuridiqueUniteLegale: 'SAS' }),
      ['uniteLegale.periodesUniteLegale.0.categorieJuridiqueUniteLegale'],
    ],
    ['another SIREN than the one asked', withUnit({ siren: '901234567' }), ['uniteLegale.siren']],
  ])('refuses an answer with %s', (_, body, paths) => {
    expect(parseSireneAnswer(200, body, { siren: '812345676', asOf: AS_OF })).toEqual({
      ok: false,
      isUnknownSiren: false,
      issues: paths.map((path) =>
        expect.objectContaining({ code: 'sirene_bad_answer', field: path }),
      ),
    });
  });

  it('refuses a status other than 200 and 404', () => {
    const result = parseSireneAnswer(500, {}, { siren: '812345676', asOf: AS_OF });
    expect(result).toEqual({
      ok: false,
      isUnknownSiren: false,
      issues: [
        expect.objectContaining({
          code: 'sirene_bad_answer',
          params: { path: 'status', detail: 'HTTP 500' },
        }),
      ],
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, Partial<CompanyRecord>]>([
    ['a masked creation date', { dateCreationUniteLegale: '[ND]' }, {}, { createdOn: null }],
    [
      'an activity code of an older nomenclature',
      {},
      {
        activitePrincipaleUniteLegale: '72.2Z',
        nomenclatureActivitePrincipaleUniteLegale: 'NAFRev1',
      },
      { activityCode: null },
    ],
    [
      'no open period: the latest known (the first)',
      {},
      { dateFin: '2024-12-31', denominationUniteLegale: 'LATEST' },
      { name: 'LATEST' },
    ],
    [
      'an unlisted catégorie juridique: its code, no label',
      {},
      { categorieJuridiqueUniteLegale: '5385' },
      { legalFormCode: '5385', legalFormLabel: null },
    ],
  ])('reads %s', (_, unitChanges, periodChanges, expected) => {
    const result = parseSireneAnswer(200, withUnit(unitChanges, periodChanges), {
      siren: '812345676',
      asOf: AS_OF,
    });
    expect(result).toEqual({ ok: true, company: expect.objectContaining(expected) });
  });
});
