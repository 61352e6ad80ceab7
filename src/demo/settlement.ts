import type { CustomerPlan, InvoiceSlot, PaymentRun } from './customer-plan.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import type { DemoPaymentMethod } from './payer-profiles.ts';
import type { Rng } from './random.ts';

/**
 * A customer's money, in plain integers (cents, day numbers) while it is being
 * simulated; `generateDemo` turns it into records.
 */
export type LedgerInvoice = {
  slot: InvoiceSlot;
  issueDay: number;
  dueDay: number;
  /** Including VAT, in cents. */
  amount: number;
  /** The credit note issued on it (0 when there is none), allocated to it in full. */
  creditAmount: number;
};

/** Part of a payment applied to one invoice (by its position in the customer's list). */
export type LedgerAllocation = { invoice: number; amount: number };

/** A payment; `amount` − its allocations is its unapplied cash. */
export type LedgerPayment = {
  day: number;
  method: DemoPaymentMethod;
  amount: number;
  allocations: LedgerAllocation[];
};

const MIN_INVOICE_HT = 3_500;
const MAX_INVOICE_HT = 40_000_000;

/**
 * Invoice amounts: a customer-level typical delivery (log-normal around 900 € HT;
 * big accounts buy more often, not bigger), varied per invoice, plus 20% VAT rounded half
 * up. Monthly statements add up a month of deliveries. Credit notes take a
 * discount-sized bite, or a larger one when they settle a dispute.
 */
export function priceInvoices(
  plan: CustomerPlan,
  slots: readonly InvoiceSlot[],
  dueDayOf: (issueDay: number) => number,
  rng: Rng,
  deliveriesPerMonth: number,
): LedgerInvoice[] {
  // Clamped at ±2.2σ: one customer's typical invoice 10× the median is believable,
  // 30× would make it most of a small ledger on its own.
  const typicalHt = 90_000 * Math.exp(0.75 * Math.max(-2.2, Math.min(2.2, rng.normal())));
  const perInvoice = plan.isMonthly ? typicalHt * Math.max(2, deliveriesPerMonth) : typicalHt;
  const spread = plan.isMonthly ? 0.3 : 0.55;
  return slots.map((slot) => {
    const raw = perInvoice * Math.exp(spread * rng.normal());
    const ht = Math.round(Math.min(MAX_INVOICE_HT, Math.max(MIN_INVOICE_HT, raw)));
    const amount = ht + Math.floor((ht * 20 + 50) / 100);
    let creditAmount = 0;
    if (slot.creditNoteDay >= 0) {
      const share = slot.isDisputed
        ? 0.1 + 0.5 * rng.next()
        : rng.pick([0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.05 + 0.35 * rng.next()]);
      creditAmount = Math.min(amount - 100, Math.max(100, Math.round(amount * share)));
    }
    return { slot, issueDay: slot.issueDay, dueDay: dueDayOf(slot.issueDay), amount, creditAmount };
  });
}

type Intent = { day: number; amount: number };

/** Splits `remaining` into 2–3 instalments, the first ones round sums. */
function instalments(rng: Rng, remaining: number, firstDay: number): Intent[] {
  const count = rng.chance(0.6) ? 2 : 3;
  const unit = remaining >= 200_000 ? 10_000 : 1_000;
  const intents: Intent[] = [];
  let left = remaining;
  let day = firstDay;
  for (let index = 0; index < count - 1; index++) {
    const part = Math.round((left * (0.3 + 0.3 * rng.next())) / unit) * unit;
    if (part <= 0 || part >= left) {
      break;
    }
    intents.push({ day, amount: part });
    left -= part;
    day += rng.between(15, 45);
  }
  intents.push({ day, amount: left });
  return intents;
}

const ABANDONED = 'abandoned';

function single(day: number, amount: number): Intent[] {
  return [{ day, amount }];
}

/**
 * When and how much the customer means to pay on one invoice, by profile; days are
 * raw (not yet after the credit note, on a business day or before today). An empty
 * list means never; `abandoned` means it falls into an `in_difficulty` customer's
 * unpaid pile, which only round-sum instalments chip at.
 */
