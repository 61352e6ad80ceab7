import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, type CalendarDate } from './calendar-date.ts';
import {
  checkLegalMaximum,
  computeDueDate,
  describePaymentTerms,
  formatPaymentTermsCode,
  isValidPaymentTerms,
  legalMaximumDueDate,
  parsePaymentTerms,
  parsePaymentTermsText,
  termsExceedLegalMaximum,
  type PaymentTerms,
} from './payment-terms.ts';

const d = calendarDate;

function terms(code: string): PaymentTerms {
  const parsed = parsePaymentTerms(code);
  if (parsed === undefined) {
    throw new Error(`test setup: bad code ${code}`);
  }
  return parsed;
}

// One of each kind, with edge values, for the round-trip tests.
const SAMPLES: PaymentTerms[] = [
  { kind: 'net', days: 0 },
  { kind: 'net', days: 1 },
  { kind: 'net', days: 30 },
  { kind: 'net', days: 365 },
  { kind: 'days_end_of_month', days: 0 },
  { kind: 'days_end_of_month', days: 45 },
  { kind: 'end_of_month_days', days: 45 },
  { kind: 'end_of_month_days', days: 1 },
  { kind: 'days_end_of_month_on', days: 30, dayOfMonth: 10 },
  { kind: 'days_end_of_month_on', days: 0, dayOfMonth: 5 },
  { kind: 'days_end_of_month_on', days: 60, dayOfMonth: 1 },
  { kind: 'fixed_day', days: 30, dayOfMonth: 15 },
  { kind: 'fixed_day', days: 0, dayOfMonth: 31 },
  { kind: 'fixed_day', days: 1, dayOfMonth: 1 },
  { kind: 'fixed_day', days: 45, dayOfMonth: 22 },
];

describe('canonical code', () => {
  it.each<[string, PaymentTerms]>([
    ['net:0', { kind: 'net', days: 0 }],
    ['net:30', { kind: 'net', days: 30 }],
    ['net:365', { kind: 'net', days: 365 }],
    ['eom:45', { kind: 'days_end_of_month', days: 45 }],
    ['eom_plus:45', { kind: 'end_of_month_days', days: 45 }],
    ['eom_on:30:10', { kind: 'days_end_of_month_on', days: 30, dayOfMonth: 10 }],
    ['day:30:15', { kind: 'fixed_day', days: 30, dayOfMonth: 15 }],
    ['day:0:31', { kind: 'fixed_day', days: 0, dayOfMonth: 31 }],
  ])('parsePaymentTerms(%j) and back', (code, expected) => {
    expect(parsePaymentTerms(code)).toEqual(expected);
    expect(formatPaymentTermsCode(expected)).toBe(code);
  });

  it.each([
    '',
    'net',
    'net:',
    'NET:30', // codes are exact, not human text
    ' net:30',
    'net:30 ',
    'net:030',
    'net:-1',
    'net:1.5',
    'net:366',
    'eom:400',
    'eom_on:30',
    'eom_on:30:0',
    'eom_on:30:32',
    'eom_on:30:010',
    'day:30:15:1',
    'day:30',
    'net:30:15',
    'fdm:45',
    '30',
  ])('parsePaymentTerms refuses %j', (code) => {
    expect(parsePaymentTerms(code)).toBeUndefined();
  });

  it.each(SAMPLES)('round-trips %j', (sample) => {
    expect(parsePaymentTerms(formatPaymentTermsCode(sample))).toEqual(sample);
  });

  it.each<PaymentTerms>([
    { kind: 'net', days: 366 },
    { kind: 'net', days: -1 },
    { kind: 'days_end_of_month', days: 1.5 },
    { kind: 'end_of_month_days', days: Number.NaN },
    { kind: 'days_end_of_month_on', days: 30, dayOfMonth: 0 },
    { kind: 'fixed_day', days: 30, dayOfMonth: 32 },
    { kind: 'fixed_day', days: 30, dayOfMonth: 15.5 },
  ])('refuses to format, describe or compute with %j', (invalid) => {
    expect(isValidPaymentTerms(invalid)).toBe(false);
    expect(() => formatPaymentTermsCode(invalid)).toThrow(RangeError);
    expect(() => describePaymentTerms(invalid)).toThrow(RangeError);
    expect(() => computeDueDate(d('2025-01-15'), invalid)).toThrow(RangeError);
  });
});

