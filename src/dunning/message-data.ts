/**
 * The data a template is filled with for one customer (`TemplateData` of templates.ts):
 * its invoices, totals and late-payment penalties, worded in the message's language as
 * the rest of the product words them (`1 234,56 €`, `31/12/2025` in French). The preview
 * of a template fills it from a real customer; the daily run will fill it the same way.
 *
 * Pure (HOUSE_STYLE §3): `today` is given.
 */
import { daysLate } from '../ledger/balances.ts';
import { formatDate, type CalendarDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import {
  cents,
  formatMoney,
  isCurrencyCode,
  sumCents,
  type Cents,
  type CurrencyCode,
} from '../shared/money.ts';
import {
  halfYearOf,
  latePaymentPenalty,
  penaltyRate,
  RECOVERY_INDEMNITY,
  type PenaltyTerms,
  type Settlement,
} from './penalties.ts';
import type { PenaltyRateTable } from './published-rates.ts';
import type { TemplateData } from './templates.ts';

/** An invoice of the message, with what was settled on it (its live allocations). */
export type MessageInvoice = {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  openCents: Cents;
  settlements: readonly Settlement[];
};

export type MessageDataInput = {
  language: Language;
  /** The invoices' currency (ISO 4217). */
  currency: string;
  today: CalendarDate;
  company: { name: string };
  customer: { code: string; name: string };
  contact: { name: string; email: string };
  collector: { name: string; email: string; phone: string };
  /** Oldest due date first, as the message lists them. */
  invoices: readonly MessageInvoice[];
  terms: PenaltyTerms;
  rates: PenaltyRateTable;
  /** The message's own link to the customer's portal; empty where it has none (a letter). */
  portalUrl: string;
};

function currencyCode(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) {
    throw new RangeError(`Unknown currency ${code}`);
  }
  return code;
}

/** One percent formatter per language: building one costs more than formatting. */
const RATE_FORMATTERS = {
  fr: new Intl.NumberFormat('fr-FR', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }),
  en: new Intl.NumberFormat('en-GB', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }),
};
/** `1215` → `12,15 %` (fr) or `12.15%` (en), with the no-break space money uses. */
export function formatRate(basisPoints: number, language: Language): string {
  return RATE_FORMATTERS[language === 'fr' ? 'fr' : 'en']
    .format(basisPoints / 10_000)
    .replace(/\u202f/g, '\u00a0');
}

/**
 * The template data for one customer's message. Penalties (C. com. L441-10 II, D441-5)
 * are those of the invoices past due at `today`: the interest of each, from the day after
 * its due date, on what was still owed each day, and 40 € per late invoice; the rate
 * shown is the one in force today.
 */
export function messageData(input: MessageDataInput): TemplateData {
  const { language, today } = input;
  const currency = currencyCode(input.currency);
  const euros = (amount: Cents) =>
    formatMoney(amount, currencyCode(RECOVERY_INDEMNITY.currency), language);
  const money = (amount: Cents) => formatMoney(amount, currency, language);
  const day = (date: CalendarDate) => formatDate(date, language);
  const late = input.invoices.filter((invoice) => invoice.dueDate < today);
  const interest = sumCents(
    late.map(
      (invoice) => latePaymentPenalty(invoice, today, input.terms, input.rates).interestCents,
    ),
  );
  const indemnity = cents(RECOVERY_INDEMNITY.amountCents * late.length);
  return {
    company: input.company,
    customer: input.customer,
    contact: input.contact,
    invoices: input.invoices.map((invoice) => ({
      number: invoice.number,
      issue_date: day(invoice.issueDate),
      due_date: day(invoice.dueDate),
      amount: money(invoice.amountCents),
      open_amount: money(invoice.openCents),
      days_late: daysLate({ kind: 'invoice', ...invoice }, today),
    })),
    totals: {
      count: input.invoices.length,
      amount: money(sumCents(input.invoices.map((invoice) => invoice.amountCents))),
      open_amount: money(sumCents(input.invoices.map((invoice) => invoice.openCents))),
      overdue_amount: money(sumCents(late.map((invoice) => invoice.openCents))),
    },
    penalties: {
      rate: formatRate(penaltyRate(input.terms, halfYearOf(today), input.rates), language),
      interest: money(interest),
      // D441-5: the indemnity is a sum in euros, whatever the invoice's currency.
      indemnity: euros(indemnity),
      total:
        input.currency === RECOVERY_INDEMNITY.currency
          ? money(cents(interest + indemnity))
          : `${money(interest)} + ${euros(indemnity)}`,
    },
    collector: { ...input.collector, signature: input.collector.name || input.company.name },
    portal: { url: input.portalUrl },
    today: day(today),
  };
}