function intentsFor(
  plan: CustomerPlan,
  invoice: LedgerInvoice,
  rng: Rng,
): Intent[] | typeof ABANDONED {
  const remaining = invoice.amount - invoice.creditAmount;
  const due = invoice.dueDay;
  const isPulled = plan.method === 'sepa_direct_debit' || plan.method === 'lcr';
  const { slot } = invoice;
  if (plan.profile === 'in_difficulty') {
    if (due >= plan.troubleDay && plan.lifecycle !== 'closed') {
      return ABANDONED;
    }
    if (rng.chance(0.12)) {
      return [];
    }
    return remaining >= 30_000 && rng.chance(0.25)
      ? instalments(rng, remaining, due + rng.between(10, 30))
      : single(due + rng.between(10, 40), remaining);
  }
  if (slot.isDisputed) {
    // A disputed invoice waits for its credit note, or for the dispute to be
    // dropped; some are still argued about today.
    if (slot.creditNoteDay >= 0) {
      return single(slot.creditNoteDay + rng.between(3, 25), remaining);
    }
    return rng.chance(plan.profile === 'disputes' ? 0.45 : 0.8)
      ? single(due + rng.between(45, 200), remaining)
      : [];
  }
  if (plan.terms === 'net:0' && plan.profile === 'on_time') {
    return single(invoice.issueDay + (plan.method === 'card' ? 0 : rng.between(0, 6)), remaining);
  }
  switch (plan.profile) {
    case 'on_time': {
      if (isPulled) {
        return single(due, remaining);
      }
      const roll = rng.next();
      return single(
        due +
          (roll < 0.7 ? -rng.between(0, 5) : roll < 0.95 ? rng.between(1, 4) : rng.between(5, 12)),
        remaining,
      );
    }
    case 'slightly_late': {
      const roll = rng.next();
      return single(
        due +
          (roll < 0.1 ? rng.between(0, 4) : roll < 0.95 ? rng.between(5, 20) : rng.between(21, 35)),
        remaining,
      );
    }
    case 'chronically_late':
      return remaining >= 30_000 && rng.chance(0.35)
        ? instalments(rng, remaining, due + rng.between(20, 60))
        : single(due + rng.between(30, 90), remaining);
    case 'disputes': {
      if (isPulled) {
        return single(due, remaining);
      }
      const roll = rng.next();
      return single(
        due +
          (roll < 0.6 ? rng.between(-3, 3) : roll < 0.9 ? rng.between(4, 12) : rng.between(13, 30)),
        remaining,
      );
    }
  }
}

/** The day a payer that batches its payments actually pays what is due on `day`. */
function paymentRunDay(run: PaymentRun, day: number, calendar: DemoCalendar): number {
  switch (run) {
    case 'none':
      return day;
    case 'day10': {
      const dayOfMonth = calendar.dayOfMonth(day);
      return dayOfMonth <= 10 ? day + (10 - dayOfMonth) : calendar.endOfMonth(day) + 10;
    }
    case 'month_end': {
      const last = calendar.previousBusinessDay(calendar.endOfMonth(day));
      return last >= day
        ? last
        : calendar.previousBusinessDay(calendar.endOfMonth(calendar.endOfMonth(day) + 1));
    }
    case 'weekly':
      // Tuesday payment runs.
      return day + ((2 - calendar.weekday(day) + 7) % 7);
  }
}

function roundSum(amount: number): number {
  const unit = amount >= 200_000 ? 50_000 : 10_000;
  return Math.max(30_000, Math.round(amount / unit) * unit);
}

/**
 * `in_difficulty`: after it stops paying, the customer sends a round sum every
 * few weeks ("un acompte de 2 000 €"), which the collector applies to the oldest
 * open invoices first.
 */
function troubleInstalments(
  plan: CustomerPlan,
  invoices: readonly LedgerInvoice[],
  abandoned: readonly number[],
  calendar: DemoCalendar,
  rng: Rng,
): LedgerPayment[] {
  const payments: LedgerPayment[] = [];
  if (abandoned.length === 0) {
    return payments;
  }
  const left = abandoned.map((index) => {
    const invoice = invoices[index];
    return invoice ? invoice.amount - invoice.creditAmount : 0;
  });
  for (
    let day = plan.troubleDay + rng.between(15, 45);
    day <= calendar.today;
    day += rng.between(20, 50)
  ) {
    if (!rng.chance(0.75)) {
      continue;
    }
    const payDay = calendar.nextBusinessDay(day);
    if (payDay > calendar.today) {
      break;
    }
    let outstanding = 0;
    abandoned.forEach((index, position) => {
      if ((invoices[index]?.issueDay ?? Number.POSITIVE_INFINITY) <= payDay) {
        outstanding += left[position] ?? 0;
      }
    });
    if (outstanding <= 0) {
      continue;
    }
    const amount = Math.min(outstanding, roundSum(outstanding * (0.08 + 0.17 * rng.next())));
    const allocations: LedgerAllocation[] = [];
    let toApply = amount;
    abandoned.forEach((index, position) => {
      const open = left[position] ?? 0;
      if (
        toApply > 0 &&
        open > 0 &&
        (invoices[index]?.issueDay ?? Number.POSITIVE_INFINITY) <= payDay
      ) {
        const applied = Math.min(open, toApply);
        allocations.push({ invoice: index, amount: applied });
        left[position] = open - applied;
        toApply -= applied;
      }
    });
    payments.push({
      day: payDay,
      method: rng.chance(0.7) ? 'transfer' : 'cheque',
      amount,
      allocations,
    });
  }
  return payments;
}

