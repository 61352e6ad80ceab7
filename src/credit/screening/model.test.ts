import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { cents } from '../../shared/money.ts';
import {
  recommend,
  type CompanyRecord,
  type PaymentIncidents,
  type ScreeningInput,
  type Verdict,
} from './model.ts';
import { DEFAULT_SCREENING_POLICY, type ScreeningPolicy } from './policy.ts';
import type { CollectiveProceeding, ProceedingKind } from './proceedings.ts';
import type { RiskScore } from './score.ts';

const d = calendarDate;
const AS_OF = d('2025-06-30');
const SIREN = '123456782';

const company = (changes: Partial<CompanyRecord> = {}): CompanyRecord => ({
  siren: SIREN,
  name: 'ATELIERS DU RHONE',
  state: 'active',
  ceasedOn: null,
  legalFormCode: '5710',
  legalFormLabel: 'SAS, société par actions simplifiée',
  createdOn: d('2015-03-02'),
  activityCode: '62.01Z',
  headcountBand: '12',
  isPartiallyDiffusible: false,
  source: 'sirene',
  asOf: AS_OF,
  ...changes,
});

const score = (normalized: number | null, raw = String(normalized ?? '0')): RiskScore => ({
  source: 'Bureau',
  raw,
  scale: normalized === null ? 'bdf' : '0-100',
  normalized,
});

const incidents = (count: number, amount = 150_000): PaymentIncidents => ({
  count,
  amountCents: cents(amount),
  lastOn: d('2025-02-01'),
});

const judgement = (
  kind: ProceedingKind,
  judgedOn: string,
  label: string = kind,
): CollectiveProceeding => ({
  kind,
  judgedOn: d(judgedOn),
  publishedOn: d(judgedOn),
  court: 'Tribunal de commerce de Lyon',
  label,
  reference: null,
});

const screen = (changes: Partial<ScreeningInput> = {}): ScreeningInput => ({
  identity: { siren: SIREN },
  company: company(),
  proceedings: [],
  score: score(75),
  asOf: AS_OF,
  ...changes,
});

const codes = (input: ScreeningInput, policy: ScreeningPolicy = DEFAULT_SCREENING_POLICY) => {
  const result = recommend(input, policy);
  return [result.verdict, result.reasons.map((reason) => reason.code)];
};

