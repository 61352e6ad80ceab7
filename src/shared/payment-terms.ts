/**
 * Payment terms ("conditions de paiement"): how a due date follows from an invoice's
 * issue date, how terms are stored (a canonical text code), read from imports, described
 * to people, and checked against the legal maximum of C. com. L441-10 I.
 *
 * Pure: dates come in as arguments (HOUSE_STYLE §3).
 */
import {
  addDays,
  calendarDate,
  daysBetween,
  daysInMonth,
  endOfMonth,
  maxDate,
  startOfMonth,
  toParts,
  type CalendarDate,
} from './calendar-date.ts';

/** The kinds of payment terms, as stored in the `kind` field. */
export const PAYMENT_TERMS_KINDS = [
  'net',
  'days_end_of_month',
  'end_of_month_days',
  'days_end_of_month_on',
  'fixed_day',
] as const;

/** One of `PAYMENT_TERMS_KINDS`. */
export type PaymentTermsKind = (typeof PAYMENT_TERMS_KINDS)[number];

/**
 * Payment terms. "45 jours fin de mois" has two computations, both accepted in France
 * (DGCCRF); they are two kinds. Example, invoice issued 2025-01-15, 45 days:
 * - `days_end_of_month` (computation 1, "45 jours fin de mois"): add the days, then go to
 *   the end of that month: 2025-01-15 + 45 = 2025-03-01 → **2025-03-31**.
 *   With 30 days: 2025-01-15 + 30 = 2025-02-14 → 2025-02-28.
 * - `end_of_month_days` (computation 2, "fin de mois + 45 jours"): go to the end of the
 *   issue month, then add the days: 2025-01-31 + 45 = **2025-03-17**.
 *
 * The others:
 * - `net`: issue date + `days` ("30 jours net"); `days: 0` is "à réception".
 * - `days_end_of_month_on`: computation 1, then day `dayOfMonth` of the following month
 *   ("30 jours fin de mois le 10").
 * - `fixed_day`: issue date + `days`, then the first `dayOfMonth` on or after it
 *   ("30 jours le 15"); 29–31 fall back to the last day of shorter months.
 *
 * `days` is 0–365, `dayOfMonth` 1–31.
 */
export type PaymentTerms =
  | { readonly kind: 'net'; readonly days: number }
  | { readonly kind: 'days_end_of_month'; readonly days: number }
  | { readonly kind: 'end_of_month_days'; readonly days: number }
  | { readonly kind: 'days_end_of_month_on'; readonly days: number; readonly dayOfMonth: number }
  | { readonly kind: 'fixed_day'; readonly days: number; readonly dayOfMonth: number };

/** Longest term we accept, in days: a year. Anything longer is a typing error. */
export const MAX_PAYMENT_TERM_DAYS = 365;

/** Whether `terms` respects the ranges: whole `days` 0–365, whole `dayOfMonth` 1–31. */
export function isValidPaymentTerms(terms: PaymentTerms): boolean {
  const isDaysValid =
    Number.isSafeInteger(terms.days) && terms.days >= 0 && terms.days <= MAX_PAYMENT_TERM_DAYS;
  switch (terms.kind) {
    case 'net':
    case 'days_end_of_month':
    case 'end_of_month_days':
      return isDaysValid;
    case 'days_end_of_month_on':
    case 'fixed_day':
      return (
        isDaysValid &&
        Number.isSafeInteger(terms.dayOfMonth) &&
        terms.dayOfMonth >= 1 &&
        terms.dayOfMonth <= 31
      );
  }
  return unreachable(terms);
}

// After an exhaustive switch `terms` is `never`; this keeps every path returning a value
// (oxlint consistent-return) and fails loudly if a stored value ever escapes the union.
function unreachable(terms: never): never {
  throw new RangeError(`Unknown payment terms: ${JSON.stringify(terms)}`);
}

function assertValid(terms: PaymentTerms): void {
  if (!isValidPaymentTerms(terms)) {
    throw new RangeError(`Invalid payment terms: ${JSON.stringify(terms)}`);
  }
}

// ---------------------------------------------------------------------------------------
// Canonical code
// ---------------------------------------------------------------------------------------

const CODE_PREFIXES = {
  net: 'net',
  days_end_of_month: 'eom',
  end_of_month_days: 'eom_plus',
  days_end_of_month_on: 'eom_on',
  fixed_day: 'day',
} as const satisfies Record<PaymentTermsKind, string>;