/**
 * Simulates a customer's payments up to today: one payment per invoice for most,
 * several invoices per payment for payers with a payment run (and sometimes for
 * invoices paid the same day), instalments for bad payers, a few overpayments, and
 * transfers received in the last days that nobody has matched yet. Nothing is paid
 * after `calendar.today`, nor before an invoice is issued or its credit note made.
 */
export function settleInvoices(
  plan: CustomerPlan,
  invoices: readonly LedgerInvoice[],
  calendar: DemoCalendar,
  rng: Rng,
): LedgerPayment[] {
  const pieces: { day: number; invoice: number; amount: number }[] = [];
  const abandoned: number[] = [];
  const isClosed = plan.lifecycle === 'closed';
  invoices.forEach((invoice, index) => {
    let intents = intentsFor(plan, invoice, rng);
    if (intents === ABANDONED) {
      abandoned.push(index);
      return;
    }
    if (isClosed && intents.length === 0) {
      // A closed account settled everything before it was closed.
      intents = [
        { day: invoice.dueDay + rng.between(0, 30), amount: invoice.amount - invoice.creditAmount },
      ];
    }
    const floor = Math.max(invoice.issueDay, invoice.slot.creditNoteDay);
    for (const intent of intents) {
      let day = Math.max(intent.day, floor);
      if (isClosed) {
        day = Math.max(floor, Math.min(day, plan.endDay + 150));
      }
      if (day > calendar.today) {
        break;
      }
      day = calendar.nextBusinessDay(paymentRunDay(plan.paymentRun, day, calendar));
      if (day > calendar.today) {
        break;
      }
      pieces.push({ day, invoice: index, amount: intent.amount });
    }
  });
  pieces.sort((a, b) => a.day - b.day || a.invoice - b.invoice);

  const payments: LedgerPayment[] = [];
  for (const piece of pieces) {
    const last = payments.at(-1);
    const canJoin =
      last !== undefined &&
      last.day === piece.day &&
      (plan.paymentRun === 'none' ? rng.chance(0.7) : last.allocations.length < 30);
    if (canJoin) {
      last.amount += piece.amount;
      last.allocations.push({ invoice: piece.invoice, amount: piece.amount });
      continue;
    }
    const isOtherMethod = (plan.method === 'cheque' || plan.method === 'card') && rng.chance(0.1);
    payments.push({
      day: piece.day,
      method: isOtherMethod ? 'transfer' : plan.method,
      amount: piece.amount,
      allocations: [{ invoice: piece.invoice, amount: piece.amount }],
    });
  }
  if (plan.profile === 'in_difficulty') {
    payments.push(...troubleInstalments(plan, invoices, abandoned, calendar, rng));
    payments.sort((a, b) => a.day - b.day);
  }

  for (const payment of payments) {
    // Direct debits, LCRs and card payments are pulled by us for the exact amount of
    // known invoices; only what the customer sends can be unmatched or too much.
    if (payment.method !== 'transfer' && payment.method !== 'cheque') {
      continue;
    }
    if (
      payment.day >= calendar.today - 12 &&
      payment.allocations.length === 1 &&
      rng.chance(0.08)
    ) {
      // Received, but the remittance advice has not come: cash waiting to be matched.
      payment.allocations = [];
    } else if (rng.chance(0.012)) {
      // The customer rounded up, or paid a little twice: a credit balance to refund.
      const roundedUp = Math.ceil(payment.amount / 10_000) * 10_000 - payment.amount;
      payment.amount += roundedUp > 0 ? roundedUp : rng.between(100, 5_000);
    }
  }
  return payments;
}
