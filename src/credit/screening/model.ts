/**
 * The solvency screen of a prospect (issue 12): what is known of the company (its legal
 * identity, its state in the Sirene register, its collective proceedings in the BODACC, its
 * payment incidents, a risk score) and the recommendation drawn from it, go, go with a
 * deposit or prepayment, or no-go, with every reason that applies (docs/screening.md).
 *
 * Pure (HOUSE_STYLE §3): the date of the screen (`asOf`) is a parameter.
 */
import { addMonths, compareDates, type CalendarDate } from '../../shared/calendar-date.ts';
import {
  isValidSiren,
  isValidSiret,
  normalizeSiren,
  normalizeSiret,
} from '../../shared/identifiers.ts';
import type { Cents } from '../../shared/money.ts';
import { checkScreeningPolicy, type ScreeningPolicy } from './policy.ts';
import { effectiveDate, proceedingSituation, type CollectiveProceeding } from './proceedings.ts';
import type { RiskScore } from './score.ts';

/**
 * A company as the Sirene register describes it (`source: 'sirene'`), or as a person
 * entered or a file imported it. Unknown values are null:
 * - `legalFormCode`: the INSEE "catégorie juridique" on 4 digits (`5710` SAS), with its
 *   label when known;
 * - `activityCode`: the NAF rév. 2 code (`62.01Z`);
 * - `headcountBand`: the INSEE `trancheEffectifs` code (`NN`: no employee; `12`: 20 to 49);
 * - `ceasedOn`: the day a ceased company stopped;
 * - `isPartiallyDiffusible`: Sirene `statutDiffusion` `P` (C. com. R. 123-232-1): some
 *   fields are masked, and the person's data must not be used for prospecting;
 * - `asOf`: the day the data was read or entered.
 */
export type CompanyRecord = {
  siren: string;
  name: string | null;
  state: 'active' | 'ceased';
  ceasedOn: CalendarDate | null;
  legalFormCode: string | null;
  legalFormLabel: string | null;
  createdOn: CalendarDate | null;
  activityCode: string | null;
  headcountBand: string | null;
  isPartiallyDiffusible: boolean;
  source: 'sirene' | 'manual' | 'import';
  asOf: CalendarDate;
};

/** Payment incidents known of a company: how many, their total (in euro cents), the last one's day. */
export type PaymentIncidents = {
  count: number;
  amountCents: Cents;
  lastOn: CalendarDate | null;
};

/** What the screen is given: the identifiers typed, and what the sources said. */
export type ScreeningInput = {
  identity: { siren: string; siret?: string | undefined };
  company?: CompanyRecord | undefined;
  proceedings: readonly CollectiveProceeding[];
  incidents?: PaymentIncidents | undefined;
  score?: RiskScore | undefined;
  asOf: CalendarDate;
  /**
   * Whether the BODACC was read for this screen (answered, even with nothing). Left out, it
   * was. `false`: nobody knows whether a proceeding is open, so the verdict is a deposit at
   * best (`proceedings_unchecked`): a receivership is a no-go whatever the score, and an
   * unread register cannot rule one out.
   */
  isProceedingsChecked?: boolean | undefined;
};

/** The three recommendations, from the safest for the seller to the most open. */
export type Verdict = 'go' | 'go_with_deposit' | 'no_go';

/** One reason of a recommendation: a stable code of the message catalogue and its values. */
export type ScreeningReason = { code: string; params: Record<string, string | number> };

/** What `recommend` says: the verdict, the deposit asked (go_with_deposit only), the reasons. */
export type Recommendation = {
  verdict: Verdict;
  depositBps: number | null;
  reasons: ScreeningReason[];
};

const SEVERITY: Readonly<Record<Verdict, number>> = { go: 0, go_with_deposit: 1, no_go: 2 };

type RankedReason = ScreeningReason & { verdict: Verdict };

function proceedingParams(proceeding: CollectiveProceeding): Record<string, string> {
  return { date: effectiveDate(proceeding), court: proceeding.court, label: proceeding.label };
}