describe('describePaymentTerms', () => {
  it.each<[string, string, string]>([
    ['net:0', 'à réception', 'due on receipt'],
    ['net:1', '1 jour net', '1 day net'],
    ['net:30', '30 jours net', '30 days net'],
    ['eom:45', '45 jours fin de mois', '45 days end of month'],
    ['eom:0', 'fin de mois', 'end of month'],
    ['eom_plus:45', 'fin de mois + 45 jours', 'end of month + 45 days'],
    ['eom_plus:0', 'fin de mois', 'end of month'],
    ['eom_on:30:10', '30 jours fin de mois le 10', '30 days end of month on the 10th'],
    ['eom_on:0:1', 'fin de mois le 1er', 'end of month on the 1st'],
    ['eom_on:60:2', '60 jours fin de mois le 2', '60 days end of month on the 2nd'],
    ['day:30:15', '30 jours le 15', '30 days on the 15th'],
    ['day:30:3', '30 jours le 3', '30 days on the 3rd'],
    ['day:30:11', '30 jours le 11', '30 days on the 11th'],
    ['day:30:12', '30 jours le 12', '30 days on the 12th'],
    ['day:30:13', '30 jours le 13', '30 days on the 13th'],
    ['day:30:21', '30 jours le 21', '30 days on the 21st'],
    ['day:30:22', '30 jours le 22', '30 days on the 22nd'],
    ['day:30:23', '30 jours le 23', '30 days on the 23rd'],
    ['day:30:31', '30 jours le 31', '30 days on the 31st'],
    ['day:0:15', 'le 15', 'on the 15th'],
  ])('%s is %j in French and %j in English', (code, french, english) => {
    expect(describePaymentTerms(terms(code), 'fr')).toBe(french);
    expect(describePaymentTerms(terms(code), 'en')).toBe(english);
  });

  it('describes in French by default', () => {
    expect(describePaymentTerms(terms('net:60'))).toBe('60 jours net');
  });

  it.each(SAMPLES)('reads its own descriptions back: %j', (sample) => {
    // "fin de mois" is both eom:0 and eom_plus:0: the same due date, read as eom:0.
    const expected =
      sample.kind === 'end_of_month_days' && sample.days === 0
        ? { kind: 'days_end_of_month', days: 0 }
        : sample;
    expect(parsePaymentTermsText(describePaymentTerms(sample, 'fr'))).toEqual(expected);
    expect(parsePaymentTermsText(describePaymentTerms(sample, 'en'))).toEqual(expected);
  });
});