// No leading zeros, lower case, no spaces: exactly what `formatPaymentTermsCode` writes,
// so that a stored code always round-trips and two equal terms never differ in text.
const NUMBER = '(0|[1-9]\\d*)';
const DAYS_CODE = new RegExp(`^(net|eom|eom_plus):${NUMBER}$`);
const DAY_OF_MONTH_CODE = new RegExp(`^(eom_on|day):${NUMBER}:${NUMBER}$`);

/**
 * Reads a canonical code as stored in the database: `net:30`, `eom:45`
 * (days_end_of_month), `eom_plus:45` (end_of_month_days), `eom_on:30:10`
 * (days_end_of_month_on), `day:30:15` (fixed_day). `undefined` for anything else,
 * including non-canonical spellings (`NET:30`, `net:030`, ` net:30`) and values out of range.
 */
export function parsePaymentTerms(code: string): PaymentTerms | undefined {
  const days = DAYS_CODE.exec(code);
  if (days) {
    const prefix = days[1];
    const value = Number(days[2]);
    const kind =
      prefix === 'net' ? 'net' : prefix === 'eom' ? 'days_end_of_month' : 'end_of_month_days';
    return validOrUndefined({ kind, days: value });
  }
  const withDay = DAY_OF_MONTH_CODE.exec(code);
  if (withDay) {
    const kind = withDay[1] === 'eom_on' ? 'days_end_of_month_on' : 'fixed_day';
    return validOrUndefined({ kind, days: Number(withDay[2]), dayOfMonth: Number(withDay[3]) });
  }
  return undefined;
}

function validOrUndefined(terms: PaymentTerms): PaymentTerms | undefined {
  return isValidPaymentTerms(terms) ? terms : undefined;
}

/** The canonical code of `terms` (see `parsePaymentTerms`); throws if `terms` is out of range. */
export function formatPaymentTermsCode(terms: PaymentTerms): string {
  assertValid(terms);
  const prefix = CODE_PREFIXES[terms.kind];
  switch (terms.kind) {
    case 'net':
    case 'days_end_of_month':
    case 'end_of_month_days':
      return `${prefix}:${terms.days}`;
    case 'days_end_of_month_on':
    case 'fixed_day':
      return `${prefix}:${terms.days}:${terms.dayOfMonth}`;
  }
  return unreachable(terms);
}

// ---------------------------------------------------------------------------------------
// Descriptions for people
// ---------------------------------------------------------------------------------------

/** The languages terms are described in. */
export type PaymentTermsLocale = 'fr' | 'en';

/**
 * Describes terms as a French or English clause, as printed on invoices and letters:
 * "30 jours net", "45 jours fin de mois", "fin de mois + 45 jours",
 * "30 jours fin de mois le 10", "30 jours le 15", "à réception"; in English "30 days net",
 * "45 days end of month", "end of month + 45 days", "30 days end of month on the 10th",
 * "30 days on the 15th", "due on receipt". `parsePaymentTermsText` reads every one back.
 */
export function describePaymentTerms(
  terms: PaymentTerms,
  locale: PaymentTermsLocale = 'fr',
): string {
  assertValid(terms);
  return locale === 'fr' ? describeInFrench(terms) : describeInEnglish(terms);
}

function describeInFrench(terms: PaymentTerms): string {
  // "1 jour" but "2 jours"; 0 never reaches here with a noun.
  const days = `${terms.days} ${terms.days === 1 ? 'jour' : 'jours'}`;
  switch (terms.kind) {
    case 'net':
      return terms.days === 0 ? 'à réception' : `${days} net`;
    case 'days_end_of_month':
      return terms.days === 0 ? 'fin de mois' : `${days} fin de mois`;
    case 'end_of_month_days':
      return terms.days === 0 ? 'fin de mois' : `fin de mois + ${days}`;
    case 'days_end_of_month_on': {
      const on = `le ${frenchDayOfMonth(terms.dayOfMonth)}`;
      return terms.days === 0 ? `fin de mois ${on}` : `${days} fin de mois ${on}`;
    }
    case 'fixed_day': {
      const on = `le ${frenchDayOfMonth(terms.dayOfMonth)}`;
      return terms.days === 0 ? on : `${days} ${on}`;
    }
  }
  return unreachable(terms);
}

