import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDate,
  daysBetween,
  endOfMonth,
  toDayNumber,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { InvalidError } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import { frenchHolidays } from './demo-calendar.ts';
import { permuteIndex } from './random.ts';
import {
  DEMO_BATCH_CUSTOMERS,
  DEMO_SIZES,
  PAYER_PROFILE_MIX,
  generateDemo,
  type DemoBatch,
  type DemoInvoice,
  type DemoOptions,
  type PayerProfile,
} from './generate.ts';

const TODAY = calendarDate('2026-11-23');
const OPTIONS: DemoOptions = {
  size: 'S',
  seed: 42,
  today: TODAY,
  companyId: '0190a6b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b',
  currency: 'EUR',
};

function collect(options: DemoOptions): { batches: DemoBatch[]; all: DemoBatch } {
  const batches = [...generateDemo(options)];
  return {
    batches,
    all: {
      customers: batches.flatMap((batch) => batch.customers),
      invoices: batches.flatMap((batch) => batch.invoices),
      payments: batches.flatMap((batch) => batch.payments),
      allocations: batches.flatMap((batch) => batch.allocations),
    },
  };
}

/** Luhn over all digits, written here rather than imported (see the brief). */
function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits.charAt(digits.length - 1 - index));
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function sumBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number) {
  const sums = new Map<string, number>();
  for (const item of items) {
    sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  }
  return sums;
}

/**
 * Every ledger invariant the database constraints and the product rely on, as a
 * list of violations: one `expect` per ledger keeps the test fast (tens of thousands
 * of records) and prints what broke.
 */
function ledgerProblems(batch: DemoBatch, today: CalendarDate): string[] {
  const problems: string[] = [];
  const check = (isOk: boolean, message: string): void => {
    if (!isOk && problems.length < 20) {
      problems.push(message);
    }
  };
  const invoices = new Map(batch.invoices.map((invoice) => [invoice.id, invoice]));
  const payments = new Map(batch.payments.map((payment) => [payment.id, payment]));
  const customerIds = new Set(batch.customers.map((customer) => customer.id));
  const toInvoice = sumBy(
    batch.allocations,
    (a) => a.invoiceId,
    (a) => a.amountCents,
  );
  const fromPayment = sumBy(
    batch.allocations.filter((a) => a.paymentId !== null),
    (a) => a.paymentId ?? '',
    (a) => a.amountCents,
  );
  const fromCreditNote = sumBy(
    batch.allocations.filter((a) => a.creditNoteId !== null),
    (a) => a.creditNoteId ?? '',
    (a) => a.amountCents,
  );

  for (const invoice of batch.invoices) {
    const name = `${invoice.kind} ${invoice.number}`;
    check(customerIds.has(invoice.customerId), `${name}: customer not in the batch`);
    check(invoice.currency === 'EUR', `${name}: currency ${invoice.currency}`);
    check(
      Number.isSafeInteger(invoice.amountCents) && invoice.amountCents > 0,
      `${name}: amount ${invoice.amountCents}`,
    );
    check(
      invoice.openCents >= 0 && invoice.openCents <= invoice.amountCents,
      `${name}: open ${invoice.openCents} outside 0..${invoice.amountCents}`,
    );
    check(invoice.dueDate >= invoice.issueDate, `${name}: due before issue`);
    check(invoice.issueDate <= today, `${name}: issued after today`);
    const used =
      invoice.kind === 'invoice'
        ? (toInvoice.get(invoice.id) ?? 0)
        : (fromCreditNote.get(invoice.id) ?? 0);
    check(invoice.openCents === invoice.amountCents - used, `${name}: open ≠ amount − allocations`);
    const expected =
      invoice.openCents === 0
        ? 'paid'
        : invoice.openCents === invoice.amountCents
          ? 'open'
          : 'partially_paid';
    check(invoice.status === expected, `${name}: status ${invoice.status}, expected ${expected}`);
    if (invoice.kind === 'credit_note') {
      check(!toInvoice.has(invoice.id), `${name}: something is allocated to a credit note`);
    }
  }

  for (const payment of batch.payments) {
    const name = `payment ${payment.reference}`;
    check(customerIds.has(payment.customerId), `${name}: customer not in the batch`);
    check(payment.amountCents > 0, `${name}: amount ${payment.amountCents}`);
    check(payment.receivedOn <= today, `${name}: received after today`);
    check(
      payment.unappliedCents === payment.amountCents - (fromPayment.get(payment.id) ?? 0),
      `${name}: unapplied ≠ amount − allocations`,
    );
    check(payment.unappliedCents >= 0, `${name}: over-allocated`);
  }

  for (const allocation of batch.allocations) {
    const name = `allocation ${allocation.id}`;
    check(allocation.amountCents > 0, `${name}: amount ${allocation.amountCents}`);
    check(
      (allocation.paymentId === null) !== (allocation.creditNoteId === null),
      `${name}: needs exactly one source`,
    );
    check(allocation.allocatedOn <= today, `${name}: after today`);
    const invoice = invoices.get(allocation.invoiceId);
    const source =
      allocation.paymentId === null
        ? invoices.get(allocation.creditNoteId ?? '')
        : payments.get(allocation.paymentId);
    if (invoice?.kind !== 'invoice' || source === undefined) {
      check(false, `${name}: invoice or source missing from the batch`);
      continue;
    }
    check(allocation.allocatedOn >= invoice.issueDate, `${name}: before the invoice was issued`);
    check(source.customerId === invoice.customerId, `${name}: another customer's money`);
    check(source.currency === invoice.currency, `${name}: currency differs`);
    if ('receivedOn' in source) {
      check(allocation.allocatedOn >= source.receivedOn, `${name}: before the payment came`);
    } else {
      check(source.kind === 'credit_note', `${name}: source is not a credit note`);
      check(allocation.allocatedOn >= source.issueDate, `${name}: before the credit note`);
      check(source.amountCents < invoice.amountCents, `${name}: credit note ≥ its invoice`);
    }
  }
  return problems;
}

