/**
 * Business dates are plain calendar dates, `YYYY-MM-DD`. Arithmetic runs on UTC
 * day numbers (`Date.UTC`), so the machine's time zone and DST never enter
 * (HOUSE_STYLE §5). "Today" is always a parameter; only `todayIn` turns an instant
 * into a date, in the company's time zone.
 */

declare const calendarDateBrand: unique symbol;
/** A valid calendar date written `YYYY-MM-DD` (years 1900–2999 when parsed). */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const FEC_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    year >= 1900 &&
    year <= 2999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// The only place a string becomes a `CalendarDate`: a type predicate rather than a cast.
// Callers have checked the day exists; this catches years arithmetic pushed past 4 digits.
function isIsoDateShape(text: string): text is CalendarDate {
  return ISO_DATE.test(text);
}

function fromParts(year: number, month: number, day: number): CalendarDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDateShape(text)) {
    throw new RangeError(`Date out of range: ${text}`);
  }
  return text;
}

function assertWholeNumber(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number: ${value}`);
  }
}

/** Parses `YYYY-MM-DD`; `undefined` for anything else, including `2025-02-31`. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(year, month, day) ? fromParts(year, month, day) : undefined;
}

/**
 * Parses the dates people and French exports write: `YYYY-MM-DD`, `DD/MM/YYYY`
 * (`D/M/YYYY` too) and FEC's `YYYYMMDD` (LPF art. A47 A-1).
 * Impossible dates (`31/02/2025`, `20250229`) are refused, as are years outside
 * 1900–2999 (a typo such as `0225` rather than a real date).
 */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const trimmed = text.trim();
  const french = FRENCH_DATE.exec(trimmed);
  if (french) {
    const [day, month, year] = [Number(french[1]), Number(french[2]), Number(french[3])];
    return isValidYmd(year, month, day) ? fromParts(year, month, day) : undefined;
  }
  const fec = FEC_DATE.exec(trimmed);
  if (fec) {
    const [year, month, day] = [Number(fec[1]), Number(fec[2]), Number(fec[3])];
    return isValidYmd(year, month, day) ? fromParts(year, month, day) : undefined;
  }
  return parseIsoDate(trimmed);
}

/** Like `parseIsoDate` but throws: for values the program itself produced. */
export function calendarDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === undefined) {
    throw new RangeError(`Not a calendar date: ${text}`);
  }
  return date;
}

/** Gregorian rule: every 4th year, except centuries not divisible by 400 (1900 no, 2000 yes). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** A date's numeric parts; `month` is 1–12. */
export type DateParts = { year: number; month: number; day: number };

/** Splits a date into numbers: `2025-03-09` → `{ year: 2025, month: 3, day: 9 }`. */
export function toParts(date: CalendarDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Days since 1970-01-01 (negative before), counted in UTC so DST never shifts it. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = toParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The inverse of `toDayNumber`. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  assertWholeNumber(dayNumber, 'A day number');
  const instant = new Date(dayNumber * MS_PER_DAY);
  return fromParts(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}

/** `date` plus `days` calendar days (minus when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertWholeNumber(days, 'Days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** `later − earlier` in days (negative when `later` is before `earlier`). */
export function daysBetween(earlier: CalendarDate, later: CalendarDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/** Same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assertWholeNumber(months, 'Months');
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The last day of `date`'s month (`2024-02-10` → `2024-02-29`). */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = toParts(date);
  return fromParts(year, month, daysInMonth(year, month));
}

/** The first day of `date`'s month. */
export function startOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = toParts(date);
  return fromParts(year, month, 1);
}

/** −1, 0 or 1, for `Array.prototype.sort`; ISO strings compare like the dates they name. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

/**
 * The calendar date of `instant` in `timeZone` (an IANA name such as `Europe/Paris`):
 * 2025-12-31T23:30:00Z is already 2026-01-01 in Paris. Throws a RangeError for an
 * unknown zone.
 *
 * Built from `formatToParts` with the Gregorian calendar and Latin digits pinned, rather
 * than from a locale's formatted string, whose pattern ICU has changed before (en-CA).
 */
export function todayIn(timeZone: string, instant: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`No business date for ${instant.toISOString()} in ${timeZone}`);
  }
  return fromParts(year, month, day);
}

/** Whether the runtime knows the IANA time zone `name` (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

// Fixed English abbreviations: ICU's en-GB changed `Sep` to `Sept` (CLDR 38), and dates in
// letters and exports must not change with the runtime.
const ENGLISH_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** `31/12/2025` in French, `31 Dec 2025` in English (`05 Sep 2025`: the day has two digits). */
export function formatDate(date: CalendarDate, locale: 'fr' | 'en' = 'fr'): string {
  const { year, month, day } = toParts(date);
  const dd = String(day).padStart(2, '0');
  if (locale === 'fr') {
    return `${dd}/${String(month).padStart(2, '0')}/${year}`;
  }
  return `${dd} ${ENGLISH_MONTHS[month - 1] ?? ''} ${year}`;
}

/** `2 décembre 2026` (fr) or `2 December 2026` (en): a letter's date line. */
export function formatLongDate(date: CalendarDate, locale: 'fr' | 'en' = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The hour (0–23) of `instant` on the clocks of `timeZone`: when a company's daily run is due. */
export function hourIn(timeZone: string, instant: Date): number {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
  }).format(instant);
  return Number(hour);
}
