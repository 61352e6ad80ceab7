/**
 * The late-payment rate table as data (docs/formulas.md "Late-payment penalties"): the
 * table Encaisse ships (`PUBLISHED_RATES`) overlaid by the company's own entries, a
 * correction or a half-year published before Encaisse ships it. Pure (HOUSE_STYLE §3).
 */
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { HalfYear, PenaltyRateTable } from './published-rates.ts';

/** The stored names of the two series (`penalty_rate.series`). */
export const PENALTY_RATE_SERIES = ['ecb_mro', 'legal_professional'] as const;
export type PenaltyRateSeries = (typeof PENALTY_RATE_SERIES)[number];

/** L441-10 II: an agreed rate may not be below three times the legal interest rate. */
const FLOOR_MULTIPLE = 3;

/** The highest rate a company may enter, in basis points (50 %). */
export const MAX_PENALTY_RATE_BASIS_POINTS = 5_000;

/** The table's field each series fills. */
const FIELD = {
  ecb_mro: 'ecbMainRefinancing',
  legal_professional: 'legalInterest',
} as const satisfies Record<PenaltyRateSeries, keyof PenaltyRateTable>;

/** A company's own entry, as stored. */
export type OwnPenaltyRate = {
  series: PenaltyRateSeries;
  halfYear: HalfYear;
  basisPoints: number;
  updatedAt: Date;
};

/** One series in one half-year: what Encaisse ships, what the company entered, what applies. */
export type PenaltyRateValue = {
  published: number | null;
  company: number | null;
  /** The company's value, else the published one; `null`: none for this half-year. */
  effective: number | null;
};

export type PenaltyRateLine = {
  halfYear: HalfYear;
  ecbMro: PenaltyRateValue;
  legalProfessional: PenaltyRateValue;
};

/** `published` with the company's `rows` in place of (or beside) its entries. */
export function overlayRates(
  published: PenaltyRateTable,
  rows: readonly Pick<OwnPenaltyRate, 'series' | 'halfYear' | 'basisPoints'>[],
): PenaltyRateTable {
  const table = {
    ecbMainRefinancing: { ...published.ecbMainRefinancing },
    legalInterest: { ...published.legalInterest },
  };
  for (const row of rows) {
    table[FIELD[row.series]][row.halfYear] = row.basisPoints;
  }
  return table;
}

/**
 * Every half-year either series has a rate for, published or the company's, newest
 * first, with the published value, the company's and the one that applies.
 */
export function rateLines(
  published: PenaltyRateTable,
  rows: readonly Pick<OwnPenaltyRate, 'series' | 'halfYear' | 'basisPoints'>[],
): PenaltyRateLine[] {
  const own = (series: PenaltyRateSeries, halfYear: HalfYear) =>
    rows.find((row) => row.series === series && row.halfYear === halfYear)?.basisPoints ?? null;
  const valueOf = (series: PenaltyRateSeries, halfYear: HalfYear): PenaltyRateValue => {
    const shipped = published[FIELD[series]][halfYear] ?? null;
    const company = own(series, halfYear);
    return { published: shipped, company, effective: company ?? shipped };
  };
  const halfYears = new Set<HalfYear>([
    ...(Object.keys(published.ecbMainRefinancing) as HalfYear[]),
    ...(Object.keys(published.legalInterest) as HalfYear[]),
    ...rows.map((row) => row.halfYear),
  ]);
  return [...halfYears]
    .toSorted()
    .toReversed()
    .map((halfYear) => ({
      halfYear,
      ecbMro: valueOf('ecb_mro', halfYear),
      legalProfessional: valueOf('legal_professional', halfYear),
    }));
}

/** `2026-H1`: a year of four digits, then H1 (January–June) or H2 (July–December). */
export function isHalfYear(text: string): text is HalfYear {
  return /^[0-9]{4}-H[12]$/.test(text);
}

/** What is wrong with a rate a company enters: each issue on its field. */
export function checkPenaltyRate(input: { halfYear: string; basisPoints: number | null }): Issue[] {
  const issues: Issue[] = [];
  if (!isHalfYear(input.halfYear)) {
    issues.push(fieldIssue('halfYear', 'penalty_rate_half_year_invalid'));
  }
  const rate = input.basisPoints;
  if (
    rate !== null &&
    (!Number.isInteger(rate) || rate < 0 || rate > MAX_PENALTY_RATE_BASIS_POINTS)
  ) {
    issues.push(
      fieldIssue('basisPoints', 'penalty_rate_out_of_range', {
        max: MAX_PENALTY_RATE_BASIS_POINTS,
      }),
    );
  }
  return issues;
}

/**
 * The notice an agreed rate gets when it is below three times the legal interest rate of
 * `halfYear` (L441-10 II), that rate being the latest one at or before it; `null` when it
 * is not below, or when the table knows no legal interest rate that early.
 */
export function floorNotice(
  rates: PenaltyRateTable,
  halfYear: HalfYear,
  contractualRateBps: number | null,
): Issue | null {
  if (contractualRateBps === null) {
    return null;
  }
  const known = (Object.keys(rates.legalInterest) as HalfYear[])
    .filter((other) => other <= halfYear)
    .toSorted()
    .at(-1);
  const legal = known === undefined ? undefined : rates.legalInterest[known];
  if (legal === undefined) {
    return null;
  }
  const floor = FLOOR_MULTIPLE * legal;
  return contractualRateBps < floor
    ? fieldIssue('contractualRateBps', 'penalty_rate_below_floor', {
        halfYear,
        rate: contractualRateBps,
        floor,
      })
    : null;
}