describe('generateDemo, size S', () => {
  let batches: DemoBatch[];
  let all: DemoBatch;
  let profileOf: Map<string, PayerProfile>;
  let invoicesOnly: DemoInvoice[];

  beforeAll(() => {
    ({ batches, all } = collect(OPTIONS));
    profileOf = new Map(all.customers.map((customer) => [customer.id, customer.profile]));
    invoicesOnly = all.invoices.filter((invoice) => invoice.kind === 'invoice');
  });

  it('has the size of S: 300 customers and 8,000–12,000 invoices', () => {
    expect(DEMO_SIZES.S).toEqual({ customers: 300, invoicesApprox: 10_000 });
    expect(all.customers).toHaveLength(300);
    expect(invoicesOnly.length).toBeGreaterThanOrEqual(8_000);
    expect(invoicesOnly.length).toBeLessThanOrEqual(12_000);
  });

  it('keeps every ledger invariant', () => {
    expect(ledgerProblems(all, TODAY)).toEqual([]);
  });

  it('has an invariant checker that does catch a broken ledger', () => {
    const [first] = batches;
    const broken = structuredClone(first) as DemoBatch;
    const paid = broken.invoices.find((invoice) => invoice.status === 'paid');
    const payment = broken.payments[0];
    if (paid === undefined || payment === undefined) {
      throw new Error('the first batch should have a paid invoice and a payment');
    }
    paid.openCents = cents(1);
    payment.unappliedCents = cents(payment.unappliedCents + 1);
    expect(ledgerProblems(broken, TODAY)).toEqual([
      expect.stringContaining('open ≠ amount − allocations'),
      expect.stringContaining('status paid, expected partially_paid'),
      expect.stringContaining('unapplied ≠ amount − allocations'),
    ]);
  });

  it('yields self-contained batches of whole customers', () => {
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      expect(batch.customers.length).toBeLessThanOrEqual(DEMO_BATCH_CUSTOMERS);
      expect(ledgerProblems(batch, TODAY)).toEqual([]);
    }
  });

  it('gives valid, distinct UUIDs to every record of every type', () => {
    const ids = [
      ...all.customers.map((customer) => customer.id),
      ...all.customers.flatMap((customer) => customer.contacts.map((contact) => contact.id)),
      ...all.invoices.map((invoice) => invoice.id),
      ...all.payments.map((payment) => payment.id),
      ...all.allocations.map((allocation) => allocation.id),
    ];
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic: a rerun gives the same records byte for byte', () => {
    const again = collect(OPTIONS).all;
    expect(JSON.stringify(again)).toBe(JSON.stringify(all));
  });

  it('gives a different ledger for a different seed', () => {
    const [first] = generateDemo({ ...OPTIONS, seed: 43 });
    expect(first?.customers[0]?.id).not.toBe(all.customers[0]?.id);
    expect(first?.customers.map((customer) => customer.legalName)).not.toEqual(
      all.customers.slice(0, first?.customers.length).map((customer) => customer.legalName),
    );
  });

  it('numbers invoices and credit notes uniquely and in issue-date order within each year', () => {
    const problems: string[] = [];
    for (const [kind, prefix] of [
      ['invoice', 'FA'],
      ['credit_note', 'AV'],
    ] as const) {
      const documents = all.invoices.filter((invoice) => invoice.kind === kind);
      expect(new Set(documents.map((invoice) => invoice.number)).size).toBe(documents.length);
      for (const document of documents) {
        if (!document.number.startsWith(`${prefix}-${document.issueDate.slice(0, 4)}-`)) {
          problems.push(`${document.number} issued ${document.issueDate}`);
        }
        if (!/^[A-Z]{2}-\d{4}-\d{6}$/.test(document.number)) {
          problems.push(`${document.number}: malformed`);
        }
      }
      const sorted = [...documents].sort((a, b) => a.number.localeCompare(b.number));
      for (let index = 1; index < sorted.length; index++) {
        const previous = sorted[index - 1];
        const current = sorted[index];
        if (previous && current && previous.number.slice(3, 7) === current.number.slice(3, 7)) {
          if (current.issueDate < previous.issueDate) {
            problems.push(`${current.number} issued before ${previous.number}`);
          }
          // No gaps: French invoice numbering is continuous.
          if (Number(current.number.slice(8)) !== Number(previous.number.slice(8)) + 1) {
            problems.push(`gap between ${previous.number} and ${current.number}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // A full year starts at 1; the first, partial year continues an earlier sequence.
    expect(invoicesOnly.some((invoice) => invoice.number === 'FA-2025-000001')).toBe(true);
    expect(invoicesOnly.some((invoice) => invoice.number === 'FA-2024-000001')).toBe(false);
  });

  it('issues invoices on business days and computes due dates from the terms', () => {
    const holidays = new Set([2024, 2025, 2026].flatMap((year) => frenchHolidays(year)));
    const termsOf = new Map(all.customers.map((customer) => [customer.id, customer.paymentTerms]));
    const problems: string[] = [];
    for (const invoice of invoicesOnly) {
      const day = toDayNumber(invoice.issueDate);
      const weekday = new Date(day * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6 || holidays.has(day)) {
        problems.push(`${invoice.number} issued on a day off, ${invoice.issueDate}`);
      }
      const issue = invoice.issueDate;
      const terms = termsOf.get(invoice.customerId);
      const due =
        terms === 'eom:45'
          ? endOfMonth(addDays(issue, 45))
          : terms === 'eom_plus:45'
            ? addDays(endOfMonth(issue), 45)
            : addDays(issue, Number(terms?.slice(4)));
      if (invoice.dueDate !== due) {
        problems.push(`${invoice.number} (${terms}) due ${invoice.dueDate}, expected ${due}`);
      }
      if (invoice.issueDate < calendarDate('2024-11-24')) {
        problems.push(`${invoice.number} issued before the 24-month window`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every customer a valid SIREN, SIRET and VAT number', () => {
    for (const customer of all.customers) {
      expect(customer.siren).toMatch(/^\d{9}$/);
      expect(isLuhnValid(customer.siren)).toBe(true);
      expect(customer.siret).toMatch(/^\d{14}$/);
      expect(customer.siret.startsWith(customer.siren)).toBe(true);
      expect(isLuhnValid(customer.siret)).toBe(true);
      const key = (12 + 3 * (Number(customer.siren) % 97)) % 97;
      expect(customer.vatNumber).toBe(`FR${String(key).padStart(2, '0')}${customer.siren}`);
    }
    expect(new Set(all.customers.map((customer) => customer.siren)).size).toBe(300);
  });

  it('describes customers the way a French ledger does', () => {
    all.customers.forEach((customer, index) => {
      expect(customer.code).toBe(`C${String(index + 1).padStart(5, '0')}`);
      expect(customer.legalName).toMatch(/ (SARL|SAS|SASU|SA|EURL|SNC)$|^SCI /);
      expect(customer.billingPostalCode).toMatch(/^\d{5}$/);
      expect(customer.billingAddressLine1).toMatch(/^(\S.*, )?\d+( bis| ter)? \S/);
      expect(customer.billingCountry).toBe('FR');
      expect(customer.contacts.length).toBeGreaterThanOrEqual(1);
      expect(customer.contacts.length).toBeLessThanOrEqual(3);
      expect(new Set(customer.contacts.map((contact) => contact.role)).size).toBe(
        customer.contacts.length,
      );
      for (const contact of customer.contacts) {
        expect(contact.phone).toMatch(/^\+33 [1-7]( \d{2}){4}$/);
        expect(contact.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.example$/);
        expect(contact.name).toMatch(/^\S+ \S/);
      }
      // Rounded to the thousand euros, when there is one.
      expect((customer.creditLimitCents ?? 100_000) % 100_000).toBe(0);
      expect(customer.creditLimitCents ?? 100_000).toBeGreaterThan(0);
      expect(customer.depositBps).toBeGreaterThanOrEqual(0);
      expect(customer.depositBps).toBeLessThanOrEqual(10_000);
    });
    expect(new Set(all.customers.map((customer) => customer.legalName)).size).toBe(300);
    const reps = new Set(all.customers.map((customer) => customer.salesRep));
    expect(reps.size).toBeGreaterThanOrEqual(4);
    expect(reps.size).toBeLessThanOrEqual(6);
    expect(all.customers.some((customer) => customer.legalName.startsWith('SCI '))).toBe(true);
  });

  it('follows the payer-profile mix within a few points', () => {
    const counts = sumBy(
      all.customers,
      (customer) => customer.profile,
      () => 1,
    );
    for (const [profile, percent] of Object.entries(PAYER_PROFILE_MIX)) {
      expect(Math.abs(((counts.get(profile) ?? 0) / 300) * 100 - percent)).toBeLessThan(3);
    }
  });

  it('makes statuses consistent with the history', () => {
    const statuses = sumBy(
      all.customers,
      (customer) => customer.status,
      () => 1,
    );
    for (const status of ['prospect', 'active', 'on_hold', 'in_litigation', 'closed']) {
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    }
    const invoicesPerCustomer = sumBy(
      invoicesOnly,
      (invoice) => invoice.customerId,
      () => 1,
    );
    const openPerCustomer = sumBy(
      invoicesOnly,
      (invoice) => invoice.customerId,
      (i) => i.openCents,
    );
    const problems = all.customers.flatMap((customer) => {
      const invoiceCount = invoicesPerCustomer.get(customer.id) ?? 0;
      const found: string[] = [];
      if ((customer.status === 'prospect') !== (invoiceCount === 0)) {
        found.push(`${customer.code}: ${customer.status} with ${invoiceCount} invoices`);
      }
      if (
        customer.status === 'closed' &&
        ((openPerCustomer.get(customer.id) ?? 0) > 0 || customer.creditLimitCents !== null)
      ) {
        found.push(`${customer.code}: closed with an open balance or a credit limit`);
      }
      if (
        customer.profile === 'on_time' &&
        ['on_hold', 'in_litigation'].includes(customer.status)
      ) {
        found.push(`${customer.code}: a good payer blocked`);
      }
      return found;
    });
    expect(problems).toEqual([]);
    const overLimit = all.customers.filter(
      (customer) =>
        customer.creditLimitCents !== null &&
        (openPerCustomer.get(customer.id) ?? 0) > customer.creditLimitCents,
    );
    expect(overLimit.length).toBeGreaterThan(0);
    expect(overLimit.length).toBeLessThan(all.customers.length / 4);
    const withLimit = all.customers.filter(
      (customer) => customer.status === 'active' && customer.creditLimitCents !== null,
    );
    expect(withLimit.length).toBeGreaterThan(
      all.customers.filter((customer) => customer.status === 'active').length * 0.7,
    );
  });

  it('pays each profile the way its name says', () => {
    const invoices = new Map(all.invoices.map((invoice) => [invoice.id, invoice]));
    const delays = new Map<PayerProfile, number[]>();
    for (const allocation of all.allocations) {
      const invoice = invoices.get(allocation.invoiceId);
      if (allocation.paymentId === null || invoice === undefined) {
        continue;
      }
      const profile = profileOf.get(invoice.customerId) ?? 'on_time';
      delays.set(profile, [
        ...(delays.get(profile) ?? []),
        daysBetween(invoice.dueDate, allocation.allocatedOn),
      ]);
    }
    const median = (profile: PayerProfile): number => {
      const values = [...(delays.get(profile) ?? [])].sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] ?? Number.NaN;
    };
    expect(median('on_time')).toBeLessThanOrEqual(2);
    expect(median('slightly_late')).toBeGreaterThanOrEqual(5);
    expect(median('slightly_late')).toBeLessThanOrEqual(20);
    expect(median('chronically_late')).toBeGreaterThanOrEqual(30);
    expect(median('chronically_late')).toBeLessThanOrEqual(90);

    // Old invoices of good payers are paid; bad payers leave some open for long.
    const yearAgo = addDays(TODAY, -365);
    const old = invoicesOnly.filter((invoice) => invoice.issueDate < yearAgo);
    const goodOld = old.filter((invoice) =>
      ['on_time', 'slightly_late'].includes(profileOf.get(invoice.customerId) ?? ''),
    );
    expect(
      goodOld.filter((invoice) => invoice.openCents === 0).length / goodOld.length,
    ).toBeGreaterThan(0.97);
    const badOldOpen = old.filter(
      (invoice) =>
        invoice.openCents > 0 &&
        ['in_difficulty', 'disputes'].includes(profileOf.get(invoice.customerId) ?? ''),
    );
    expect(badOldOpen.length).toBeGreaterThan(0);

    // Recent invoices are mostly not paid yet.
    const recent = invoicesOnly.filter((invoice) => invoice.issueDate > addDays(TODAY, -15));
    expect(
      recent.filter((invoice) => invoice.status === 'open').length / recent.length,
    ).toBeGreaterThan(0.8);

    // Customers in difficulty owe a lot that is overdue.
    const overdue = sumBy(
      invoicesOnly.filter((invoice) => invoice.dueDate < TODAY),
      (invoice) => profileOf.get(invoice.customerId) ?? '',
      (invoice) => invoice.openCents,
    );
    expect(overdue.get('in_difficulty') ?? 0).toBeGreaterThan(overdue.get('on_time') ?? 0);
  });

  it('has grouped, partial and unapplied payments and ~3% credit notes', () => {
    const perPayment = sumBy(
      all.allocations.filter((allocation) => allocation.paymentId !== null),
      (allocation) => allocation.paymentId ?? '',
      () => 1,
    );
    expect([...perPayment.values()].filter((count) => count > 1).length).toBeGreaterThan(50);
    expect(
      invoicesOnly.filter((invoice) => invoice.status === 'partially_paid').length,
    ).toBeGreaterThan(10);
    const unapplied = all.payments.filter((payment) => payment.unappliedCents > 0);
    expect(unapplied.length).toBeGreaterThan(0);
    expect(unapplied.length).toBeLessThan(all.payments.length * 0.05);
    const creditNotes = all.invoices.filter((invoice) => invoice.kind === 'credit_note');
    expect(creditNotes.length / invoicesOnly.length).toBeGreaterThan(0.02);
    expect(creditNotes.length / invoicesOnly.length).toBeLessThan(0.045);

    const prefixes = {
      transfer: 'VIR-',
      sepa_direct_debit: 'PRLV-',
      lcr: 'LCR-',
      card: 'CB-',
      cheque: 'CHQ-',
    };
    for (const payment of all.payments) {
      expect(payment.reference.startsWith(prefixes[payment.method])).toBe(true);
    }
    expect(new Set(all.payments.map((payment) => payment.reference)).size).toBe(
      all.payments.length,
    );
  });

  it('keeps amounts believable: not round, hundreds to tens of thousands of euros', () => {
    const amounts = invoicesOnly.map((invoice) => invoice.amountCents).sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(50_000);
    expect(median).toBeLessThan(500_000);
    expect(amounts.at(-1)).toBeGreaterThan(1_000_000);
    expect(amounts.filter((amount) => amount % 100 === 0).length / amounts.length).toBeLessThan(
      0.05,
    );
    // Pareto: a fifth of the customers carry most of the revenue.
    const revenue = [
      ...sumBy(
        invoicesOnly,
        (i) => i.customerId,
        (i) => i.amountCents,
      ).values(),
    ].sort((a, b) => b - a);
    const total = revenue.reduce((sum, value) => sum + value, 0);
    const topFifth = revenue.slice(0, 60).reduce((sum, value) => sum + value, 0);
    expect(topFifth / total).toBeGreaterThan(0.6);
  });
});

describe('generateDemo, other sizes and options', () => {
  it('makes a well-formed first batch of M without generating the rest', () => {
    const generator = generateDemo({ ...OPTIONS, size: 'M', seed: 7 });
    const first = generator.next();
    expect(first.done).toBe(false);
    const batch = first.value as DemoBatch;
    expect(batch.customers[0]?.code).toBe('C00001');
    expect(batch.invoices.length).toBeGreaterThan(0);
    expect(ledgerProblems(batch, TODAY)).toEqual([]);
    expect(DEMO_SIZES.M.customers).toBe(10_000);
    expect(DEMO_SIZES.L).toEqual({ customers: 100_000, invoicesApprox: 1_000_000 });
  });

  it('keeps the invariants for another today: a year end after a leap year', () => {
    const today = calendarDate('2025-12-31');
    const { all } = collect({ ...OPTIONS, today, seed: 2025 });
    expect(ledgerProblems(all, today)).toEqual([]);
    const invoices = all.invoices.filter((invoice) => invoice.kind === 'invoice');
    // The window is exactly 2024 and 2025, so both years number from 1.
    expect(invoices.some((invoice) => invoice.number === 'FA-2024-000001')).toBe(true);
    expect(invoices.every((invoice) => invoice.issueDate >= calendarDate('2024-01-01'))).toBe(true);
  });

  it('refuses malformed options', () => {
    const run = (options: Partial<DemoOptions>) => () =>
      generateDemo({ ...OPTIONS, ...options }).next();
    expect(run({ seed: 1.5 })).toThrow(InvalidError);
    expect(run({ companyId: 'acme' })).toThrow(InvalidError);
    expect(run({ size: 'XL' as DemoOptions['size'] })).toThrow(InvalidError);
    expect(run({ customers: 0 })).toThrow(InvalidError);
    expect(run({ customers: 2.5 })).toThrow(InvalidError);
  });

  it('makes another customer count on request, the invoices in the size’s proportion', () => {
    const { all } = collect({ ...OPTIONS, customers: 600 });
    expect(all.customers).toHaveLength(600);
    expect(all.customers.at(-1)?.code).toBe('C00600');
    const invoices = all.invoices.filter((invoice) => invoice.kind === 'invoice');
    // Twice S's 300 customers: about twice its 10,000 invoices.
    expect(invoices.length).toBeGreaterThanOrEqual(16_000);
    expect(invoices.length).toBeLessThanOrEqual(24_000);
    expect(ledgerProblems(all, TODAY)).toEqual([]);
    // The size's own count gives the size's ledger, record for record.
    expect(collect({ ...OPTIONS, customers: 300 }).all).toEqual(collect(OPTIONS).all);
  });

  it('permutes serial numbers without collisions', () => {
    for (const space of [1_000, 1_024, 70_001]) {
      const seen = new Set<number>();
      for (let index = 0; index < space; index++) {
        seen.add(permuteIndex(index, space, 42));
      }
      expect(seen.size).toBe(space);
      expect(Math.max(...seen)).toBe(space - 1);
    }
  });

  it('lists the French public holidays, movable ones included', () => {
    const dates = frenchHolidays(2025).map((day) =>
      new Date(day * 86_400_000).toISOString().slice(0, 10),
    );
    expect(dates).toEqual(
      expect.arrayContaining([
        '2025-04-21',
        '2025-05-29',
        '2025-06-09',
        '2025-07-14',
        '2025-12-25',
      ]),
    );
    expect(dates).toHaveLength(11);
  });
});
