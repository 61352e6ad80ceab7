/**
 * The collectors' activity (issue 11, docs/formulas.md « Collector activity »): the sums of
 * the agenda and of the promises, per collector and ISO week, folded into one row per
 * collector and week — every week of the period, a quiet one with zeros — and a total per
 * collector, with the promise-kept rates.
 *
 * - **Contacts** = messages sent + calls made.
 * - **Kept rate by count** = promises kept ÷ promises decided (kept, partly kept, broken) in
 *   the period; a partly kept promise is decided and not kept.
 * - **Kept rate by amount**, per currency = Σ paid (capped at each promise's amount) ÷ Σ
 *   promised, over the same promises: a partly kept promise counts with its paid part.
 * Both are percentages with one decimal (`sharePercent`), null when nothing was decided.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { addDays, daysBetween, toDayNumber, type CalendarDate } from '../shared/calendar-date.ts';
import { addCents, ZERO_CENTS, type Cents } from '../shared/money.ts';
import { sharePercent } from './rounding.ts';

/** What the agenda counts of one collector's week (src/dunning/activity-sums.ts). */
export type ActionWeek = {
  readonly collectorId: string | null;
  readonly week: CalendarDate;
  readonly messages: number;
  readonly calls: number;
  readonly callsReached: number;
};

/** What the promises count of one collector's week in one currency (src/promises/promise-activity.ts). */
export type PromiseWeek = {
  readonly collectorId: string | null;
  readonly week: CalendarDate;
  readonly currency: string;
  readonly taken: number;
  readonly takenCents: Cents;
  readonly due: number;
  readonly dueKept: number;
  readonly duePartlyKept: number;
  readonly dueBroken: number;
  readonly dueCents: Cents;
  readonly duePaidCents: Cents;
  readonly decided: number;
  readonly decidedKept: number;
  readonly decidedCents: Cents;
  readonly decidedPaidCents: Cents;
};

/** A collector's promise amounts in one currency, and the kept rate by amount. */
export type ActivityAmounts = {
  currency: string;
  takenCents: Cents;
  dueCents: Cents;
  /** What was paid of the promises due, each capped at its amount. */
  duePaidCents: Cents;
  decidedCents: Cents;
  decidedPaidCents: Cents;
  /** `decidedPaidCents` ÷ `decidedCents` in percent, one decimal; null when none decided. */
  keptRateByAmount: number | null;
};

/** A collector's figures over a week, or over the whole period (its total). */
export type ActivityFigures = {
  contacts: number;
  messages: number;
  calls: number;
  callsReached: number;
  callsNotReached: number;
  promisesTaken: number;
  promisesDue: number;
  promisesDueKept: number;
  promisesDuePartlyKept: number;
  promisesDueBroken: number;
  promisesDecided: number;
  promisesDecidedKept: number;
  /** `promisesDecidedKept` ÷ `promisesDecided` in percent, one decimal; null when none. */
  keptRateByCount: number | null;
  /** One per currency the collector's promises were in, sorted. */
  amounts: ActivityAmounts[];
};

export type ActivityWeekRow = ActivityFigures & { week: CalendarDate };

/** One collector's weeks, oldest first, and their total. */
export type CollectorActivity = {
  collectorId: string | null;
  weeks: ActivityWeekRow[];
  total: ActivityFigures;
};

/** The Monday of `date`'s ISO week. */
export function isoWeekStart(date: CalendarDate): CalendarDate {
  // Day 0 (1970-01-01) was a Thursday: 3 days after a Monday.
  const weekday = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -weekday);
}

/** The Mondays of every ISO week from `from`'s to `to`'s, oldest first; none when `to` < `from`. */
export function isoWeeks(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const first = isoWeekStart(from);
  const count = Math.floor(daysBetween(first, isoWeekStart(to)) / 7) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => addDays(first, 7 * k));
}

/**
 * Every collector that did anything in `weeks` (the agenda's sums or the promises'), with a
 * row for each week (zeros where nothing happened) and the period's total; sums of a week
 * outside `weeks` throw. Collectors in the order of their id, nobody's (`null`) last.
 */
