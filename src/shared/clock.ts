import { todayIn, type CalendarDate } from './calendar-date.ts';

/**
 * Where "now" comes from. Services read the business date through it, so tests
 * and `--date` runs fix it instead of patching globals.
 */
export type Clock = {
  now(): Date;
  /** The business date in `timeZone` (the company's, Europe/Paris by default). */
  today(timeZone: string): CalendarDate;
};

/** A clock stopped at `instant`: for tests and runs at a given date. */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant), today: (timeZone) => todayIn(timeZone, instant) };
}
