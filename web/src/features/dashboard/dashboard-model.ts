/**
 * The dashboard's figures as its charts draw them (issue 11). The server answers amounts in
 * integer minor units per currency; a chart's axis wants numbers, so each amount becomes
 * its currency's major units there only (to place a bar), while every label and tooltip
 * still prints the exact cents through the formatters. One currency is drawn at a time:
 * amounts in two currencies never share an axis.
 */
import type { TAgedBalance, TAgedBalanceTotal } from '../../../../src/reports/schemas.ts';
import type { TDsoReport } from '../../../../src/reports/dso-schemas.ts';
import type { ZInvoicingLag } from '../../../../src/credit/schemas.ts';
import type { z } from 'zod';
import { calendarDate, endOfMonth } from '../../../../src/shared/calendar-date.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { minorDigits, parseCurrencyCode } from '../../../../src/shared/money.ts';

/** An amount in major units, to place a mark on a chart's axis (never to print). */
export function chartValue(amountCents: number, currency: string): number {
  const code = parseCurrencyCode(currency);
  return amountCents / 10 ** (code === undefined ? 2 : minorDigits(code));
}

/** A mark's value on the axis back to minor units, for its tooltip (exact to the cent shown). */
export function chartCents(value: number, currency: string): number {
  const code = parseCurrencyCode(currency);
  return Math.round(value * 10 ** (code === undefined ? 2 : minorDigits(code)));
}

/**
 * The currencies of a balance, the one with the most open first (the company's own, as a
 * rule), then by code: the dashboard opens on the first.
 */
export function dashboardCurrencies(totals: readonly TAgedBalanceTotal[]): string[] {
  return [...totals]
    .sort((a, b) => b.invoicesOpen - a.invoicesOpen || a.currency.localeCompare(b.currency))
    .map((total) => total.currency);
}

/** The headline figures of one currency: what is owed, how much of it is late. */
export type ReceivableFigures = {
  currency: string;
  openCents: number;
  overdueCents: number;
  notDueCents: number;
  /** Overdue ÷ open, 0 to 1; null when nothing is open. */
  overdueShare: number | null;
  creditNotesCents: number;
  unappliedCashCents: number;
  netCents: number;
};

export function receivableFigures(total: TAgedBalanceTotal): ReceivableFigures {
  return {
    currency: total.currency,
    openCents: total.invoicesOpen,
    overdueCents: total.overdue,
    notDueCents: total.buckets[0] ?? 0,
    overdueShare: total.invoicesOpen === 0 ? null : total.overdue / total.invoicesOpen,
    creditNotesCents: total.creditNotesOpen,
    unappliedCashCents: total.unappliedCash,
    netCents: total.net,
  };
}

/** A stacked bar of the aged balance: a group (collector, category) and its buckets' amounts. */
export type AgedBar = {
  /** The group's id (`''` for « no collector »), to drill down. */
  key: string;
  label: string;
  /** `bucket0` … `bucketN`: each bucket's amount, in major units, for the axis. */
  [bucket: `bucket${number}`]: number;
};

/** The series of the stacked bars: one per bucket, greener when not due, redder when later. */
export function agedSeries(
  balance: TAgedBalance,
  labelOf: (bucket: TAgedBalance['buckets'][number]) => string,
): { name: `bucket${number}`; label: string; color: string }[] {
  const late = ['yellow.5', 'orange.5', 'orange.8', 'red.7', 'red.9'];
  return balance.buckets.map((bucket, index) => ({
    name: `bucket${index}` as const,
    label: labelOf(bucket),
    color: index === 0 ? 'teal.6' : (late[Math.min(index - 1, late.length - 1)] ?? 'red.9'),
  }));
}

/** The rows of one currency as stacked bars, the largest balances first as the server ranks. */
export function agedBars(
  balance: TAgedBalance,
  currency: string,
  labelOf: (row: TAgedBalance['rows'][number]) => string,
): AgedBar[] {
  return balance.rows
    .filter((row) => row.currency === currency)
    .map((row) => {
      const bar: AgedBar = { key: row.group.id ?? '', label: labelOf(row) };
      row.buckets.forEach((amount, index) => {
        bar[`bucket${index}`] = chartValue(amount, currency);
      });
      return bar;
    });
}

/** A month end of the DSO trend: the count-back DSO and the BPDSO, with their inputs. */
export type DsoPoint = {
  monthEnd: string;
  dso: number;
  bestPossibleDso: number;
  averageDaysDelinquent: number;
  /** False when a figure is only a floor (the receivables outran the months read). */
  isExhausted: boolean;
};

/**
 * The trend of one currency, oldest month first (as the server answers it), from the first
 * month with sales or receivables: before the ledger began, a DSO of 0 would read as perfect.
 */
export function dsoPoints(report: TDsoReport, currency: string): DsoPoint[] {
  const months = report.currencies.find((entry) => entry.currency === currency)?.months ?? [];
  const first = months.findIndex((month) => month.salesCents !== 0 || month.receivablesCents !== 0);
  return months.slice(first === -1 ? months.length : first).map((month) => ({
    monthEnd: endOfMonth(calendarDate(month.month)),
    dso: month.dso.days,
    bestPossibleDso: month.bestPossibleDso.days,
    averageDaysDelinquent: month.averageDaysDelinquent,
    isExhausted: month.dso.isExhausted && month.bestPossibleDso.isExhausted,
  }));
}

const SHORT_DAY: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};
const SHORT_MONTH: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  fr: new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
};

/** A day under a bar, short: `07/12` (fr), `7 Dec` (en). */
export function chartDayLabel(date: string, language: Language): string {
  return SHORT_DAY[language].format(new Date(`${date}T00:00:00Z`));
}

/** A month under a point, short: `févr. 26` (fr), `Feb 26` (en). */
export function chartMonthLabel(date: string, language: Language): string {
  return SHORT_MONTH[language].format(new Date(`${date}T00:00:00Z`));
}

/** The invoicing lag as `GET /api/reports/invoicing-lag` answers it. */
export type TInvoicingLag = z.infer<typeof ZInvoicingLag>;

/** A band of the invoicing lag as its bar is labelled: from and to days, both inclusive. */
export type LagBand = {
  fromDays: number;
  /** `null` for the last band, open-ended. */
  toDays: number | null;
  links: number;
};

/**
 * The server's bands (each an upper bound, inclusive, the last open) as ranges: each starts
 * the day after the previous one ends, the first on day 0 (invoiced on delivery, or before:
 * no lag).
 */
export function lagBands(bands: TInvoicingLag['overall']['bands']): LagBand[] {
  return bands.map((band, index) => ({
    fromDays: index === 0 ? 0 : (bands[index - 1]?.upToDays ?? 0) + 1,
    toDays: band.upToDays,
    links: band.links,
  }));
}

/** How many of the customers invoiced the latest the dashboard names. */
export const LAG_CUSTOMERS = 5;

/**
 * The customers invoiced the latest, longest mean first as the server ranks them, at most
 * `LAG_CUSTOMERS`; a customer without a link has no mean to rank.
 */
export function latestInvoiced(lag: TInvoicingLag): TInvoicingLag['customers'] {
  return lag.customers.filter((customer) => customer.meanDays !== null).slice(0, LAG_CUSTOMERS);
}
