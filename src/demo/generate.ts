/**
 * The demo ledger: a believable French SME's receivables — customers, 24 months of
 * invoices and credit notes, payments and their allocations — generated as a
 * stream of batches a loader can COPY as they come.
 *
 * Pure and deterministic: the same (size, seed, today) gives the same records byte
 * for byte. There is no I/O, no clock and no `Math.random`; every draw comes from
 * seeded streams (`random.ts`), one set per customer, so a customer's draws do not
 * depend on the customers before it (its ids, numbers and name still follow order).
 *
 * Two cheap passes run before the first batch: one sums the customers' expected
 * volume so the invoice count lands on the size's target whatever the seed, one
 * counts invoices and credit notes per day so that numbers are sequential *by issue
 * date* within a year, as French law requires (CGI annexe II art. 242 nonies A),
 * even though the stream goes customer by customer. Only per-day counters are kept.
 */
import { calendarDate, toDayNumber, type CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { cents, type Cents } from '../shared/money.ts';
import { makeCompanyIdentity, type DemoContactRole } from './company-identity.ts';
import {
  STREAMS,
  drawCustomerPlan,
  dueDayFor,
  expectedVolume,
  planInvoiceSlots,
  type CustomerPlan,
} from './customer-plan.ts';
import { createDemoCalendar, type DemoCalendar } from './demo-calendar.ts';
import { createIdFactory, type DemoIdFactory } from './demo-ids.ts';
import type {
  DemoCustomerStatus,
  DemoPaymentMethod,
  DemoPaymentTerms,
  DemoRiskCategory,
  PayerProfile,
} from './payer-profiles.ts';
import { createRng, mixSeed, permuteIndex, type Rng } from './random.ts';
import { priceInvoices, settleInvoices, type LedgerInvoice } from './settlement.ts';

export { PAYER_PROFILE_MIX, type PayerProfile } from './payer-profiles.ts';

/** How big a demo company is. */
export type DemoSize = 'S' | 'M' | 'L';

/** Customers and the invoice count each size aims at (±5% or so, whatever the seed). */
export const DEMO_SIZES: Record<DemoSize, { customers: number; invoicesApprox: number }> = {
  S: { customers: 300, invoicesApprox: 10_000 },
  M: { customers: 10_000, invoicesApprox: 200_000 },
  L: { customers: 100_000, invoicesApprox: 1_000_000 },
};

/** Months of history ending at `today`. */
export const DEMO_HISTORY_MONTHS = 24;

/**
 * A batch closes at this many customers or `DEMO_BATCH_INVOICES` invoices, whichever
 * comes first. Small batches die young in V8's young generation instead of being
 * copied and promoted. Measured at size L (CPU time, peak RSS of the process):
 * 1,000 invoices per batch 3.7–3.9 s / 145 MB, 2,000 invoices 5.8–6.3 s / 210 MB.
 */
export const DEMO_BATCH_CUSTOMERS = 1_000;

/** See `DEMO_BATCH_CUSTOMERS`. */
export const DEMO_BATCH_INVOICES = 1_000;

/**
 * What to generate. `companyId` is not mixed into the data — the same seed gives the
 * same ids in every company, which the `(company_id, id)` keys allow — it is checked
 * so a loader cannot call with a malformed one.
 */
export type DemoOptions = {
  size: DemoSize;
  seed: number;
  /**
   * Overrides the size's customer count; the invoice target scales with it (the size's
   * invoices per customer). For files bigger than a size, such as the bench's.
   */
  customers?: number | undefined;
  today: CalendarDate;
  companyId: string;
  currency: 'EUR';
};

/** A person to talk to at a customer. */
export type DemoContact = {
  id: string;
  role: DemoContactRole;
  name: string;
  email: string;
  phone: string;
};

/** A customer account, as `customer` and `customer_contact` store it. */
export type DemoCustomer = {
  id: string;
  code: string;
  legalName: string;
  siren: string;
  siret: string;
  vatNumber: string;
  billingAddressLine1: string;
  billingPostalCode: string;
  billingCity: string;
  billingCountry: 'FR';
  paymentTerms: DemoPaymentTerms;
  paymentMethod: DemoPaymentMethod;
  depositBps: number;
  creditLimitCents: Cents | null;
  salesRep: string;
  riskCategory: DemoRiskCategory;
  status: DemoCustomerStatus;
  profile: PayerProfile;
  contacts: DemoContact[];
};

/** An invoice or a credit note (`invoice` table); `openCents` is what is left to pay or to use. */
export type DemoInvoice = {
  id: string;
  customerId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amountCents: Cents;
  currency: DemoOptions['currency'];
  openCents: Cents;
  status: 'open' | 'partially_paid' | 'paid';
};

/** Money received; `unappliedCents` is the part not matched to any invoice. */
export type DemoPayment = {
  id: string;
  customerId: string;
  reference: string;
  receivedOn: CalendarDate;
  amountCents: Cents;
  currency: DemoOptions['currency'];
  unappliedCents: Cents;
  method: DemoPaymentMethod;
};

/** Lettrage: a payment or a credit note applied to an invoice (exactly one of the two ids). */
export type DemoAllocation = {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amountCents: Cents;
  allocatedOn: CalendarDate;
};

/** Whole customers (up to `DEMO_BATCH_CUSTOMERS`) with everything that refers to them. */
export type DemoBatch = {
  customers: DemoCustomer[];
  invoices: DemoInvoice[];
  payments: DemoPayment[];
  allocations: DemoAllocation[];
};

function assertOptions(options: DemoOptions): void {
  const issues: Issue[] = [];
  if (!Object.hasOwn(DEMO_SIZES, options.size)) {
    issues.push(fieldIssue('size', 'invalid_size'));
  }
  if (!Number.isSafeInteger(options.seed)) {
    issues.push(fieldIssue('seed', 'invalid_seed'));
  }
  if (
    options.customers !== undefined &&
    !(Number.isSafeInteger(options.customers) && options.customers > 0)
  ) {
    issues.push(fieldIssue('customers', 'invalid_customers'));
  }
  try {
    calendarDate(options.today);
  } catch {
    issues.push(fieldIssue('today', 'invalid_date', { context: 'today' }));
  }
  if (!isUuid(options.companyId)) {
    issues.push(fieldIssue('companyId', 'invalid_uuid'));
  }
  if (options.currency !== 'EUR') {
    issues.push(fieldIssue('currency', 'invalid_currency'));
  }
  if (issues.length > 0) {
    throw new InvalidError('demo_options_invalid', {}, issues);
  }
}

type Numbering = { next(day: number): string };

/**
 * Sequential numbers per issue year from per-day counts: the n-th document of a day
 * gets the day's first number + n. The first, partial year does not start at 1: the
 * months before the window were invoiced too, so it starts where that year's pace
 * would have put it (an invoice of November 2024 reads `FA-2024-0094xx`, not `…0000012`).
 */
function createNumbering(prefix: string, counts: Int32Array, calendar: DemoCalendar): Numbering {
  const firstYear = calendar.year(calendar.windowStart);
  const januaryFirst = toDayNumber(calendarDate(`${firstYear}-01-01`));
  const nextJanuaryFirst = toDayNumber(calendarDate(`${firstYear + 1}-01-01`));
  let firstYearCount = 0;
  for (let day = calendar.windowStart; day < nextJanuaryFirst && day <= calendar.today; day++) {
    firstYearCount += counts[day - calendar.windowStart] ?? 0;
  }
  const coveredDays = Math.min(nextJanuaryFirst, calendar.today + 1) - calendar.windowStart;
  const daysBefore = calendar.windowStart - januaryFirst;
  const firstYearOffset = Math.round((firstYearCount * daysBefore) / coveredDays);

  const starts = new Int32Array(counts.length);
  let year = firstYear;
  let sequence = firstYearOffset;
  for (let index = 0; index < counts.length; index++) {
    const dayYear = calendar.year(calendar.windowStart + index);
    if (dayYear !== year) {
      year = dayYear;
      sequence = 0;
    }
    starts[index] = sequence;
    sequence += counts[index] ?? 0;
  }
  const used = new Int32Array(counts.length);
  return {
    next(day) {
      const index = day - calendar.windowStart;
      const number = (starts[index] ?? 0) + (used[index] ?? 0) + 1;
      used[index] = (used[index] ?? 0) + 1;
      return `${prefix}-${calendar.year(day)}-${String(number).padStart(6, '0')}`;
    },
  };
}

const REFERENCE_PREFIX: Record<DemoPaymentMethod, string> = {
  transfer: 'VIR',
  sepa_direct_debit: 'PRLV',
  lcr: 'LCR',
  card: 'CB',
  cheque: 'CHQ',
};

// References must be unique per company: a keyed permutation of the payment
// counter over 10^7 gives each payment its own 7 digits without looking sequential.
const REFERENCE_SPACE = 10_000_000;

type Context = {
  options: DemoOptions;
  /** One scratch stream per kind of draw, reseeded for each customer. */
  rngs: Record<keyof typeof STREAMS, Rng>;
  calendar: DemoCalendar;
  ids: DemoIdFactory;
  dailyRatePerWeight: number;
  invoiceNumbers: Numbering;
  creditNoteNumbers: Numbering;
  usedNames: Set<string>;
  referenceKey: number;
  paymentCount: number;
  /** `YYYYMMDD` per day of the window, for references; filled on first use. */
  compactDates: (string | undefined)[];
  codeWidth: number;
};

function paymentReference(context: Context, method: DemoPaymentMethod, day: number): string {
  const serial = permuteIndex(context.paymentCount, REFERENCE_SPACE, context.referenceKey);
  context.paymentCount += 1;
  const digits = String(serial).padStart(7, '0');
  if (method === 'cheque') {
    // A cheque is known by its number.
    return `CHQ-${digits}`;
  }
  const index = day - context.calendar.windowStart;
  let compactDate = context.compactDates[index];
  if (compactDate === undefined) {
    compactDate = context.calendar.dateOf(day).replace(/-/g, '');
    context.compactDates[index] = compactDate;
  }
  return `${REFERENCE_PREFIX[method]}-${compactDate}-${digits}`;
}

function termDays(terms: DemoPaymentTerms): number {
  switch (terms) {
    case 'net:0':
      return 0;
    case 'net:30':
      return 30;
    case 'net:45':
      return 45;
    case 'net:60':
    case 'eom:45':
    case 'eom_plus:45':
      return 60;
  }
}

const OVER_LIMIT_CHANCE: Record<PayerProfile, number> = {
  on_time: 0.02,
  slightly_late: 0.05,
  chronically_late: 0.35,
  disputes: 0.15,
  in_difficulty: 0.8,
};

/**
 * Credit limits as a credit manager sets them: about 1.3–2 times what the customer
 * normally owes (a month of purchases plus the terms), rounded up to the thousand
 * euros. Some customers are over theirs today — mostly the bad payers, which is
 * what the exposure screen should show. Cash customers and closed accounts have none.
 */
function creditLimitFor(
  plan: CustomerPlan,
  invoices: readonly LedgerInvoice[],
  exposure: number,
  calendar: DemoCalendar,
  rng: Rng,
): Cents | null {
  if (plan.lifecycle === 'prospect') {
    // A screened prospect may already have a limit from its solvency check.
    return rng.chance(0.25) ? cents(rng.between(5, 30) * 100_000) : null;
  }
  if (
    plan.lifecycle === 'closed' ||
    (plan.terms === 'net:0' ? rng.chance(0.7) : rng.chance(0.08))
  ) {
    return null;
  }
  const yearAgo = calendar.today - 365;
  let recent = 0;
  let total = 0;
  for (const invoice of invoices) {
    total += invoice.amount;
    if (invoice.issueDay > yearAgo) {
      recent += invoice.amount;
    }
  }
  const recentMonths = (calendar.today - Math.max(plan.startDay, yearAgo) + 1) / 30.44;
  const allMonths = (plan.endDay - plan.startDay + 1) / 30.44;
  const monthly = recent > 0 ? recent / Math.max(1, recentMonths) : total / Math.max(1, allMonths);
  const usual = ((monthly * (termDays(plan.terms) + 30)) / 30) * (1.3 + 0.7 * rng.next());
  let limit = Math.max(1, Math.ceil(usual / 100_000)) * 100_000;
  if (exposure >= 200_000 && rng.chance(OVER_LIMIT_CHANCE[plan.profile])) {
    limit = Math.max(
      100_000,
      Math.floor((exposure * (0.5 + 0.4 * rng.next())) / 100_000) * 100_000,
    );
  }
  return cents(limit);
}

/** Deposits (basis points of each order) asked of risky, new or unknown customers. */
function depositFor(plan: CustomerPlan, calendar: DemoCalendar, rng: Rng): number {
  if (plan.risk === 'critical') {
    return rng.weighted<number>([
      [3_000, 50],
      [10_000, 20],
      [0, 30],
    ]);
  }
  if (plan.risk === 'high' && rng.chance(0.25)) {
    return 2_000;
  }
  const isRecent = plan.lifecycle === 'new' && plan.startDay > calendar.today - 180;
  if ((isRecent || plan.lifecycle === 'prospect') && rng.chance(0.2)) {
    return 3_000;
  }
  return 0;
}

function statusOf(open: number, amount: number): DemoInvoice['status'] {
  return open === 0 ? 'paid' : open === amount ? 'open' : 'partially_paid';
}

/** Generates customer `index` and appends it, with its ledger, to `batch`. */
function appendCustomer(context: Context, index: number, batch: DemoBatch): void {
  const { options, calendar, ids } = context;
  const { seed, currency } = options;
  const { rngs } = context;
  const plan = drawCustomerPlan(seed, index, calendar, rngs.plan);
  const slots = planInvoiceSlots(plan, calendar, seed, context.dailyRatePerWeight, rngs.dates);
  const ledgerRng = rngs.ledger;
  ledgerRng.reseed(mixSeed(seed, index, STREAMS.ledger));
  const invoices = priceInvoices(
    plan,
    slots,
    (issueDay) => dueDayFor(plan.terms, issueDay, calendar),
    ledgerRng,
    context.dailyRatePerWeight * plan.weight * 30.44,
  );
  const payments = settleInvoices(plan, invoices, calendar, ledgerRng);

  const customerId = ids.next('customer');
  const invoiceIds = invoices.map(() => ids.next('invoice'));
  const applied = invoices.map((invoice) => invoice.creditAmount);
  let unapplied = 0;
  for (const payment of payments) {
    const paymentId = ids.next('payment');
    let allocated = 0;
    for (const allocation of payment.allocations) {
      allocated += allocation.amount;
      applied[allocation.invoice] = (applied[allocation.invoice] ?? 0) + allocation.amount;
      batch.allocations.push({
        id: ids.next('allocation'),
        invoiceId: invoiceIds[allocation.invoice] ?? '',
        paymentId,
        creditNoteId: null,
        amountCents: cents(allocation.amount),
        allocatedOn: calendar.dateOf(payment.day),
      });
    }
    unapplied += payment.amount - allocated;
    batch.payments.push({
      id: paymentId,
      customerId,
      reference: paymentReference(context, payment.method, payment.day),
      receivedOn: calendar.dateOf(payment.day),
      amountCents: cents(payment.amount),
      currency,
      unappliedCents: cents(payment.amount - allocated),
      method: payment.method,
    });
  }

  let openTotal = 0;
  invoices.forEach((invoice, position) => {
    const id = invoiceIds[position] ?? '';
    const open = invoice.amount - (applied[position] ?? 0);
    openTotal += open;
    batch.invoices.push({
      id,
      customerId,
      kind: 'invoice',
      number: context.invoiceNumbers.next(invoice.issueDay),
      issueDate: calendar.dateOf(invoice.issueDay),
      dueDate: calendar.dateOf(invoice.dueDay),
      amountCents: cents(invoice.amount),
      currency,
      openCents: cents(open),
      status: statusOf(open, invoice.amount),
    });
    if (invoice.creditAmount > 0) {
      const creditNoteId = ids.next('invoice');
      const issueDate = calendar.dateOf(invoice.slot.creditNoteDay);
      batch.invoices.push({
        id: creditNoteId,
        customerId,
        kind: 'credit_note',
        number: context.creditNoteNumbers.next(invoice.slot.creditNoteDay),
        issueDate,
        dueDate: issueDate,
        amountCents: cents(invoice.creditAmount),
        currency,
        openCents: cents(0),
        status: 'paid',
      });
      batch.allocations.push({
        id: ids.next('allocation'),
        invoiceId: id,
        paymentId: null,
        creditNoteId,
        amountCents: cents(invoice.creditAmount),
        allocatedOn: issueDate,
      });
    }
  });

  rngs.identity.reseed(mixSeed(seed, index, STREAMS.identity));
  const identity = makeCompanyIdentity(rngs.identity, {
    seed,
    index,
    isBig: plan.isBig,
    usedNames: context.usedNames,
  });
  batch.customers.push({
    id: customerId,
    code: `C${String(index + 1).padStart(context.codeWidth, '0')}`,
    legalName: identity.legalName,
    siren: identity.siren,
    siret: identity.siret,
    vatNumber: identity.vatNumber,
    billingAddressLine1: identity.billingAddressLine1,
    billingPostalCode: identity.billingPostalCode,
    billingCity: identity.billingCity,
    billingCountry: 'FR',
    paymentTerms: plan.terms,
    paymentMethod: plan.method,
    depositBps: depositFor(plan, calendar, ledgerRng),
    creditLimitCents: creditLimitFor(plan, invoices, openTotal - unapplied, calendar, ledgerRng),
    salesRep: identity.salesRep,
    riskCategory: plan.risk,
    status: plan.status,
    profile: plan.profile,
    contacts: identity.contacts.map((contact) => ({
      id: ids.next('contact'),
      ...contact,
      email: reservedEmail(contact.email),
    })),
  });
}

/**
 * A demo address on the reserved `.example` top-level domain (RFC 2606), so that the demo's
 * dunning, sent through a real mail server by mistake, reaches no real company or mailbox:
 * `compta@transports-moreau.fr` → `compta@transports-moreau.example`.
 */
function reservedEmail(email: string): string {
  return email.replace(/\.[a-z]+$/, '.example');
}

function emptyBatch(): DemoBatch {
  return { customers: [], invoices: [], payments: [], allocations: [] };
}

/**
 * Streams the demo ledger in batches of whole customers (see `DEMO_BATCH_CUSTOMERS`). Each
 * batch is self-contained: its allocations point only at its own invoices and
 * payments, so a loader can COPY customers, invoices, payments, then allocations,
 * batch after batch, and drop each one when written.
 *
 * @throws InvalidError when an option is malformed (a seed that is not an integer…).
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  assertOptions(options);
  const { seed } = options;
  const sized = DEMO_SIZES[options.size];
  const customerCount = options.customers ?? sized.customers;
  const invoicesApprox = Math.round((sized.invoicesApprox * customerCount) / sized.customers);
  const calendar = createDemoCalendar(options.today, DEMO_HISTORY_MONTHS);
  const windowDays = calendar.today - calendar.windowStart + 1;

  const rngs = {
    plan: createRng(0),
    dates: createRng(0),
    ledger: createRng(0),
    identity: createRng(0),
  };

  let perDeliveryVolume = 0;
  let monthlyInvoices = 0;
  for (let index = 0; index < customerCount; index++) {
    const volume = expectedVolume(drawCustomerPlan(seed, index, calendar, rngs.plan), calendar);
    perDeliveryVolume += volume.perDelivery;
    monthlyInvoices += volume.monthly;
  }
  const dailyRatePerWeight =
    Math.max(invoicesApprox * 0.1, invoicesApprox - monthlyInvoices) /
    (Math.max(perDeliveryVolume, 1) * windowDays);

  const invoiceCounts = new Int32Array(windowDays);
  const creditNoteCounts = new Int32Array(windowDays);
  for (let index = 0; index < customerCount; index++) {
    const plan = drawCustomerPlan(seed, index, calendar, rngs.plan);
    for (const slot of planInvoiceSlots(plan, calendar, seed, dailyRatePerWeight, rngs.dates)) {
      invoiceCounts[slot.issueDay - calendar.windowStart] =
        (invoiceCounts[slot.issueDay - calendar.windowStart] ?? 0) + 1;
      if (slot.creditNoteDay >= 0) {
        creditNoteCounts[slot.creditNoteDay - calendar.windowStart] =
          (creditNoteCounts[slot.creditNoteDay - calendar.windowStart] ?? 0) + 1;
      }
    }
  }

  const context: Context = {
    options,
    rngs,
    calendar,
    ids: createIdFactory(seed),
    dailyRatePerWeight,
    invoiceNumbers: createNumbering('FA', invoiceCounts, calendar),
    creditNoteNumbers: createNumbering('AV', creditNoteCounts, calendar),
    usedNames: new Set(),
    referenceKey: mixSeed(seed, 0x7ef),
    paymentCount: 0,
    compactDates: [],
    codeWidth: Math.max(5, String(customerCount).length),
  };
  let batch = emptyBatch();
  for (let index = 0; index < customerCount; index++) {
    appendCustomer(context, index, batch);
    if (
      batch.customers.length >= DEMO_BATCH_CUSTOMERS ||
      batch.invoices.length >= DEMO_BATCH_INVOICES
    ) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.customers.length > 0) {
    yield batch;
  }
}
