import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../src/shared/language.ts';
import type { TProblem } from '../../../../src/shared/schemas.ts';
import {
  buildScreeningRequest,
  EMPTY_SCREENING_VALUES,
  headcountBandOf,
  isScreeningOpenByDefault,
  screeningFieldOf,
  screeningProblemOf,
  screeningText,
  verdictTone,
  type ScreeningFormValues,
  type ScreeningRequestBuild,
  type TVerdict,
} from './screening-model.ts';

describe('the verdict and the panel', () => {
  it.each<[TVerdict, string]>([
    ['go', 'green'],
    ['go_with_deposit', 'orange'],
    ['no_go', 'red'],
  ])('%s is %s', (verdict, tone) => {
    expect(verdictTone(verdict)).toBe(tone);
  });

  it.each<[string | undefined, boolean]>([
    ['prospect', true],
    ['active', false],
    ['on_hold', false],
    ['closed', false],
    [undefined, false],
  ])('a customer %s opens it by default: %s', (status, expected) => {
    expect(isScreeningOpenByDefault(status)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['NN', 'NN'],
    ['00', '00'],
    ['53', '53'],
    ['13', undefined],
    ['[ND]', undefined],
  ])('headcount band %s → %s', (text, expected) => {
    expect(headcountBandOf(text)).toBe(expected);
  });
});

describe('a reason in words', () => {
  it.each<[Language, Parameters<typeof screeningText>[1], string]>([
    [
      'fr',
      {
        code: 'score_sufficient',
        params: { score: 72, source: 'Ellisphere', raw: '72', threshold: 60 },
        message: 'Score 72/100 (Ellisphere: 72), at least 60',
      },
      'Score 72/100 (Ellisphere\u00a0: 72), au moins 60',
    ],
    [
      'en',
      {
        code: 'score_sufficient',
        params: { score: 72, source: 'Ellisphere', raw: '72', threshold: 60 },
      },
      'Score 72/100 (Ellisphere: 72), at least 60',
    ],
    ['en', { code: 'no_score', params: {} }, 'No score: judged on the register alone'],
    [
      'fr',
      { code: 'a_newer_code', params: {}, message: 'As the server said' },
      'As the server said',
    ],
    ['fr', { code: 'a_newer_code' }, 'a_newer_code'],
  ])('%s %j → %s', (language, entry, expected) => {
    expect(screeningText(language, entry)).toBe(expected);
  });
});

describe('the form’s entries as the request', () => {
  const values = (patch: Partial<ScreeningFormValues>): ScreeningFormValues => ({
    ...EMPTY_SCREENING_VALUES,
    ...patch,
  });

  it.each<[string, Partial<ScreeningFormValues>, ScreeningRequestBuild]>([
    ['nothing typed', {}, { ok: true, body: { lookup: false, proceedingsChecked: false } }],
    [
      'a score of 72 on 0-100, BODACC read',
      { score: ' 72 ', source: ' Ellisphere ', proceedingsChecked: true },
      {
        ok: true,
        body: {
          score: { raw: '72', scale: '0-100', source: 'Ellisphere' },
          lookup: false,
          proceedingsChecked: true,
        },
      },
    ],
    [
      'a Banque de France grade, sources asked',
      { score: '4+', scale: 'bdf', source: 'Banque de France', lookup: true },
      {
        ok: true,
        body: {
          score: { raw: '4+', scale: 'bdf', source: 'Banque de France' },
          lookup: true,
          proceedingsChecked: false,
        },
      },
    ],
    [
      'two incidents of 1 234,50 €',
      { incidentCount: '2', incidentAmount: '1 234,50' },
      {
        ok: true,
        body: {
          incidents: { count: 2, amountCents: 123_450 },
          lookup: false,
          proceedingsChecked: false,
        },
      },
    ],
    [
      'one incident, no amount',
      { incidentCount: '1' },
      {
        ok: true,
        body: { incidents: { count: 1, amountCents: 0 }, lookup: false, proceedingsChecked: false },
      },
    ],
    [
      'an amount without a count',
      { incidentAmount: '500' },
      { ok: false, problems: { 'incidents.count': 'countMissing' } },
    ],
    [
      'a count that is not whole, an amount that is no amount',
      { incidentCount: '1,5', incidentAmount: 'beaucoup' },
      {
        ok: false,
        problems: { 'incidents.count': 'countInvalid', 'incidents.amountCents': 'amountInvalid' },
      },
    ],
    [
      'a negative count',
      { incidentCount: '-1' },
      { ok: false, problems: { 'incidents.count': 'countInvalid' } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(buildScreeningRequest(values(patch))).toEqual(expected);
  });
});

describe('a refusal on its fields', () => {
  it.each<[string, string | undefined]>([
    ['score.score', 'score.raw'],
    ['score', 'score.raw'],
    ['score.raw', 'score.raw'],
    ['score.source', 'score.source'],
    ['incidents.count', 'incidents.count'],
    ['incidents.amountCents', 'incidents.amountCents'],
    ['siren', undefined],
    ['body', undefined],
  ])('issue on %s → input %s', (field, expected) => {
    expect(screeningFieldOf(field)).toBe(expected);
  });

  const refused = (issues: NonNullable<TProblem['issues']>): TProblem => ({
    type: 'https://encaisse.dev/problems/invalid',
    title: 'Requête invalide',
    status: 400,
    code: 'invalid',
    detail: 'L’analyse de solvabilité ne peut pas être faite',
    reason: 'screening_refused',
    params: {},
    issues,
  });

  it.each<[string, TProblem, ReturnType<typeof screeningProblemOf>]>([
    [
      'a customer without a SIREN',
      refused([{ field: 'siren', code: 'screening_siren_missing', message: 'x', params: {} }]),
      {
        fields: {},
        messages: [
          'L’analyse de solvabilité ne peut pas être faite',
          'Le client n’a pas de SIREN\u00a0: saisissez-le sur sa fiche avant d’analyser sa solvabilité',
        ],
      },
    ],
    [
      'a score out of its scale, and a zod issue on the source',
      refused([
        {
          field: 'score.score',
          code: 'score_out_of_scale',
          message: 'x',
          params: { value: '120', scale: '0-100' },
        },
        { field: 'score.source', code: 'too_small', message: 'score.source : trop court' },
      ]),
      {
        fields: {
          'score.raw': 'Le score «\u00a0120\u00a0» est hors de l’échelle 0-100',
          'score.source': 'trop court',
        },
        messages: ['L’analyse de solvabilité ne peut pas être faite'],
      },
    ],
  ])('%s', (_name, problem, expected) => {
    expect(screeningProblemOf('fr', problem)).toEqual(expected);
  });
});