/** The reasons about the identifiers typed: checksums (INSEE Luhn keys) and SIRET ⊃ SIREN. */
function identityReasons(identity: ScreeningInput['identity']): RankedReason[] {
  const reasons: RankedReason[] = [];
  const siren = normalizeSiren(identity.siren);
  if (!isValidSiren(siren)) {
    reasons.push({ verdict: 'no_go', code: 'invalid_siren', params: { value: identity.siren } });
  }
  if (identity.siret !== undefined && identity.siret.trim() !== '') {
    const siret = normalizeSiret(identity.siret);
    if (!isValidSiret(siret)) {
      reasons.push({ verdict: 'no_go', code: 'invalid_siret', params: { value: identity.siret } });
    } else if (!siret.startsWith(siren)) {
      reasons.push({
        verdict: 'no_go',
        code: 'siret_siren_mismatch',
        params: { value: identity.siret, siren },
      });
    }
  }
  return reasons;
}

/** The reasons about the register: ceased (whatever else is known), or too young to judge. */
function companyReasons(
  company: CompanyRecord,
  asOf: CalendarDate,
  policy: ScreeningPolicy,
): RankedReason[] {
  if (company.state === 'ceased') {
    return company.ceasedOn === null
      ? [{ verdict: 'no_go', code: 'company_ceased_undated', params: {} }]
      : [{ verdict: 'no_go', code: 'company_ceased', params: { ceasedOn: company.ceasedOn } }];
  }
  const { createdOn } = company;
  if (
    createdOn !== null &&
    compareDates(addMonths(createdOn, policy.youngCompanyMonths), asOf) > 0
  ) {
    return [
      {
        verdict: 'go_with_deposit',
        code: 'young_company',
        params: { createdOn, months: policy.youngCompanyMonths },
      },
    ];
  }
  return [];
}

/** The reasons about the BODACC: the state of `proceedingSituation`, and unread notices. */
function proceedingReasons(proceedings: readonly CollectiveProceeding[]): RankedReason[] {
  const { state, decisive, unclassified } = proceedingSituation(proceedings);
  const reasons: RankedReason[] = [];
  if (decisive !== null) {
    const params = proceedingParams(decisive);
    switch (state) {
      case 'liquidated':
        reasons.push({ verdict: 'no_go', code: 'proceeding_liquidation', params });
        break;
      case 'receivership':
        reasons.push({ verdict: 'no_go', code: 'proceeding_receivership', params });
        break;
      case 'safeguard':
        reasons.push({ verdict: 'go_with_deposit', code: 'proceeding_safeguard', params });
        break;
      case 'plan':
        reasons.push({ verdict: 'go_with_deposit', code: 'proceeding_plan', params });
        break;
      case 'none':
        reasons.push({ verdict: 'go', code: 'proceeding_ended', params });
        break;
    }
  }
  // A notice nobody could classify may be the opening of a proceeding: someone reads it
  // before open credit is given.
  for (const notice of unclassified) {
    reasons.push({
      verdict: 'go_with_deposit',
      code: 'proceeding_unclassified',
      params: proceedingParams(notice),
    });
  }
  return reasons;
}

/** The reasons about payment incidents: past `maxIncidents` a deposit, at `incidentsNoGo` a no-go. */
function incidentReasons(incidents: PaymentIncidents, policy: ScreeningPolicy): RankedReason[] {
  const params = { count: incidents.count, amount: incidents.amountCents, currency: 'EUR' };
  if (incidents.count >= policy.incidentsNoGo) {
    return [
      {
        verdict: 'no_go',
        code: 'payment_incidents_no_go',
        params: { ...params, limit: policy.incidentsNoGo },
      },
    ];
  }
  if (incidents.count > policy.maxIncidents) {
    return [
      {
        verdict: 'go_with_deposit',
        code: 'payment_incidents',
        params: { ...params, limit: policy.maxIncidents },
      },
    ];
  }
  return [];
}

