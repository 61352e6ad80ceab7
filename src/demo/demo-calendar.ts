import {
  addDays,
  addMonths,
  calendarDate,
  endOfMonth,
  fromDayNumber,
  toDayNumber,
  toParts,
  type CalendarDate,
} from '../shared/calendar-date.ts';

/**
 * The generator works on day numbers (days since 1970-01-01) and turns them into
 * `CalendarDate`s only on output, through tables built once with the shared
 * calendar functions. A million invoices with four dates each would otherwise
 * allocate millions of `Date` objects.
 */
export type DemoCalendar = {
  /** Day number of `today`. */
  today: number;
  /** Day number of the first day of the generated history (24 months ending today). */
  windowStart: number;
  dateOf(day: number): CalendarDate;
  /** Monday to Friday and not a French public holiday. */
  isBusinessDay(day: number): boolean;
  /** `day` itself when it is a business day, else the next one. */
  nextBusinessDay(day: number): number;
  /** `day` itself when it is a business day, else the previous one. */
  previousBusinessDay(day: number): number;
  endOfMonth(day: number): number;
  dayOfMonth(day: number): number;
  /** 1–12. */
  month(day: number): number;
  year(day: number): number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday(day: number): number;
};

/** Easter Sunday of `year` (anonymous Gregorian algorithm), as a day number. */
function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * France's eleven public holidays (Code du travail L3133-1), Whit Monday included
 * because most firms close then. Nobody issues an invoice or values a transfer on
 * 14 July, and a demo that does looks machine-made.
 */
export function frenchHolidays(year: number): number[] {
  const fixed = [
    [1, 1],
    [5, 1],
    [5, 8],
    [7, 14],
    [8, 15],
    [11, 1],
    [11, 11],
    [12, 25],
  ].map(([month = 1, day = 1]) => Date.UTC(year, month - 1, day) / 86_400_000);
  const easter = easterDay(year);
  return [...fixed, easter + 1, easter + 39, easter + 50];
}

/**
 * Tables for `months` months ending at `today`, with margins: 40 days before (so
 * "previous business day" never falls off) and 400 after, for due dates up to
 * `eom_plus:45` past an invoice issued today.
 */
export function createDemoCalendar(today: CalendarDate, months: number): DemoCalendar {
  const todayDay = toDayNumber(today);
  const windowStart = toDayNumber(addDays(addMonths(today, -months), 1));
  const first = windowStart - 40;
  const last = todayDay + 400;
  const size = last - first + 1;

  const dates: CalendarDate[] = [];
  const dayOfMonth = new Uint8Array(size);
  const month = new Uint8Array(size);
  const year = new Uint16Array(size);
  const endOfMonthOffset = new Int32Array(size);
  const business = new Uint8Array(size);
  const holidays = new Set<number>();
  for (let y = toParts(fromDayNumber(first)).year; y <= toParts(fromDayNumber(last)).year; y++) {
    for (const holiday of frenchHolidays(y)) {
      holidays.add(holiday);
    }
  }
  for (let index = 0; index < size; index++) {
    const day = first + index;
    const date = fromDayNumber(day);
    const parts = toParts(date);
    dates.push(date);
    dayOfMonth[index] = parts.day;
    month[index] = parts.month;
    year[index] = parts.year;
    endOfMonthOffset[index] = toDayNumber(endOfMonth(date)) - day;
    const weekday = (((day + 4) % 7) + 7) % 7;
    business[index] = weekday >= 1 && weekday <= 5 && !holidays.has(day) ? 1 : 0;
  }
  const next = new Int32Array(size);
  let upcoming = last;
  for (let index = size - 1; index >= 0; index--) {
    if (business[index] === 1) {
      upcoming = first + index;
    }
    next[index] = upcoming;
  }
  const previous = new Int32Array(size);
  let latest = first;
  for (let index = 0; index < size; index++) {
    if (business[index] === 1) {
      latest = first + index;
    }
    previous[index] = latest;
  }

  const indexOf = (day: number): number => {
    const index = day - first;
    if (index < 0 || index >= size) {
      throw new RangeError(`Day ${calendarDate(fromDayNumber(day))} is outside the demo calendar`);
    }
    return index;
  };
  // Days past the table are only ever compared with `today` and dropped, so they
  // are returned as they are rather than refused.
  const isInside = (day: number): boolean => day >= first && day <= last;

  return {
    today: todayDay,
    windowStart,
    dateOf: (day) =>
      isInside(day) ? (dates[day - first] ?? fromDayNumber(day)) : fromDayNumber(day),
    isBusinessDay: (day) => business[indexOf(day)] === 1,
    nextBusinessDay: (day) => (isInside(day) ? (next[day - first] ?? day) : day),
    previousBusinessDay: (day) => previous[indexOf(day)] ?? day,
    endOfMonth: (day) => day + (endOfMonthOffset[indexOf(day)] ?? 0),
    dayOfMonth: (day) => dayOfMonth[indexOf(day)] ?? 1,
    month: (day) => month[indexOf(day)] ?? 1,
    year: (day) => year[indexOf(day)] ?? 1970,
    weekday: (day) => (((day + 4) % 7) + 7) % 7,
  };
}
