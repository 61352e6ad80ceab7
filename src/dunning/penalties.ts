/**
 * French late-payment penalties between businesses (C. com. L441-10 II and D441-5): on an
 * invoice paid late, interest runs from the day after its due date on what is still
 * owed, and a fixed indemnity of 40 € for recovery costs is due once per invoice.
 *
 * Pure (HOUSE_STYLE §3). docs/formulas.md gives the formula and a worked example, which
 * penalties.test.ts proves.
 */
import {
  addDays,
  compareDates,
  daysBetween,
  isLeapYear,
  minDate,
  toParts,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { HalfYear, PenaltyRateTable } from './published-rates.ts';

/** L441-10 II: the ECB rate "majoré de 10 points de pourcentage", when no rate is agreed. */
export const LEGAL_MARGIN_BASIS_POINTS = 1_000;

/** L441-10 II: an agreed rate may not be below three times the legal interest rate. */
const FLOOR_MULTIPLE = 3;

/** D441-5: "le montant de l'indemnité forfaitaire pour frais de recouvrement […] est fixé à 40 euros". */
export const RECOVERY_INDEMNITY = { amountCents: cents(4_000), currency: 'EUR' } as const;

/** What was paid (or credited) on an invoice, on which day. */
export type Settlement = { on: CalendarDate; amountCents: Cents };

export type LateInvoice = {
  amountCents: Cents;
  dueDate: CalendarDate;
  /** Its allocations still live, in any order. */
  settlements: readonly Settlement[];
};

/** The customer's agreed annual rate in basis points, or `null` for the legal one. */
export type PenaltyTerms = { contractualRateBasisPoints: number | null };

/** A stretch of days with one amount owed at one rate. */
export type InterestTranche = {
  /** First and last day of interest, both counted. */
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  baseCents: Cents;
  halfYear: HalfYear;
  rateBasisPoints: number;
};

export type PenaltyNotice =
  /** The table has no rate for this half-year yet: the latest known one was used. */
  | { code: 'penalty_rate_assumed'; params: { halfYear: HalfYear; usedHalfYear: HalfYear } }
  /** The agreed rate is below three times the legal interest rate of the half-year. */
  | {
      code: 'penalty_rate_below_floor';
      params: { halfYear: HalfYear; rate: number; floor: number };
    };

export type Penalty = {
  /** Days from the due date to the last day counted (payment in full, or `asOf`). */
  daysLate: number;
  interestCents: Cents;
  /** 40 € once the invoice is late, whatever its currency; none when paid in time. */
  indemnity: typeof RECOVERY_INDEMNITY | null;
  tranches: InterestTranche[];
  notices: PenaltyNotice[];
};

/** `2026-03-31` → `2026-H1`. */
export function halfYearOf(date: CalendarDate): HalfYear {
  const { year, month } = toParts(date);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

/** The last day of the half-year `date` falls in. */
function halfYearEnd(date: CalendarDate): CalendarDate {
  const { year, month } = toParts(date);
  return (month <= 6 ? `${year}-06-30` : `${year}-12-31`) as CalendarDate;
}

/**
 * The rate of `halfYear` in `rates`, else the latest half-year before it that has one
 * (a new half-year begins before its rate is published). `undefined` when none precedes.
 */
function rateFor(
  rates: Readonly<Partial<Record<HalfYear, number>>>,
  halfYear: HalfYear,
): { rate: number; usedHalfYear: HalfYear } | undefined {
  const known = rates[halfYear];
  if (known !== undefined) {
    return { rate: known, usedHalfYear: halfYear };
  }
  const earlier = (Object.keys(rates) as HalfYear[])
    .filter((other) => other < halfYear)
    .toSorted()
    .at(-1);
  const rate = earlier === undefined ? undefined : rates[earlier];
  return earlier === undefined || rate === undefined ? undefined : { rate, usedHalfYear: earlier };
}

/**
 * The penalties on `invoice` as of `asOf` (the company's today, or a payment date).
 *
 * Interest runs from the day after the due date to the day of each payment: what is owed
 * on each day bears the annual rate of that day's half-year, counted over the days of
 * its year (365, or 366 in a leap year). The sum of every tranche is rounded once, half
 * up, to the cent. Settlements on or before the due date reduce what is owed before any
 * interest. Throws when the table has no rate at or before a half-year counted.
 */
export function latePaymentPenalty(
  invoice: LateInvoice,
  asOf: CalendarDate,
  terms: PenaltyTerms,
  rates: PenaltyRateTable,
): Penalty {
  const settlements = invoice.settlements.toSorted((a, b) => compareDates(a.on, b.on));
  const tranches: InterestTranche[] = [];
  const notices = new Map<string, PenaltyNotice>();
  // What is still owed, and the first settlement not yet taken off it.
  const owing = { cents: BigInt(invoice.amountCents), next: 0 };
  /** Takes off what was settled up to `through`: it bears no interest from the next day. */
  const settleThrough = (through: CalendarDate) => {
    for (let settlement = settlements[owing.next]; settlement !== undefined;) {
      if (compareDates(settlement.on, through) > 0) {
        return settlement;
      }
      owing.cents -= BigInt(settlement.amountCents);
      owing.next += 1;
      settlement = settlements[owing.next];
    }
    return undefined;
  };
  let pending = settleThrough(invoice.dueDate);
  let lastDay = invoice.dueDate;
  let day = addDays(invoice.dueDate, 1);
  while (owing.cents > 0n && compareDates(day, asOf) <= 0) {
    // A stretch ends with its half-year, on the day of the next payment, or on `asOf`.
    const stretchEnd = minDate(
      minDate(asOf, halfYearEnd(day)),
      pending === undefined ? asOf : pending.on,
    );
    const halfYear = halfYearOf(day);
    tranches.push({
      from: day,
      to: stretchEnd,
      days: daysBetween(day, stretchEnd) + 1,
      baseCents: cents(Number(owing.cents)),
      halfYear,
      rateBasisPoints: annualRate(terms, halfYear, rates, notices),
    });
    lastDay = stretchEnd;
    pending = settleThrough(stretchEnd);
    day = addDays(stretchEnd, 1);
  }
  const daysLate = daysBetween(invoice.dueDate, lastDay);
  return {
    daysLate,
    interestCents: interestOf(tranches),
    indemnity: daysLate > 0 ? RECOVERY_INDEMNITY : null,
    tranches,
    notices: [...notices.values()],
  };
}

/**
 * The annual rate a late invoice bears in `halfYear` under `terms` (L441-10 II: the ECB
 * rate plus 10 points unless a rate was agreed), as the message names it. Throws as
 * `latePaymentPenalty` does when the table has no rate at or before the half-year.
 */
export function penaltyRate(
  terms: PenaltyTerms,
  halfYear: HalfYear,
  rates: PenaltyRateTable,
): number {
  return annualRate(terms, halfYear, rates, new Map());
}

function annualRate(
  terms: PenaltyTerms,
  halfYear: HalfYear,
  rates: PenaltyRateTable,
  notices: Map<string, PenaltyNotice>,
): number {
  const lookUp = (table: Readonly<Partial<Record<HalfYear, number>>>, name: string) => {
    const found = rateFor(table, halfYear);
    if (found === undefined) {
      throw new RangeError(`No ${name} rate at or before ${halfYear}`);
    }
    if (found.usedHalfYear !== halfYear) {
      notices.set(`assumed ${halfYear}`, {
        code: 'penalty_rate_assumed',
        params: { halfYear, usedHalfYear: found.usedHalfYear },
      });
    }
    return found.rate;
  };
  const agreed = terms.contractualRateBasisPoints;
  if (agreed === null) {
    return lookUp(rates.ecbMainRefinancing, 'ECB') + LEGAL_MARGIN_BASIS_POINTS;
  }
  const floor = FLOOR_MULTIPLE * lookUp(rates.legalInterest, 'legal interest');
  if (agreed < floor) {
    notices.set(`floor ${halfYear}`, {
      code: 'penalty_rate_below_floor',
      params: { halfYear, rate: agreed, floor },
    });
  }
  return agreed;
}

/** Σ base × rate × days / (10 000 × days of the year), in exact integers, rounded once half up. */
function interestOf(tranches: readonly InterestTranche[]): Cents {
  // 365 × 366: a denominator both kinds of year divide.
  const common = 365n * 366n;
  let numerator = 0n;
  for (const tranche of tranches) {
    const yearDays = isLeapYear(toParts(tranche.from).year) ? 366n : 365n;
    numerator +=
      BigInt(tranche.baseCents) *
      BigInt(tranche.rateBasisPoints) *
      BigInt(tranche.days) *
      (common / yearDays);
  }
  const denominator = 10_000n * common;
  return cents(Number((numerator * 2n + denominator) / (2n * denominator)));
}