/** The reasons about the score, or about its absence. */
function scoreReasons(
  score: RiskScore | undefined,
  hasCompany: boolean,
  policy: ScreeningPolicy,
): RankedReason[] {
  const reasons: RankedReason[] = [];
  const value = score?.normalized ?? null;
  if (score !== undefined && value === null) {
    reasons.push({
      verdict: 'go',
      code: 'score_unrated',
      params: { source: score.source, raw: score.raw },
    });
  }
  if (score === undefined || value === null) {
    // A demanding credit manager does not extend open credit on nothing: with neither a
    // score nor the register's word, the prospect is not known at all, so it pays first.
    // With the register alone, the other rules (state, age, proceedings) still judge it.
    reasons.push(
      hasCompany
        ? { verdict: 'go', code: 'no_score', params: {} }
        : { verdict: 'go_with_deposit', code: 'no_information', params: {} },
    );
    return reasons;
  }
  const params = { score: value, source: score.source, raw: score.raw };
  if (value < policy.depositMinScore) {
    reasons.push({
      verdict: 'no_go',
      code: 'score_below_deposit_threshold',
      params: { ...params, threshold: policy.depositMinScore },
    });
  } else if (value < policy.goMinScore) {
    reasons.push({
      verdict: 'go_with_deposit',
      code: 'score_below_go_threshold',
      params: { ...params, threshold: policy.goMinScore },
    });
  } else {
    reasons.push({
      verdict: 'go',
      code: 'score_sufficient',
      params: { ...params, threshold: policy.goMinScore },
    });
  }
  if (!hasCompany) {
    reasons.push({ verdict: 'go', code: 'no_company_record', params: {} });
  }
  return reasons;
}

/**
 * The recommendation for a prospect: the most serious verdict among the rules that apply,
 * and all their reasons, most serious first (and, among equals, identity, register,
 * proceedings, incidents, score). docs/screening.md has the table; in short:
 *
 * - no-go: an invalid SIREN or SIRET (or a SIRET of another SIREN), a ceased company, a
 *   receivership or liquidation (whatever the score), `incidentsNoGo` incidents or more,
 *   a score below `depositMinScore`;
 * - go with deposit at best: a safeguard, a plan, an unclassified BODACC notice, more than
 *   `maxIncidents` incidents, a score below `goMinScore`, a company younger than
 *   `youngCompanyMonths`, or nothing known (no score, no company record);
 * - go otherwise. `depositBps` is the policy's for a go with deposit, else null.
 *
 * Throws a RangeError when `policy` fails `checkScreeningPolicy` or `company` is another
 * SIREN's: both are the caller's mistakes, not facts about the prospect.
 */
export function recommend(input: ScreeningInput, policy: ScreeningPolicy): Recommendation {
  const policyIssues = checkScreeningPolicy(policy);
  if (policyIssues.length > 0) {
    throw new RangeError(`Invalid screening policy: ${policyIssues.map((i) => i.code).join(', ')}`);
  }
  const { company } = input;
  if (company !== undefined && company.siren !== normalizeSiren(input.identity.siren)) {
    throw new RangeError(`Company record ${company.siren} is not SIREN ${input.identity.siren}`);
  }
  const ranked = [
    ...identityReasons(input.identity),
    ...(company === undefined ? [] : companyReasons(company, input.asOf, policy)),
    ...proceedingReasons(input.proceedings),
    ...(input.isProceedingsChecked === false
      ? [{ verdict: 'go_with_deposit' as const, code: 'proceedings_unchecked', params: {} }]
      : []),
    ...(input.incidents === undefined ? [] : incidentReasons(input.incidents, policy)),
    ...scoreReasons(input.score, company !== undefined, policy),
  ];
  // Array.prototype.sort is stable (ES2019): equals keep the order above.
  ranked.sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const verdict = ranked[0]?.verdict ?? 'go';
  return {
    verdict,
    depositBps: verdict === 'go_with_deposit' ? policy.depositBps : null,
    reasons: ranked.map(({ code, params }) => ({ code, params })),
  };
}