/** French writes the first of the month "1er". */
function frenchDayOfMonth(day: number): string {
  return day === 1 ? '1er' : String(day);
}

function describeInEnglish(terms: PaymentTerms): string {
  const days = `${terms.days} ${terms.days === 1 ? 'day' : 'days'}`;
  switch (terms.kind) {
    case 'net':
      return terms.days === 0 ? 'due on receipt' : `${days} net`;
    case 'days_end_of_month':
      return terms.days === 0 ? 'end of month' : `${days} end of month`;
    case 'end_of_month_days':
      return terms.days === 0 ? 'end of month' : `end of month + ${days}`;
    case 'days_end_of_month_on': {
      const on = `on the ${englishOrdinal(terms.dayOfMonth)}`;
      return terms.days === 0 ? `end of month ${on}` : `${days} end of month ${on}`;
    }
    case 'fixed_day': {
      const on = `on the ${englishOrdinal(terms.dayOfMonth)}`;
      return terms.days === 0 ? on : `${days} ${on}`;
    }
  }
  return unreachable(terms);
}

/** 1st, 2nd, 3rd, 4th… 11th, 12th, 13th… 21st, 22nd, 23rd… 31st. */
function englishOrdinal(day: number): string {
  const lastTwo = day % 100;
  const last = day % 10;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13
      ? 'th'
      : last === 1
        ? 'st'
        : last === 2
          ? 'nd'
          : last === 3
            ? 'rd'
            : 'th';
  return `${day}${suffix}`;
}

// ---------------------------------------------------------------------------------------
// Human text, as found in CSV imports
// ---------------------------------------------------------------------------------------

/** Options of `parsePaymentTermsText`. */
export type ParsePaymentTermsTextOptions = {
  /**
   * How to read the ambiguous "45 jours fin de mois" / "45 FDM" / "45 days end of month":
   * `days_end_of_month` (computation 1, the default: the most common reading of the
   * words) or `end_of_month_days` (computation 2).
   * Explicit forms ("fin de mois + 45") are not affected.
   */
  endOfMonth?: 'days_end_of_month' | 'end_of_month_days';
};

// Building blocks of the text grammar, applied to lower-case text without accents.
const LEAD = String.raw`(?:(?:paiement|reglement|payable|payment) )?(?:a |at )?`;
const DAYS = String.raw`(\d{1,4})`;
const DAY_WORD = String.raw`(?:j|jr|jrs|jour|jours|days?)\.?`;
const EOM = String.raw`(?:fin de mois|fin du mois|f\.?d\.?m\.?|end of month|eom)`;
const ON_DAY = String.raw`(?:le|on the|the) (\d{1,2})(?:er|e|eme|st|nd|rd|th)?(?: du mois suivant| of the following month)?`;
const NET_TAIL = String.raw`(?: ?net| nets| (?:a )?date (?:de )?facture| a compter de la date de facture| from invoice date)?`;

const RECEIPT_TEXT = new RegExp(
  String.raw`^(?:(?:paiement|reglement|payable) )?(?:(?:a |des )?(?:la )?reception(?: (?:de )?(?:la )?facture)?|(?:au )?comptant|immediat|(?:due )?(?:on|upon) receipt|cash)$`,
);
const END_OF_MONTH_PLUS_TEXT = new RegExp(
  String.raw`^${LEAD}${EOM} ?(?:\+|plus) ?${DAYS} ?(?:${DAY_WORD})?$`,
);
const END_OF_MONTH_ON_TEXT = new RegExp(
  String.raw`^${LEAD}(?:${DAYS} ?(?:${DAY_WORD})? ?)?${EOM},? ${ON_DAY}$`,
);
const END_OF_MONTH_TEXT = new RegExp(String.raw`^${LEAD}(?:${DAYS} ?(?:${DAY_WORD})? ?)?${EOM}$`);
const FIXED_DAY_TEXT = new RegExp(
  String.raw`^${LEAD}(?:${DAYS} ?(?:${DAY_WORD})?(?: net)?,? )?${ON_DAY}$`,
);
const NET_TEXT = new RegExp(String.raw`^${LEAD}(?:net ?)?${DAYS} ?(?:${DAY_WORD})?${NET_TAIL}$`);