describe('recommend', () => {
  it.each<[string, ScreeningInput, Verdict, string[]]>([
    ['a sound, old company with a good score', screen(), 'go', ['score_sufficient']],
    [
      'the score exactly at the go threshold',
      screen({ score: score(60) }),
      'go',
      ['score_sufficient'],
    ],
    [
      'a SIREN typed with spaces',
      screen({ identity: { siren: '123 456 782' } }),
      'go',
      ['score_sufficient'],
    ],
    [
      'a matching SIRET',
      screen({ identity: { siren: SIREN, siret: '123 456 782 00002' } }),
      'go',
      ['score_sufficient'],
    ],
    [
      'a blank SIRET is not checked',
      screen({ identity: { siren: SIREN, siret: ' ' } }),
      'go',
      ['score_sufficient'],
    ],
    // Identity.
    [
      'an invalid SIREN checksum',
      screen({ identity: { siren: '123456789' }, company: undefined }),
      'no_go',
      ['invalid_siren', 'score_sufficient', 'no_company_record'],
    ],
    [
      'an invalid SIRET checksum',
      screen({ identity: { siren: SIREN, siret: '12345678200003' } }),
      'no_go',
      ['invalid_siret', 'score_sufficient'],
    ],
    [
      'a valid SIRET of another SIREN',
      screen({ identity: { siren: SIREN, siret: '90123456700005' } }),
      'no_go',
      ['siret_siren_mismatch', 'score_sufficient'],
    ],
    // The register.
    [
      'a ceased company, whatever its score',
      screen({
        company: company({ state: 'ceased', ceasedOn: d('2024-12-31') }),
        score: score(95),
      }),
      'no_go',
      ['company_ceased', 'score_sufficient'],
    ],
    [
      'a ceased company without a date',
      screen({ company: company({ state: 'ceased' }) }),
      'no_go',
      ['company_ceased_undated', 'score_sufficient'],
    ],
    [
      'a company of 23 months',
      screen({ company: company({ createdOn: d('2023-07-31') }) }),
      'go_with_deposit',
      ['young_company', 'score_sufficient'],
    ],
    [
      'a company of exactly 24 months',
      screen({ company: company({ createdOn: d('2023-06-30') }) }),
      'go',
      ['score_sufficient'],
    ],
    [
      'a company without a creation date is not judged on its age',
      screen({ company: company({ createdOn: null }) }),
      'go',
      ['score_sufficient'],
    ],
    // Proceedings.
    [
      'an open receivership, whatever the score',
      screen({ proceedings: [judgement('receivership', '2025-01-10')], score: score(99) }),
      'no_go',
      ['proceeding_receivership', 'score_sufficient'],
    ],
    [
      'a liquidation',
      screen({ proceedings: [judgement('liquidation', '2025-01-10')] }),
      'no_go',
      ['proceeding_liquidation', 'score_sufficient'],
    ],
    [
      'a liquidation closed for insufficient assets',
      screen({
        proceedings: [
          judgement('liquidation', '2023-01-10'),
          judgement('closure', '2024-05-10', "Jugement de clôture pour insuffisance d'actif"),
        ],
      }),
      'no_go',
      ['proceeding_liquidation', 'score_sufficient'],
    ],
    [
      'an open safeguard',
      screen({ proceedings: [judgement('safeguard', '2025-01-10')] }),
      'go_with_deposit',
      ['proceeding_safeguard', 'score_sufficient'],
    ],
    [
      'a receivership continuing under a plan',
      screen({
        proceedings: [judgement('receivership', '2023-01-10'), judgement('plan', '2023-10-10')],
      }),
      'go_with_deposit',
      ['proceeding_plan', 'score_sufficient'],
    ],
    [
      'a safeguard closed',
      screen({
        proceedings: [judgement('safeguard', '2019-01-10'), judgement('closure', '2020-10-10')],
      }),
      'go',
      ['proceeding_ended', 'score_sufficient'],
    ],
    [
      'an unclassified notice',
      screen({ proceedings: [judgement('other', '2025-01-10', 'Jugement modifiant le plan')] }),
      'go_with_deposit',
      ['proceeding_unclassified', 'score_sufficient'],
    ],
    // Incidents.
    ['no incident', screen({ incidents: incidents(0, 0) }), 'go', ['score_sufficient']],
    [
      'one incident',
      screen({ incidents: incidents(1) }),
      'go_with_deposit',
      ['payment_incidents', 'score_sufficient'],
    ],
    [
      'two incidents',
      screen({ incidents: incidents(2) }),
      'go_with_deposit',
      ['payment_incidents', 'score_sufficient'],
    ],
    [
      'three incidents',
      screen({ incidents: incidents(3) }),
      'no_go',
      ['payment_incidents_no_go', 'score_sufficient'],
    ],
    // Score.
    [
      'a score just below the go threshold',
      screen({ score: score(59) }),
      'go_with_deposit',
      ['score_below_go_threshold'],
    ],
    [
      'a score exactly at the deposit threshold',
      screen({ score: score(35) }),
      'go_with_deposit',
      ['score_below_go_threshold'],
    ],
    [
      'a score below the deposit threshold',
      screen({ score: score(34) }),
      'no_go',
      ['score_below_deposit_threshold'],
    ],
    ['no score, the register known', screen({ score: undefined }), 'go', ['no_score']],
    [
      'a score without a company record',
      screen({ company: undefined }),
      'go',
      ['score_sufficient', 'no_company_record'],
    ],
    [
      'nothing known at all',
      screen({ company: undefined, score: undefined }),
      'go_with_deposit',
      ['no_information'],
    ],
    [
      'Banque de France 0 and no company record: nothing known',
      screen({ company: undefined, score: score(null) }),
      'go_with_deposit',
      ['no_information', 'score_unrated'],
    ],
    [
      'Banque de France 0 with the register known',
      screen({ score: score(null) }),
      'go',
      ['score_unrated', 'no_score'],
    ],
    // Several at once, most serious first.
    [
      'every reason that applies, most serious first',
      screen({
        identity: { siren: SIREN, siret: '12345678200003' },
        company: company({ createdOn: d('2024-09-01') }),
        proceedings: [judgement('safeguard', '2025-01-10')],
        incidents: incidents(4),
        score: score(50),
      }),
      'no_go',
      [
        'invalid_siret',
        'payment_incidents_no_go',
        'young_company',
        'proceeding_safeguard',
        'score_below_go_threshold',
      ],
    ],
  ])('%s', (_, input, verdict, reasons) => {
    expect(codes(input)).toEqual([verdict, reasons]);
  });

  it('asks the policy deposit for a go with deposit, none otherwise', () => {
    const policy = { ...DEFAULT_SCREENING_POLICY, depositBps: 5000 };
    expect(recommend(screen({ score: score(50) }), policy).depositBps).toBe(5000);
    expect(recommend(screen(), policy).depositBps).toBeNull();
    expect(recommend(screen({ score: score(10) }), policy).depositBps).toBeNull();
  });

  it('applies the policy thresholds', () => {
    const strict = { ...DEFAULT_SCREENING_POLICY, goMinScore: 80, depositMinScore: 70 };
    expect(codes(screen({ score: score(75) }), strict)).toEqual([
      'go_with_deposit',
      ['score_below_go_threshold'],
    ]);
    expect(codes(screen({ score: score(65) }), strict)).toEqual([
      'no_go',
      ['score_below_deposit_threshold'],
    ]);
    const tolerant = {
      ...DEFAULT_SCREENING_POLICY,
      maxIncidents: 2,
      incidentsNoGo: 5,
      youngCompanyMonths: 0,
    };
    expect(
      codes(screen({ incidents: incidents(2), company: company({ createdOn: AS_OF }) }), tolerant),
    ).toEqual(['go', ['score_sufficient']]);
  });

  it('gives each reason the values its sentence names', () => {
    const result = recommend(
      screen({
        identity: { siren: SIREN, siret: '90123456700005' },
        company: company({ createdOn: d('2024-01-15') }),
        proceedings: [judgement('receivership', '2025-01-10', 'Jugement d’ouverture')],
        incidents: incidents(1, 250_000),
        score: score(40, '8,6'),
      }),
      DEFAULT_SCREENING_POLICY,
    );
    expect(result).toEqual({
      verdict: 'no_go',
      depositBps: null,
      reasons: [
        { code: 'siret_siren_mismatch', params: { value: '90123456700005', siren: SIREN } },
        {
          code: 'proceeding_receivership',
          params: {
            date: '2025-01-10',
            court: 'Tribunal de commerce de Lyon',
            label: 'Jugement d’ouverture',
          },
        },
        { code: 'young_company', params: { createdOn: '2024-01-15', months: 24 } },
        {
          code: 'payment_incidents',
          params: { count: 1, amount: 250_000, currency: 'EUR', limit: 0 },
        },
        {
          code: 'score_below_go_threshold',
          params: { score: 40, source: 'Bureau', raw: '8,6', threshold: 60 },
        },
      ],
    });
  });

  it('names the ceased date and the incidents limit of a no-go', () => {
    const result = recommend(
      screen({
        company: company({ state: 'ceased', ceasedOn: d('2024-12-31') }),
        incidents: incidents(3, 0),
      }),
      DEFAULT_SCREENING_POLICY,
    );
    expect(result.reasons.slice(0, 2)).toEqual([
      { code: 'company_ceased', params: { ceasedOn: '2024-12-31' } },
      {
        code: 'payment_incidents_no_go',
        params: { count: 3, amount: 0, currency: 'EUR', limit: 3 },
      },
    ]);
  });

  it('refuses an invalid policy and a record of another company', () => {
    expect(() => recommend(screen(), { ...DEFAULT_SCREENING_POLICY, depositMinScore: 90 })).toThrow(
      new RangeError('Invalid screening policy: screening_policy_deposit_above_go'),
    );
    expect(() =>
      recommend(screen({ company: company({ siren: '901234567' }) }), DEFAULT_SCREENING_POLICY),
    ).toThrow(RangeError);
  });
});

describe('recommend: a BODACC not read', () => {
  it('caps a good company at a deposit, and leaves a no-go a no-go', () => {
    expect(
      recommend(
        screen({ company: company(), score: score(90), isProceedingsChecked: false }),
        DEFAULT_SCREENING_POLICY,
      ),
    ).toMatchObject({ verdict: 'go_with_deposit', depositBps: 3000 });
    expect(
      codes(screen({ company: company(), score: score(90), isProceedingsChecked: false })),
    ).toEqual(['go_with_deposit', ['proceedings_unchecked', 'score_sufficient']]);
    expect(
      recommend(
        screen({ company: company({ state: 'ceased' }), isProceedingsChecked: false }),
        DEFAULT_SCREENING_POLICY,
      ).verdict,
    ).toBe('no_go');
    expect(
      recommend(screen({ company: company(), score: score(90) }), DEFAULT_SCREENING_POLICY).verdict,
    ).toBe('go');
  });
});