export function collectorActivity(
  weeks: readonly CalendarDate[],
  actions: readonly ActionWeek[],
  promises: readonly PromiseWeek[],
): CollectorActivity[] {
  const collectors = new Map<string, { id: string | null; weeks: Map<string, Tally> }>();
  const tallyOf = (collectorId: string | null, week: CalendarDate): Tally => {
    if (!weeks.includes(week)) {
      throw new RangeError(`Activity of a week outside the period: ${week}`);
    }
    // NUL stands for nobody: no user id is empty.
    const key = collectorId ?? '\u0000';
    const collector = collectors.get(key) ?? { id: collectorId, weeks: new Map() };
    collectors.set(key, collector);
    const tally = collector.weeks.get(week) ?? emptyTally();
    collector.weeks.set(week, tally);
    return tally;
  };
  for (const action of actions) {
    const tally = tallyOf(action.collectorId, action.week);
    tally.messages += action.messages;
    tally.calls += action.calls;
    tally.callsReached += action.callsReached;
  }
  for (const promise of promises) {
    addPromises(tallyOf(promise.collectorId, promise.week), promise);
  }
  return [...collectors.entries()]
    .sort(([a], [b]) => (a === '\u0000' ? 1 : b === '\u0000' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([, collector]) => {
      const total = emptyTally();
      const rows = weeks.map((week) => {
        const tally = collector.weeks.get(week) ?? emptyTally();
        addTally(total, tally);
        return { week, ...figuresOf(tally) };
      });
      return { collectorId: collector.id, weeks: rows, total: figuresOf(total) };
    });
}

type Tally = {
  messages: number;
  calls: number;
  callsReached: number;
  counts: PromiseCounts;
  amounts: Map<string, Omit<ActivityAmounts, 'currency' | 'keptRateByAmount'>>;
};

type PromiseCounts = {
  taken: number;
  due: number;
  dueKept: number;
  duePartlyKept: number;
  dueBroken: number;
  decided: number;
  decidedKept: number;
};

const AMOUNT_FIELDS = [
  'takenCents',
  'dueCents',
  'duePaidCents',
  'decidedCents',
  'decidedPaidCents',
] as const;
const COUNT_FIELDS = [
  'taken',
  'due',
  'dueKept',
  'duePartlyKept',
  'dueBroken',
  'decided',
  'decidedKept',
] as const;

function emptyTally(): Tally {
  return {
    messages: 0,
    calls: 0,
    callsReached: 0,
    counts: {
      taken: 0,
      due: 0,
      dueKept: 0,
      duePartlyKept: 0,
      dueBroken: 0,
      decided: 0,
      decidedKept: 0,
    },
    amounts: new Map(),
  };
}

/** Adds one currency's promise sums (a week's, or a week's tally into a total). */
function addPromises(
  tally: Tally,
  promise: PromiseCounts & Omit<ActivityAmounts, 'keptRateByAmount'>,
): void {
  for (const field of COUNT_FIELDS) {
    tally.counts[field] += promise[field];
  }
  const amounts = tally.amounts.get(promise.currency) ?? {
    takenCents: ZERO_CENTS,
    dueCents: ZERO_CENTS,
    duePaidCents: ZERO_CENTS,
    decidedCents: ZERO_CENTS,
    decidedPaidCents: ZERO_CENTS,
  };
  for (const field of AMOUNT_FIELDS) {
    amounts[field] = addCents(amounts[field], promise[field]);
  }
  tally.amounts.set(promise.currency, amounts);
}

function addTally(total: Tally, tally: Tally): void {
  total.messages += tally.messages;
  total.calls += tally.calls;
  total.callsReached += tally.callsReached;
  for (const field of COUNT_FIELDS) {
    total.counts[field] += tally.counts[field];
  }
  for (const [currency, amounts] of tally.amounts) {
    const sum = total.amounts.get(currency);
    if (sum === undefined) {
      total.amounts.set(currency, { ...amounts });
    } else {
      for (const field of AMOUNT_FIELDS) {
        sum[field] = addCents(sum[field], amounts[field]);
      }
    }
  }
}

function figuresOf(tally: Tally): ActivityFigures {
  const { counts } = tally;
  return {
    contacts: tally.messages + tally.calls,
    messages: tally.messages,
    calls: tally.calls,
    callsReached: tally.callsReached,
    callsNotReached: tally.calls - tally.callsReached,
    promisesTaken: counts.taken,
    promisesDue: counts.due,
    promisesDueKept: counts.dueKept,
    promisesDuePartlyKept: counts.duePartlyKept,
    promisesDueBroken: counts.dueBroken,
    promisesDecided: counts.decided,
    promisesDecidedKept: counts.decidedKept,
    keptRateByCount: sharePercent(BigInt(counts.decidedKept), BigInt(counts.decided)),
    amounts: [...tally.amounts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, amounts]) => ({
        currency,
        ...amounts,
        keptRateByAmount: sharePercent(
          BigInt(amounts.decidedPaidCents),
          BigInt(amounts.decidedCents),
        ),
      })),
  };
}
