import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDate,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  formatDate,
  fromDayNumber,
  isLeapYear,
  isTimeZone,
  maxDate,
  minDate,
  parseCalendarDate,
  parseIsoDate,
  startOfMonth,
  toDayNumber,
  toParts,
  todayIn,
} from './calendar-date.ts';

// These tests never read the machine's clock or zone; the unit tier also runs under
// TZ=Pacific/Kiritimati (UTC+14) to prove it (HOUSE_STYLE §7).
const d = calendarDate;

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2023, false],
    [1900, false], // century not divisible by 400
    [2000, true], // divisible by 400
    [2100, false],
  ])('isLeapYear(%i) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 12, 31],
    [2025, 13, 0],
    [2025, 0, 0],
  ])('daysInMonth(%i, %i) = %i', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['2025-03-09', '2025-03-09'],
    [' 2025-03-09 ', '2025-03-09'],
    ['09/03/2025', '2025-03-09'], // DD/MM/YYYY, French order
    ['9/3/2025', '2025-03-09'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    ['20250309', '2025-03-09'], // FEC
    ['20240229', '2024-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2999-12-31', '2999-12-31'],
  ])('%j → %s', (text, expected) => {
    expect(parseCalendarDate(text)).toBe(expected);
  });

  it.each([
    '31/02/2025', // no 31 February
    '29/02/2025', // 2025 is not a leap year
    '30/02/2024',
    '31/04/2025',
    '20250229',
    '20251301',
    '2025-02-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '00/01/2025',
    '01/13/2025', // US order is not accepted
    '2025-3-9',
    '09/03/25',
    '1899-12-31',
    '3000-01-01',
    '',
    'abc',
    '2025-03-09T10:00:00Z',
    '2025/03/09',
    '09.03.2025',
    '202503091',
  ])('refuses %j', (text) => {
    expect(parseCalendarDate(text)).toBeUndefined();
  });

  it('parseIsoDate accepts only YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('29/02/2024')).toBeUndefined();
    expect(parseIsoDate('20240229')).toBeUndefined();
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
  });

  it('calendarDate throws on an impossible date', () => {
    expect(() => calendarDate('2025-02-29')).toThrow(RangeError);
    expect(() => calendarDate('31/01/2025')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2025-03-30', 1, '2025-03-31'], // Paris springs forward on 30 March 2025
    ['2025-10-26', 1, '2025-10-27'], // and falls back on 26 October 2025
    ['2025-01-15', 45, '2025-03-01'],
    ['2025-01-15', 0, '2025-01-15'],
    ['2025-03-01', -29, '2025-01-31'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(d(date), days)).toBe(expected);
  });

  it.each([
    ['2025-03-29', '2025-03-31', 2], // across the spring DST change (23-hour day in Paris)
    ['2025-10-25', '2025-10-27', 2], // across the autumn change (25-hour day)
    ['2025-03-08', '2025-03-10', 2], // US DST change
    ['2025-01-01', '2026-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2025-03-31', '2025-03-01', -30],
    ['2025-06-15', '2025-06-15', 0],
  ])('daysBetween(%s, %s) = %i', (earlier, later, expected) => {
    expect(daysBetween(d(earlier), d(later))).toBe(expected);
  });

  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2025-01-01', 20089], // 55 × 365 + 14 leap days (1972…2024)
  ])('toDayNumber(%s) = %i and back', (date, dayNumber) => {
    expect(toDayNumber(d(date))).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(date);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])('addDays refuses %s days', (days) => {
    expect(() => addDays(d('2025-01-01'), days)).toThrow(RangeError);
  });

  it('refuses to produce a year beyond 9999', () => {
    expect(() => addDays(d('2999-12-31'), 3_000_000)).toThrow(RangeError);
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // clamped to the month's end
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-12-15', 1, '2026-01-15'], // year change
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-01-31', 13, '2026-02-28'],
    ['2025-03-15', -15, '2023-12-15'],
    ['2025-03-15', 0, '2025-03-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(d(date), months)).toBe(expected);
  });

  it('addMonths refuses a fractional count', () => {
    expect(() => addMonths(d('2025-01-31'), 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2025-02-01', '2025-02-28'],
    ['2000-02-01', '2000-02-29'],
    ['2100-02-01', '2100-02-28'],
    ['2025-04-30', '2025-04-30'],
    ['2025-12-05', '2025-12-31'],
    ['2025-01-01', '2025-01-31'],
  ])('endOfMonth(%s) = %s', (date, expected) => {
    expect(endOfMonth(d(date))).toBe(expected);
  });

  it.each([
    ['2024-02-29', '2024-02-01'],
    ['2025-12-31', '2025-12-01'],
    ['2025-01-01', '2025-01-01'],
  ])('startOfMonth(%s) = %s', (date, expected) => {
    expect(startOfMonth(d(date))).toBe(expected);
  });

  it('splits a date into numbers', () => {
    expect(toParts(d('2025-03-09'))).toEqual({ year: 2025, month: 3, day: 9 });
  });
});

describe('comparisons', () => {
  it('sorts, and picks the later and the earlier date', () => {
    const dates = [d('2025-03-01'), d('2024-12-31'), d('2025-01-15'), d('2024-12-31')];
    expect([...dates].sort(compareDates)).toEqual([
      '2024-12-31',
      '2024-12-31',
      '2025-01-15',
      '2025-03-01',
    ]);
    expect(compareDates(d('2025-01-01'), d('2025-01-01'))).toBe(0);
    expect(maxDate(d('2025-01-15'), d('2025-03-01'))).toBe('2025-03-01');
    expect(maxDate(d('2025-03-01'), d('2025-01-15'))).toBe('2025-03-01');
    expect(minDate(d('2025-01-15'), d('2025-03-01'))).toBe('2025-01-15');
    expect(minDate(d('2025-03-01'), d('2025-01-15'))).toBe('2025-01-15');
  });
});

describe('todayIn', () => {
  it.each([
    // Paris is UTC+1 in winter, UTC+2 in summer.
    ['Europe/Paris', '2025-12-31T22:59:59Z', '2025-12-31'],
    ['Europe/Paris', '2025-12-31T23:00:00Z', '2026-01-01'],
    ['Europe/Paris', '2025-12-31T23:30:00Z', '2026-01-01'], // New Year in Paris, not in London
    ['UTC', '2025-12-31T23:30:00Z', '2025-12-31'],
    ['Europe/Paris', '2025-06-30T21:59:59Z', '2025-06-30'],
    ['Europe/Paris', '2025-06-30T22:00:00Z', '2025-07-01'],
    ['Europe/Paris', '2025-03-29T22:59:59Z', '2025-03-29'], // night of the spring change
    ['Europe/Paris', '2025-03-29T23:00:00Z', '2025-03-30'],
    ['Europe/Paris', '2025-03-30T21:59:59Z', '2025-03-30'], // now UTC+2
    ['Europe/Paris', '2025-03-30T22:00:00Z', '2025-03-31'],
    ['Europe/Paris', '2025-10-25T21:59:59Z', '2025-10-25'], // still UTC+2
    ['Europe/Paris', '2025-10-26T22:59:59Z', '2025-10-26'], // back to UTC+1
    ['Europe/Paris', '2024-02-28T23:00:00Z', '2024-02-29'],
    ['America/New_York', '2026-01-01T03:00:00Z', '2025-12-31'],
    ['Pacific/Kiritimati', '2025-12-31T10:00:00Z', '2026-01-01'], // UTC+14
    ['Indian/Reunion', '2025-12-31T20:00:00Z', '2026-01-01'], // UTC+4, a French region
  ])('todayIn(%s, %s) = %s', (zone, instant, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });

  it('throws for an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus_Mons', new Date('2025-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
  });

  it.each([
    ['Europe/Paris', true],
    ['UTC', true],
    ['America/Guadeloupe', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('isTimeZone(%j) = %s', (name, expected) => {
    expect(isTimeZone(name)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each<[string, 'fr' | 'en', string]>([
    ['2025-12-31', 'fr', '31/12/2025'],
    ['2025-03-09', 'fr', '09/03/2025'],
    ['2024-02-29', 'fr', '29/02/2024'],
    ['2025-12-31', 'en', '31 Dec 2025'],
    ['2025-03-09', 'en', '09 Mar 2025'],
    ['2025-09-05', 'en', '05 Sep 2025'], // not ICU en-GB's "Sept"
    ['2025-01-01', 'en', '01 Jan 2025'],
  ])('formatDate(%s, %s) = %j', (date, locale, expected) => {
    expect(formatDate(d(date), locale)).toBe(expected);
  });

  it('formats in French by default', () => {
    expect(formatDate(d('2025-07-14'))).toBe('14/07/2025');
  });
});