describe('parsePaymentTermsText', () => {
  it.each<[string, string]>([
    // net
    ['30', 'net:30'],
    ['30J', 'net:30'],
    ['30j', 'net:30'],
    ['30 j.', 'net:30'],
    ['30 jours', 'net:30'],
    ['30 JOURS NET', 'net:30'],
    ['30 jours net', 'net:30'],
    ['30j net', 'net:30'],
    ['  30   jours   net ', 'net:30'],
    ['net 30', 'net:30'],
    ['Net30', 'net:30'],
    ['à 30 jours', 'net:30'],
    ['paiement à 30 jours', 'net:30'],
    ['60 jours date de facture', 'net:60'],
    ['60 jours date facture', 'net:60'],
    ['60 JOURS À DATE DE FACTURE', 'net:60'],
    ['0', 'net:0'],
    ['365 jours', 'net:365'],
    ['30 days', 'net:30'],
    ['1 day net', 'net:1'],
    // on receipt
    ['à réception', 'net:0'],
    ['A RECEPTION', 'net:0'],
    ['À réception de facture', 'net:0'],
    ['réception facture', 'net:0'],
    ['dès réception', 'net:0'],
    ['comptant', 'net:0'],
    ['Paiement comptant', 'net:0'],
    ['au comptant', 'net:0'],
    ['immédiat', 'net:0'],
    ['due on receipt', 'net:0'],
    // end of month, computation 1 by default
    ['45 jours fin de mois', 'eom:45'],
    ['45 Jours Fin De Mois', 'eom:45'],
    ['45FDM', 'eom:45'],
    ['45 fdm', 'eom:45'],
    ['45j fdm', 'eom:45'],
    ['45 j. f.d.m.', 'eom:45'],
    ['45 jours fin du mois', 'eom:45'],
    ['fin de mois', 'eom:0'],
    ['45 days end of month', 'eom:45'],
    // end of month, computation 2 written out
    ['fin de mois + 45', 'eom_plus:45'],
    ['fin de mois + 45 jours', 'eom_plus:45'],
    ['Fin de mois+45j', 'eom_plus:45'],
    ['FDM + 45', 'eom_plus:45'],
    ['fin de mois plus 30 jours', 'eom_plus:30'],
    ['end of month + 45 days', 'eom_plus:45'],
    // end of month, then a day of the next month
    ['30 jours fin de mois le 10', 'eom_on:30:10'],
    ['30 jours fin de mois, le 10', 'eom_on:30:10'],
    ['30 j fdm le 10', 'eom_on:30:10'],
    ['30 jours fin de mois le 10 du mois suivant', 'eom_on:30:10'],
    ['45 jours fin de mois le 1er', 'eom_on:45:1'],
    ['fin de mois le 5', 'eom_on:0:5'],
    ['30 days end of month on the 10th', 'eom_on:30:10'],
    // fixed day
    ['30 jours le 15', 'day:30:15'],
    ['à 30 jours le 15', 'day:30:15'],
    ['30 jours net le 15', 'day:30:15'],
    ['30 j, le 15', 'day:30:15'],
    ['le 15', 'day:0:15'],
    ['30 days on the 15th', 'day:30:15'],
    // the canonical code is accepted too
    ['net:45', 'net:45'],
    ['eom_plus:30', 'eom_plus:30'],
    [' day:30:15 ', 'day:30:15'],
  ])('%j → %s', (text, code) => {
    expect(parsePaymentTermsText(text)).toEqual(terms(code));
  });

  it.each<[string, string]>([
    ['45 jours fin de mois', 'eom_plus:45'],
    ['45FDM', 'eom_plus:45'],
    ['45 days end of month', 'eom_plus:45'],
    // explicit forms are not affected by the option
    ['fin de mois + 30', 'eom_plus:30'],
    ['30 jours fin de mois le 10', 'eom_on:30:10'],
    ['30 jours', 'net:30'],
  ])('with computation 2 chosen, %j → %s', (text, code) => {
    expect(parsePaymentTermsText(text, { endOfMonth: 'end_of_month_days' })).toEqual(terms(code));
  });

  it.each([
    '',
    '   ',
    'abc',
    'net',
    '366 jours', // more than a year
    '1000',
    '-30',
    '30.5 jours',
    '30,5 jours',
    '30 jours le 0',
    '30 jours le 32',
    '30 jours fin de mois le 32',
    'fin de mois + 400',
    '45 jours fin de semaine',
    '30 jours 45 jours',
    'fin de mois +',
    'le',
    'NET:30:1',
  ])('refuses %j', (text) => {
    expect(parsePaymentTermsText(text)).toBeUndefined();
  });
});

