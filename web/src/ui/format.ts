/**
 * Formatting at the edge, in the interface language, one formatter per kind of value
 * (issue 7): amounts through the server's own `formatMoney` (integer cents, never a
 * float), dates through `formatDate`, and an instant as that same date and its time, so a
 * page never shows `03 Mar 2026` beside `02/03/2026, 09:59`.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calendarDate,
  formatDate,
  isTimeZone,
  parseIsoDate,
} from '../../../src/shared/calendar-date.ts';
import {
  cents,
  formatMoney,
  parseCurrencyCode,
  toDecimalString,
} from '../../../src/shared/money.ts';
import { formatOneDecimal } from '../../../src/reports/figure-text.ts';
import { toLanguage, type Language } from '../../../src/shared/language.ts';
import { describePaymentTerms, parsePaymentTerms } from '../../../src/shared/payment-terms.ts';

export function formatAmount(amount: number, currency: string, language: Language): string {
  const code = parseCurrencyCode(currency);
  if (code === undefined) {
    return `${toDecimalString(cents(amount))} ${currency}`;
  }
  return formatMoney(cents(amount), code, language);
}

/** `YYYY-MM-DD` → `31/12/2025` (fr) or `31 Dec 2025` (en); anything else is shown as is. */
export function formatDay(text: string, language: Language): string {
  const date = parseIsoDate(text);
  return date === undefined ? text : formatDate(date, language);
}

// One `Intl.DateTimeFormat` per time zone: building one costs far more than formatting.
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function instantFormat(timeZone: string): Intl.DateTimeFormat {
  let format = instantFormats.get(timeZone);
  if (format === undefined) {
    // Parts, not a locale's pattern: the words come from `formatDate`, and ICU has changed
    // its patterns before (en-GB `Sept`). Gregorian, Latin digits and 00–23 hours pinned.
    format = new Intl.DateTimeFormat('en-US', {
      ...(isTimeZone(timeZone) ? { timeZone } : {}),
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(timeZone, format);
  }
  return format;
}

/**
 * An instant (ISO timestamp) as its date in `timeZone`, written as `formatDay` writes
 * dates, then its time: `03/03/2026 09:59` (fr), `03 Mar 2026, 09:59` (en). A zone the
 * runtime does not know falls back to the browser's; anything but an instant is shown as is.
 */
export function formatDateTime(instant: string, timeZone: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return instant;
  }
  const parts = instantFormat(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const day = formatDate(calendarDate(`${part('year')}-${part('month')}-${part('day')}`), language);
  const time = `${part('hour')}:${part('minute')}`;
  return language === 'fr' ? `${day} ${time}` : `${day}, ${time}`;
}

/**
 * Payment terms from their stored code (`eom:45`), in the reader's language: the API
 * sends the code, the words are the edge's (ADR 18). A stored value that is no code
 * (an old free text) is shown as it is.
 */
export function formatPaymentTerms(code: string, language: Language): string {
  const terms = parsePaymentTerms(code);
  return terms === undefined ? code : describePaymentTerms(terms, language);
}

export type Formatters = {
  language: Language;
  amount: (amount: number, currency: string) => string;
  day: (text: string) => string;
  /** An instant (ISO timestamp) in `timeZone`: `31/12/2025 14:05`, `31 Dec 2025, 14:05`. */
  dateTime: (instant: string, timeZone: string) => string;
  /** Payment terms from their code: `eom:45` → `45 jours fin de mois`, `45 days end of month`. */
  paymentTerms: (code: string) => string;
  integer: (value: number) => string;
  /** A ratio as a percentage: 0.425 → `42,5 %`. */
  percent: (ratio: number) => string;
  /** A report's figure with one decimal (days, a percentage's number): `45,2`; `—` for none. */
  oneDecimal: (value: number | null) => string;
};

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return useMemo(() => {
    const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
    const integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percentFormat = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return {
      language,
      amount: (amount, currency) => formatAmount(amount, currency, language),
      day: (text) => formatDay(text, language),
      dateTime: (instant, timeZone) => formatDateTime(instant, timeZone, language),
      paymentTerms: (code) => formatPaymentTerms(code, language),
      integer: (value) => integerFormat.format(value).replace(/\u202f/g, '\u00a0'),
      percent: (ratio) => percentFormat.format(ratio).replace(/\u202f/g, '\u00a0'),
      oneDecimal: (value) => formatOneDecimal(value, language),
    };
  }, [language]);
}