/**
 * Reads payment terms as people write them in CSV imports and ERP exports, ignoring case,
 * accents and extra spaces. Accepts the canonical code (`net:30`) and, among others:
 * `30`, `30J`, `30 jours`, `30 jours net`, `net 30`, `à 30 jours`, `60 jours date de facture`
 * (net); `45 jours fin de mois`, `45FDM`, `45 j fdm` (end of month, see `options.endOfMonth`);
 * `fin de mois + 45`, `fin de mois + 45 jours` (computation 2); `30 jours fin de mois le 10`;
 * `30 jours le 15`, `à 30 jours le 15`; `à réception`, `comptant`, `réception de facture`;
 * and everything `describePaymentTerms` writes, in either language.
 * `undefined` when the text is not understood or out of range (days 0–365, day 1–31).
 */
export function parsePaymentTermsText(
  text: string,
  options: ParsePaymentTermsTextOptions = {},
): PaymentTerms | undefined {
  const code = parsePaymentTerms(text.trim());
  if (code !== undefined) {
    return code;
  }
  const clean = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

  if (RECEIPT_TEXT.test(clean)) {
    return { kind: 'net', days: 0 };
  }
  const plus = END_OF_MONTH_PLUS_TEXT.exec(clean);
  if (plus) {
    return validOrUndefined({ kind: 'end_of_month_days', days: Number(plus[1]) });
  }
  const endOfMonthOn = END_OF_MONTH_ON_TEXT.exec(clean);
  if (endOfMonthOn) {
    return validOrUndefined({
      kind: 'days_end_of_month_on',
      days: Number(endOfMonthOn[1] ?? 0),
      dayOfMonth: Number(endOfMonthOn[2]),
    });
  }
  const endOfMonthDays = END_OF_MONTH_TEXT.exec(clean);
  if (endOfMonthDays) {
    const kind = options.endOfMonth ?? 'days_end_of_month';
    return validOrUndefined({ kind, days: Number(endOfMonthDays[1] ?? 0) });
  }
  const fixedDay = FIXED_DAY_TEXT.exec(clean);
  if (fixedDay) {
    return validOrUndefined({
      kind: 'fixed_day',
      days: Number(fixedDay[1] ?? 0),
      dayOfMonth: Number(fixedDay[2]),
    });
  }
  const net = NET_TEXT.exec(clean);
  if (net) {
    return validOrUndefined({ kind: 'net', days: Number(net[1]) });
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Due dates
// ---------------------------------------------------------------------------------------

/** Day `dayOfMonth` of `date`'s month, or the month's last day when it is shorter (31 → 30 April). */
function clampedDayOfMonth(date: CalendarDate, dayOfMonth: number): CalendarDate {
  const { year, month } = toParts(date);
  return addDays(startOfMonth(date), Math.min(dayOfMonth, daysInMonth(year, month)) - 1);
}

function firstDayOfNextMonth(date: CalendarDate): CalendarDate {
  return addDays(endOfMonth(date), 1);
}

/**
 * The due date of an invoice issued on `issueDate` under `terms` (see `PaymentTerms` for
 * each kind, with examples). Throws a RangeError when `terms` is out of range.
 */
export function computeDueDate(issueDate: CalendarDate, terms: PaymentTerms): CalendarDate {
  assertValid(terms);
  switch (terms.kind) {
    case 'net':
      return addDays(issueDate, terms.days);
    case 'days_end_of_month':
      return endOfMonth(addDays(issueDate, terms.days));
    case 'end_of_month_days':
      return addDays(endOfMonth(issueDate), terms.days);
    case 'days_end_of_month_on': {
      const endOfMonthDate = endOfMonth(addDays(issueDate, terms.days));
      return clampedDayOfMonth(firstDayOfNextMonth(endOfMonthDate), terms.dayOfMonth);
    }
    case 'fixed_day': {
      const earliest = addDays(issueDate, terms.days);
      const sameMonth = clampedDayOfMonth(earliest, terms.dayOfMonth);
      return sameMonth >= earliest
        ? sameMonth
        : clampedDayOfMonth(firstDayOfNextMonth(earliest), terms.dayOfMonth);
    }
  }
  return unreachable(terms);
}

// ---------------------------------------------------------------------------------------
// Legal maximum, C. com. L441-10 I
// ---------------------------------------------------------------------------------------

/**
 * The latest due date the law allows for an invoice issued on `issueDate`.
 *
 * C. com. L441-10 I: the agreed term "ne peut dépasser soixante jours à compter de la date
 * d'émission de la facture"; by derogation, "quarante-cinq jours fin de mois" may be agreed
 * if the contract states it expressly. The DGCCRF accepts both computations of 45 days end
 * of month, so the maximum is the latest of: issue + 60 days; end of the month of
 * (issue + 45 days); end of the issue month + 45 days. Sector rules with shorter limits
 * (C. com. L441-11: transport, perishable food…) are not covered.
 */
export function legalMaximumDueDate(issueDate: CalendarDate): CalendarDate {
  const sixtyDays = addDays(issueDate, 60);
  const computation1 = endOfMonth(addDays(issueDate, 45));
  const computation2 = addDays(endOfMonth(issueDate), 45);
  return maxDate(sixtyDays, maxDate(computation1, computation2));
}

/** The code of `LegalMaximumWarning`: the due date is later than C. com. L441-10 I allows. */
export const PAYMENT_TERMS_EXCEED_LEGAL_MAXIMUM = 'payment_terms_exceed_legal_maximum';

/** A due date past the legal maximum: the latest allowed date, and by how many days it is passed. */
export type LegalMaximumWarning = {
  code: typeof PAYMENT_TERMS_EXCEED_LEGAL_MAXIMUM;
  maximumDueDate: CalendarDate;
  excessDays: number;
};

/**
 * `undefined` when `dueDate` respects C. com. L441-10 I for an invoice issued on
 * `issueDate` (see `legalMaximumDueDate`), else a warning. A warning, not an error: the
 * invoice exists and must be collected; the terms are the issuer's compliance problem
 * (administrative fine, C. com. L441-16).
 */
export function checkLegalMaximum(
  issueDate: CalendarDate,
  dueDate: CalendarDate,
): LegalMaximumWarning | undefined {
  const maximumDueDate = legalMaximumDueDate(issueDate);
  const excessDays = daysBetween(maximumDueDate, dueDate);
  return excessDays > 0
    ? { code: PAYMENT_TERMS_EXCEED_LEGAL_MAXIMUM, maximumDueDate, excessDays }
    : undefined;
}

// Issue dates scanned by `termsExceedLegalMaximum`: 2023-01-01 to 2025-12-31. A due date
// depends on the issue day and on the lengths of the months that follow, and only
// February varies. Over these three years the windows that follow an issue date (up to
// 365 days + two month ends) meet every February combination: one of 28 or 29 days, and
// 28→29 (issued early 2023), 29→28 (early 2024) and 28→28 (early 2025) when they span two.
// A leap year alone is not enough: "29 jours fin de mois le 10" passes the maximum only
// when February has 28 days (issued 2023-01-31: due 2023-04-10, maximum 2023-04-01).
const REFERENCE_START = calendarDate('2023-01-01');
const REFERENCE_DAYS = daysBetween(REFERENCE_START, calendarDate('2026-01-01'));
const exceedsCache = new Map<string, boolean>();

/**
 * Whether `terms` can give a due date past the legal maximum (C. com. L441-10 I).
 *
 * Terms alone do not have an answer: it depends on the issue date. "61 jours net" passes
 * the maximum for an invoice of 31 January 2024 (1 April > 31 March) but not for one of
 * 1 January 2024 (2 March ≤ 16 March, the 45-days-end-of-month computation 2). So the
 * terms are tried with every issue date of 2023, 2024 (a leap year) and 2025, and flagged
 * when at least one due date passes. Results are cached per code: customer lists call
 * this per row.
 */
export function termsExceedLegalMaximum(terms: PaymentTerms): boolean {
  const code = formatPaymentTermsCode(terms);
  const cached = exceedsCache.get(code);
  if (cached !== undefined) {
    return cached;
  }
  let exceeds = false;
  for (let offset = 0; offset < REFERENCE_DAYS && !exceeds; offset += 1) {
    const issueDate = addDays(REFERENCE_START, offset);
    exceeds = checkLegalMaximum(issueDate, computeDueDate(issueDate, terms)) !== undefined;
  }
  exceedsCache.set(code, exceeds);
  return exceeds;
}