describe('computeDueDate', () => {
  it.each<[string, string, string]>([
    // net
    ['2025-01-15', 'net:30', '2025-02-14'],
    ['2025-01-31', 'net:30', '2025-03-02'], // 28-day February
    ['2024-01-31', 'net:30', '2024-03-01'], // 29-day February
    ['2025-12-15', 'net:30', '2026-01-14'], // year change
    ['2025-11-30', 'net:60', '2026-01-29'],
    ['2025-03-10', 'net:0', '2025-03-10'], // à réception
    ['2025-01-01', 'net:365', '2026-01-01'],
    ['2024-01-01', 'net:365', '2024-12-31'], // leap year
    // days_end_of_month: issue + N, then end of that month (computation 1)
    ['2025-01-15', 'eom:45', '2025-03-31'], // +45 = 1 March → 31 March
    ['2025-01-15', 'eom:30', '2025-02-28'], // +30 = 14 February → 28 February
    ['2024-01-15', 'eom:30', '2024-02-29'],
    ['2025-01-29', 'eom:30', '2025-02-28'], // +30 = 28 February exactly
    ['2025-01-31', 'eom:30', '2025-03-31'], // +30 = 2 March
    ['2024-01-30', 'eom:30', '2024-02-29'],
    ['2025-11-15', 'eom:45', '2025-12-31'], // +45 = 30 December
    ['2025-11-20', 'eom:45', '2026-01-31'], // +45 = 4 January
    ['2025-03-10', 'eom:0', '2025-03-31'],
    // end_of_month_days: end of the issue month, then + N (computation 2)
    ['2025-01-15', 'eom_plus:45', '2025-03-17'], // 31 January + 45
    ['2024-01-15', 'eom_plus:45', '2024-03-16'],
    ['2025-01-01', 'eom_plus:45', '2025-03-17'], // any January date gives the same
    ['2025-12-10', 'eom_plus:30', '2026-01-30'],
    ['2025-11-05', 'eom_plus:45', '2026-01-14'],
    ['2025-02-01', 'eom_plus:0', '2025-02-28'],
    ['2024-02-29', 'eom_plus:30', '2024-03-30'],
    // days_end_of_month_on: computation 1, then the given day of the next month
    ['2025-01-15', 'eom_on:30:10', '2025-03-10'], // 14 Feb → 28 Feb → 10 March
    ['2025-01-31', 'eom_on:30:10', '2025-04-10'], // 2 March → 31 March → 10 April
    ['2025-11-20', 'eom_on:30:10', '2026-01-10'], // 20 Dec → 31 Dec → 10 January
    ['2025-01-15', 'eom_on:30:31', '2025-03-31'],
    ['2025-02-15', 'eom_on:30:31', '2025-04-30'], // 31 clamped to 30 April
    ['2024-12-15', 'eom_on:30:30', '2025-02-28'], // 30 clamped to 28 February
    ['2023-12-15', 'eom_on:30:30', '2024-02-29'], // 30 clamped to 29 February
    ['2025-03-10', 'eom_on:0:5', '2025-04-05'],
    // fixed_day: issue + N, then the first such day on or after it
    ['2025-01-15', 'day:30:15', '2025-02-15'], // 14 Feb → 15 Feb
    ['2025-01-16', 'day:30:15', '2025-02-15'], // 15 Feb is the day itself
    ['2025-01-17', 'day:30:15', '2025-03-15'], // 16 Feb → 15 March
    ['2025-01-01', 'day:30:31', '2025-01-31'], // 31 January itself
    ['2025-01-20', 'day:30:31', '2025-02-28'], // 31 clamped to 28 February
    ['2024-01-20', 'day:30:31', '2024-02-29'],
    ['2025-01-29', 'day:30:30', '2025-02-28'], // +30 = 28 Feb, which is "the 30th" of February
    ['2025-02-01', 'day:30:30', '2025-03-30'],
    ['2025-12-10', 'day:30:5', '2026-02-05'], // 9 January → 5 February
    ['2025-11-25', 'day:30:31', '2025-12-31'],
    ['2025-12-05', 'day:30:1', '2026-02-01'], // 4 January → 1 February
    ['2025-03-10', 'day:0:15', '2025-03-15'],
    ['2025-03-20', 'day:0:15', '2025-04-15'],
    ['2025-04-30', 'day:0:31', '2025-04-30'],
  ])('issued %s, %s → due %s', (issue, code, due) => {
    expect(computeDueDate(d(issue), terms(code))).toBe(due);
  });

  it('gives both computations of "45 jours fin de mois" for an invoice of 15 January 2025', () => {
    const issue = d('2025-01-15');
    expect(computeDueDate(issue, { kind: 'days_end_of_month', days: 45 })).toBe('2025-03-31');
    expect(computeDueDate(issue, { kind: 'end_of_month_days', days: 45 })).toBe('2025-03-17');
  });
});

