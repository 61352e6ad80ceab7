/**
 * The dispute reports (issue 10, docs/disputes.md « Reports »): the open disputes by cause,
 * department and age; how long disputes take to resolve, by cause and department; what the
 * disputes hold back from dunning; and the causes that come back, per customer and per
 * sales rep, so that a recurring cause is fixed where it starts.
 *
 * Pure (HOUSE_STYLE §3): the store hands in a few grouped rows (one statement each,
 * whatever the number of disputes) and `asOf`; these rules fold them into the report.
 *
 * « Open on `asOf` » means raised on or before that day and not resolved by the end of it
 * (`resolved_on` empty or later): a report asked for a past day counts what was open then.
 */
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';

/** The age classes of an open dispute, in days since it was raised (the day itself is 0). */
export const AGE_BUCKETS = ['0-7', '8-15', '16-30', '31-60', '61+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/**
 * The first age of each class after the first (8, 16, 31, 61): what SQL's
 * `width_bucket(age, thresholds)` takes to answer a class's index (0 below 8, 4 from 61).
 */
export const AGE_BUCKET_STARTS: readonly number[] = [8, 16, 31, 61];

/** The class of a dispute `ageDays` old (a negative age, raised after `asOf`, is never asked). */
export function ageBucketOf(ageDays: number): AgeBucket {
  return AGE_BUCKETS[ageBucketIndex(ageDays)] ?? '61+';
}

/** The index in `AGE_BUCKETS` of a dispute `ageDays` old: as `width_bucket` counts it. */
export function ageBucketIndex(ageDays: number): number {
  return AGE_BUCKET_STARTS.filter((start) => ageDays >= start).length;
}

/** Days looked back for the recurring causes and the resolution times: a year. */
export const REPORT_WINDOW_DAYS = 365;

/**
 * The first day of the report's window ending on `asOf`: the last 365 days, `asOf` included
 * (from 2026-12-04, 2025-12-05).
 */
export function windowStart(asOf: CalendarDate): CalendarDate {
  return addDays(asOf, 1 - REPORT_WINDOW_DAYS);
}

/** A cause is « recurring » for a customer or a sales rep from this many disputes in the window. */
export const RECURRING_MIN_COUNT = 2;

/** The recurring pairs kept, most disputes first: what a credit manager reads through. */
export const RECURRING_TOP = 20;

/**
 * The average of `totalDays` over `count` resolved disputes, in days to one decimal, a half
 * tenth rounded up (12.25 → 12.3; days are never negative, so up is away from zero). Worked
 * in whole tenths on integers, so no binary fraction decides a tie: 25 days over 2 disputes
 * is 12.5, 1 over 4 is 0.3, 2 over 3 is 0.7.
 */
export function averageDays(totalDays: number, count: number): number {
  if (!Number.isSafeInteger(totalDays) || !Number.isSafeInteger(count) || count <= 0) {
    throw new RangeError(`No average of ${totalDays} days over ${count} disputes`);
  }
  return Math.floor((20 * totalDays + count) / (2 * count)) / 10;
}

/** A department as the report names it. */
export type ReportDepartment = { id: string; code: string; name: string };

/** The open disputes of one cause, department, currency, age class and overdue state. */
export type OpenDisputeGroup = {
  cause: string;
  /** null: not routed to a department yet. */
  department: ReportDepartment | null;
  currency: string;
  bucket: AgeBucket;
  /** The deadline passed (`asOf` after it). */
  isOverdue: boolean;
  count: number;
  /** Their disputed totals as opened. */
  amountCents: Cents;
};

/** The disputes of one cause and department resolved in the window, and their days open. */
export type ResolvedDisputeGroup = {
  cause: string;
  department: ReportDepartment | null;
  count: number;
  /** The sum over them of the days from raised to resolved. */
  totalDays: number;
};

/** What one invoice of an open dispute holds back from dunning (`heldBackCents` of model.ts). */
export type HeldBackPart = { disputeId: string; currency: string; heldBackCents: Cents };

export type OpenByCause = { cause: string; count: number; amountCents: Cents; currency: string };
export type OpenByDepartment = {
  department: ReportDepartment | null;
  count: number;
  amountCents: Cents;
  currency: string;
  overdueCount: number;
};
export type OpenByAge = { bucket: AgeBucket; count: number; amountCents: Cents; currency: string };
export type ResolutionByCause = { cause: string; resolvedCount: number; averageDays: number };
export type ResolutionByDepartment = {
  department: ReportDepartment | null;
  resolvedCount: number;
  averageDays: number;
};
export type Blocked = {
  currency: string;
  amountCents: Cents;
  disputeCount: number;
  invoiceCount: number;
};
export type RecurringByCustomer = {
  customer: { id: string; code: string; name: string };
  cause: string;
  count: number;
  amountCents: Cents;
  currency: string;
};
export type RecurringBySalesRep = {
  salesRep: string;
  cause: string;
  count: number;
  amountCents: Cents;
  currency: string;
};

/** The report as the API and the CLI give it. */
export type DisputeReport = {
  asOf: CalendarDate;
  openByCause: OpenByCause[];
  openByDepartment: OpenByDepartment[];
  openByAge: OpenByAge[];
  resolutionByCause: ResolutionByCause[];
  resolutionByDepartment: ResolutionByDepartment[];
  blocked: Blocked[];
  recurringByCustomer: RecurringByCustomer[];
  recurringBySalesRep: RecurringBySalesRep[];
};

type Tally = { count: number; amountCents: Cents; overdueCount: number };

/** Sums `groups` by `keyOf`, keeping the first group of each key as its sample. */
function tally<G extends OpenDisputeGroup>(
  groups: readonly G[],
  keyOf: (group: G) => string,
): Map<string, { sample: G } & Tally> {
  const byKey = new Map<string, { sample: G } & Tally>();
  for (const group of groups) {
    const key = keyOf(group);
    const seen = byKey.get(key) ?? {
      sample: group,
      count: 0,
      amountCents: ZERO_CENTS,
      overdueCount: 0,
    };
    seen.count += group.count;
    seen.amountCents = addCents(seen.amountCents, group.amountCents);
    seen.overdueCount += group.isOverdue ? group.count : 0;
    byKey.set(key, seen);
  }
  return byKey;
}

/** Most disputes first, then the larger amount, then `label` (stable on equal figures). */
function byWeight(
  a: { count: number; amountCents?: Cents; label: string },
  b: { count: number; amountCents?: Cents; label: string },
): number {
  return (
    b.count - a.count ||
    (b.amountCents ?? 0) - (a.amountCents ?? 0) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  );
}

/** A department's sort label: its name; the disputes routed to none come after the named. */
function departmentLabel(department: ReportDepartment | null): string {
  return department === null ? '\uffff' : `${department.name}\u0000${department.id}`;
}

/** The open disputes by cause (and currency), most first. */
export function openByCause(groups: readonly OpenDisputeGroup[]): OpenByCause[] {
  return [...tally(groups, (group) => `${group.cause}|${group.currency}`).values()]
    .map(({ sample, count, amountCents }) => ({
      cause: sample.cause,
      count,
      amountCents,
      currency: sample.currency,
      label: `${sample.cause}|${sample.currency}`,
    }))
    .sort(byWeight)
    .map(({ label: _label, ...row }) => row);
}

/** The open disputes by department (and currency), with those past their deadline; most first. */
export function openByDepartment(groups: readonly OpenDisputeGroup[]): OpenByDepartment[] {
  return [...tally(groups, (group) => `${group.department?.id ?? ''}|${group.currency}`).values()]
    .map(({ sample, count, amountCents, overdueCount }) => ({
      department: sample.department,
      count,
      amountCents,
      currency: sample.currency,
      overdueCount,
      label: `${departmentLabel(sample.department)}|${sample.currency}`,
    }))
    .sort(byWeight)
    .map(({ label: _label, ...row }) => row);
}

/**
 * The open disputes by age, every class of every currency in order (an empty class says
 * 0, so a chart keeps its five bars): `companyCurrency` first, always there, then the
 * others alphabetically.
 */
export function openByAge(
  groups: readonly OpenDisputeGroup[],
  companyCurrency: string,
): OpenByAge[] {
  const tallied = tally(groups, (group) => `${group.bucket}|${group.currency}`);
  const others = [...new Set(groups.map((group) => group.currency))]
    .filter((currency) => currency !== companyCurrency)
    .sort();
  return [companyCurrency, ...others].flatMap((currency) =>
    AGE_BUCKETS.map((bucket) => {
      const seen = tallied.get(`${bucket}|${currency}`);
      return {
        bucket,
        count: seen?.count ?? 0,
        amountCents: seen?.amountCents ?? ZERO_CENTS,
        currency,
      };
    }),
  );
}

/** Sums resolved groups by `keyOf` into counts and average days, most resolved first. */
function resolution<K>(
  groups: readonly ResolvedDisputeGroup[],
  keyOf: (group: ResolvedDisputeGroup) => { key: string; label: string; value: K },
): { value: K; resolvedCount: number; averageDays: number }[] {
  const byKey = new Map<string, { value: K; label: string; count: number; totalDays: number }>();
  for (const group of groups) {
    const { key, label, value } = keyOf(group);
    const seen = byKey.get(key) ?? { value, label, count: 0, totalDays: 0 };
    seen.count += group.count;
    seen.totalDays += group.totalDays;
    byKey.set(key, seen);
  }
  return [...byKey.values()].sort(byWeight).map(({ value, count, totalDays }) => ({
    value,
    resolvedCount: count,
    averageDays: averageDays(totalDays, count),
  }));
}

/** How many disputes of each cause were resolved in the window, and in how many days on average. */
export function resolutionByCause(groups: readonly ResolvedDisputeGroup[]): ResolutionByCause[] {
  return resolution(groups, (group) => ({
    key: group.cause,
    label: group.cause,
    value: group.cause,
  })).map(({ value, ...figures }) => ({ cause: value, ...figures }));
}

/** The same by department (the disputes never routed together, last). */
export function resolutionByDepartment(
  groups: readonly ResolvedDisputeGroup[],
): ResolutionByDepartment[] {
  return resolution(groups, (group) => ({
    key: group.department?.id ?? '',
    label: departmentLabel(group.department),
    value: group.department,
  })).map(({ value, ...figures }) => ({ department: value, ...figures }));
}

/**
 * What the open disputes hold back from dunning, per currency: the sum of each invoice's
 * held-back part, the disputes and the invoices it covers. A currency with none is absent.
 */
export function blockedByCurrency(parts: readonly HeldBackPart[]): Blocked[] {
  const byCurrency = new Map<
    string,
    { amountCents: Cents; disputes: Set<string>; invoiceCount: number }
  >();
  for (const part of parts) {
    const seen = byCurrency.get(part.currency) ?? {
      amountCents: ZERO_CENTS,
      disputes: new Set<string>(),
      invoiceCount: 0,
    };
    seen.amountCents = addCents(seen.amountCents, part.heldBackCents);
    seen.disputes.add(part.disputeId);
    seen.invoiceCount += 1;
    byCurrency.set(part.currency, seen);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, seen]) => ({
      currency,
      amountCents: seen.amountCents,
      disputeCount: seen.disputes.size,
      invoiceCount: seen.invoiceCount,
    }));
}