describe('legal maximum (C. com. L441-10 I)', () => {
  it.each<[string, string]>([
    // issue: max(issue + 60, end of month(issue + 45), end of issue month + 45)
    ['2025-01-15', '2025-03-31'], // 16 March, 31 March, 17 March
    ['2025-01-01', '2025-03-17'], // 2 March, 28 February, 17 March
    ['2024-01-01', '2024-03-16'], // 1 March, 29 February, 16 March
    ['2025-01-31', '2025-04-01'], // 1 April, 31 March, 17 March
    ['2024-01-31', '2024-03-31'], // 31 March, 31 March, 16 March
    ['2025-02-14', '2025-04-15'], // 15 April, 31 March, 14 April
    ['2025-11-20', '2026-01-31'], // 19 January, 31 January, 14 January
    ['2025-12-31', '2026-03-01'], // 1 March, 28 February, 14 February
  ])('issued %s → latest legal due date %s', (issue, maximum) => {
    expect(legalMaximumDueDate(d(issue))).toBe(maximum);
  });

  const warning = (maximumDueDate: string, excessDays: number) => ({
    code: 'payment_terms_exceed_legal_maximum',
    maximumDueDate,
    excessDays,
  });

  it.each<[string, string, ReturnType<typeof warning> | undefined]>([
    ['2025-01-15', '2025-03-31', undefined], // exactly the maximum
    ['2025-01-15', '2025-02-14', undefined],
    ['2025-01-15', '2025-04-01', warning('2025-03-31', 1)],
    ['2025-01-15', '2025-04-15', warning('2025-03-31', 15)],
    ['2025-01-01', '2025-03-17', undefined],
    ['2025-01-01', '2025-03-20', warning('2025-03-17', 3)],
    ['2025-12-31', '2026-03-02', warning('2026-03-01', 1)],
  ])('issued %s, due %s: %j', (issue, due, expected) => {
    expect(checkLegalMaximum(d(issue), d(due))).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['net:0', false],
    ['net:60', false],
    ['net:61', true], // issued 31 January 2024: due 1 April, maximum 31 March
    ['eom:45', false], // both computations are the law's own
    ['eom:46', true],
    ['eom_plus:45', false],
    ['eom_plus:46', true],
    ['eom_on:15:10', false],
    ['eom_on:28:10', false],
    ['eom_on:29:10', true], // only when February has 28 days (see below)
    ['eom_on:30:10', true],
    ['eom_on:45:10', true],
    ['day:30:15', false],
    ['day:38:10', false],
    ['day:39:10', true], // only when February has 28 days
    ['day:60:31', true],
    ['net:365', true],
  ])('termsExceedLegalMaximum(%s) = %s', (code, expected) => {
    expect(termsExceedLegalMaximum(terms(code))).toBe(expected);
    // Twice: the second answer comes from the cache and must be the same.
    expect(termsExceedLegalMaximum(terms(code))).toBe(expected);
  });

  it('finds terms that pass the maximum only in a non-leap year', () => {
    // Issued 31 January 2023: +29 = 1 March → 31 March → 10 April; the maximum is
    // 1 April (31 January + 60). In 2024 the same invoice is due 10 March.
    const issue = d('2023-01-31');
    expect(computeDueDate(issue, terms('eom_on:29:10'))).toBe('2023-04-10');
    expect(checkLegalMaximum(issue, computeDueDate(issue, terms('eom_on:29:10')))).toEqual({
      code: 'payment_terms_exceed_legal_maximum',
      maximumDueDate: '2023-04-01',
      excessDays: 9,
    });
    expect(scanYear(terms('eom_on:29:10'), d('2024-01-01'), 366)).toBe(false);
    expect(scanYear(terms('eom_on:29:10'), d('2023-01-01'), 365)).toBe(true);
  });

  it.each(SAMPLES)('agrees with a scan of 2020–2030 for %j', (sample) => {
    expect(termsExceedLegalMaximum(sample)).toBe(scanYear(sample, d('2020-01-01'), 4018));
  });
});

/** Whether some issue date in `[start, start + days)` gives a due date past the maximum. */
function scanYear(sample: PaymentTerms, start: CalendarDate, days: number): boolean {
  for (let offset = 0; offset < days; offset += 1) {
    const issue = addDays(start, offset);
    if (checkLegalMaximum(issue, computeDueDate(issue, sample)) !== undefined) {
      return true;
    }
  }
  return false;
}
