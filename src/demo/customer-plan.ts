import type { DemoCalendar } from './demo-calendar.ts';
import {
  CASH_PAYMENT_METHODS,
  PAYMENT_METHODS_BY_PROFILE,
  PAYMENT_TERMS_MIX,
  RISK_BY_PROFILE,
  STATUS_BY_PROFILE,
  profileAt,
  type DemoCustomerStatus,
  type DemoPaymentMethod,
  type DemoPaymentTerms,
  type DemoRiskCategory,
  type PayerProfile,
} from './payer-profiles.ts';
import { mixSeed, strataPoint, type Rng } from './random.ts';

/**
 * Each customer draws from four independent streams, seeded by (seed, customer,
 * stream). The plan and the invoice dates are drawn twice (once to count invoices
 * per day for the numbering, once to emit them), so they must not share a stream
 * with anything drawn only once.
 */
export const STREAMS = { plan: 1, dates: 2, ledger: 3, identity: 4 } as const;

/** Where the customer is in its life with us. */
export type Lifecycle = 'prospect' | 'existing' | 'new' | 'closed';

/** When a customer that pays several invoices at once runs its payments. */
export type PaymentRun = 'none' | 'day10' | 'month_end' | 'weekly';

/** The skeleton of a customer: cheap to draw, fixed before any invoice exists. */
export type CustomerPlan = {
  index: number;
  profile: PayerProfile;
  lifecycle: Lifecycle;
  status: DemoCustomerStatus;
  risk: DemoRiskCategory;
  terms: DemoPaymentTerms;
  method: DemoPaymentMethod;
  /** Relative buying volume, Pareto-distributed; 1 is the smallest customer. */
  weight: number;
  /** Among the top 10% by volume. */
  isBig: boolean;
  /** Gets one invoice a month (a statement of its deliveries) rather than one per delivery. */
  isMonthly: boolean;
  paymentRun: PaymentRun;
  /** First and last day it may be invoiced (day numbers, inclusive); none for prospects. */
  startDay: number;
  endDay: number;
  /** `in_difficulty`: the day it stopped paying. */
  troubleDay: number;
};

// Truncated Pareto(α, [1, cap]). α = 0.9 capped at 80× the smallest gives roughly
// the 80/20 split collections people quote (measured: the top fifth of customers
// carry 70–78% of the revenue) while the biggest account stays under ~13% of an
// S ledger, a believable dependency for an SME.
const PARETO_ALPHA = 0.9;
const PARETO_CAP = 80;
const GOLDEN = 0.618_033_988_749_894_9;
const SILVER = 0.414_213_562_373_095_1;

function paretoQuantile(point: number): number {
  const tail = 1 - point * (1 - PARETO_CAP ** -PARETO_ALPHA);
  return tail ** (-1 / PARETO_ALPHA);
}

/**
 * Draws customer `index`'s plan: the same seed and index give the same plan.
 * `rng` is scratch: it is reseeded here, whatever it held.
 */
export function drawCustomerPlan(
  seed: number,
  index: number,
  calendar: DemoCalendar,
  rng: Rng,
): CustomerPlan {
  rng.reseed(mixSeed(seed, index, STREAMS.plan));
  // Profile and volume come from evenly spread sequences so that the mix and the
  // Pareto curve hold even for a few hundred customers (see `strataPoint`).
  const profile = profileAt(strataPoint(index, GOLDEN, mixSeed(seed, 0xa11) / 2 ** 32));
  const volumePoint = strataPoint(index, SILVER, mixSeed(seed, 0xa12) / 2 ** 32);
  const weight = paretoQuantile(volumePoint);
  const isBig = volumePoint >= 0.9;

  const roll = rng.next();
  const lifecycle: Lifecycle =
    roll < 0.03
      ? 'prospect'
      : roll < 0.07 && profile !== 'in_difficulty'
        ? 'closed'
        : roll < 0.22
          ? 'new'
          : 'existing';

  let terms = rng.weighted(PAYMENT_TERMS_MIX);
  if (terms === 'net:0' && isBig) {
    terms = 'net:30';
  }
  const method = rng.weighted(
    terms === 'net:0' ? CASH_PAYMENT_METHODS : PAYMENT_METHODS_BY_PROFILE[profile],
  );
  // A prospect's risk comes from its solvency screening, which does flag the ones
  // in difficulty.
  const risk: DemoRiskCategory =
    lifecycle !== 'prospect'
      ? rng.weighted(RISK_BY_PROFILE[profile])
      : profile === 'in_difficulty'
        ? 'high'
        : 'standard';
  const status: DemoCustomerStatus =
    lifecycle === 'prospect' || lifecycle === 'closed'
      ? lifecycle
      : rng.weighted(STATUS_BY_PROFILE[profile]);

  const windowDays = calendar.today - calendar.windowStart + 1;
  let startDay = calendar.windowStart;
  let endDay = calendar.today;
  if (lifecycle === 'new') {
    startDay = calendar.windowStart + rng.between(30, windowDays - 45);
  }
  const troubleDay =
    profile === 'in_difficulty' ? calendar.today - rng.between(75, 270) : Number.POSITIVE_INFINITY;
  if (lifecycle === 'closed') {
    endDay = calendar.today - rng.between(200, 480);
  } else if (status === 'on_hold' || status === 'in_litigation') {
    // A blocked account gets no new orders, so its invoices stop some weeks after
    // the block (the orders already delivered are still billed).
    endDay =
      profile === 'in_difficulty'
        ? Math.min(calendar.today, troubleDay + rng.between(30, 90))
        : calendar.today - rng.between(15, 90);
  }
  if (lifecycle === 'prospect') {
    startDay = calendar.today + 1;
    endDay = calendar.today;
  } else if (startDay > endDay - 20) {
    startDay = Math.max(calendar.windowStart, endDay - 60);
  }

  // Only transfers can be batched by the payer; direct debits and LCRs are pulled
  // invoice by invoice, cheques come one by one.
  const paymentRun: PaymentRun =
    method === 'transfer' && rng.chance(isBig ? 0.5 : 0.12)
      ? rng.weighted<PaymentRun>([
          ['day10', 40],
          ['month_end', 40],
          ['weekly', 20],
        ])
      : 'none';
  return {
    index,
    profile,
    lifecycle,
    status,
    risk,
    terms,
    method,
    weight,
    isBig,
    isMonthly: volumePoint > 0.6 && rng.chance(0.3),
    paymentRun,
    startDay,
    endDay,
    troubleDay,
  };
}

/**
 * What the plan contributes to the invoice count before scaling: per-delivery
 * customers in volume × share of the window they are active, monthly ones in
 * months. `generateDemo` scales the first so the total lands on the size's target.
 */
export function expectedVolume(
  plan: CustomerPlan,
  calendar: DemoCalendar,
): { perDelivery: number; monthly: number } {
  if (plan.endDay < plan.startDay) {
    return { perDelivery: 0, monthly: 0 };
  }
  const activeDays = plan.endDay - plan.startDay + 1;
  if (plan.isMonthly) {
    return { perDelivery: 0, monthly: activeDays / 30.44 };
  }
  return {
    perDelivery: (plan.weight * activeDays) / (calendar.today - calendar.windowStart + 1),
    monthly: 0,
  };
}

/** The due date of an invoice issued on `issueDay` under canonical `terms`. */
export function dueDayFor(
  terms: DemoPaymentTerms,
  issueDay: number,
  calendar: DemoCalendar,
): number {
  switch (terms) {
    case 'net:0':
      return issueDay;
    case 'net:30':
      return issueDay + 30;
    case 'net:45':
      return issueDay + 45;
    case 'net:60':
      return issueDay + 60;
    case 'eom:45':
      // "45 jours fin de mois": 45 days, then to the end of that month.
      return calendar.endOfMonth(issueDay + 45);
    case 'eom_plus:45':
      // "Fin de mois + 45 jours": to the end of the month, then 45 days.
      return calendar.endOfMonth(issueDay) + 45;
  }
}

/** An invoice's dates, fixed before its amount: what the numbering needs. */
export type InvoiceSlot = {
  issueDay: number;
  /** Day the credit note on it was issued, or -1. */
  creditNoteDay: number;
  /** The customer contests it (price, quantity, quality…). */
  isDisputed: boolean;
};

// Invoicing slows in August and at Christmas and the firm grows ~6% a year. The
// month factors are divided by their mean so the volume targets still hold.
const MONTH_FACTORS = [0.95, 1.02, 1.1, 1.03, 0.93, 1.06, 0.97, 0.58, 1.1, 1.1, 1.04, 0.92];
const MONTH_FACTOR_MEAN = MONTH_FACTORS.reduce((sum, factor) => sum + factor, 0) / 12;
// Above the largest factor (1.1 / 0.98 × 1.06 at the end of the window), as
// thinning requires.
const MAX_FACTOR = 1.25;

/**
 * The invoice dates of a customer (`rng` is scratch, reseeded here): a Poisson stream of deliveries (thinned for the
 * season), each billed on the next business day; or one invoice on the last
 * business day of each month. A customer with a history gets at least one invoice.
 */
export function planInvoiceSlots(
  plan: CustomerPlan,
  calendar: DemoCalendar,
  seed: number,
  dailyRatePerWeight: number,
  rng: Rng,
): InvoiceSlot[] {
  const slots: InvoiceSlot[] = [];
  if (plan.endDay < plan.startDay) {
    return slots;
  }
  rng.reseed(mixSeed(seed, plan.index, STREAMS.dates));
  const issueDays: number[] = [];
  if (plan.isMonthly) {
    let monthEnd = calendar.endOfMonth(plan.startDay);
    while (true) {
      const day = calendar.previousBusinessDay(monthEnd);
      if (day > plan.endDay) {
        break;
      }
      if (day >= plan.startDay) {
        issueDays.push(day);
      }
      monthEnd = calendar.endOfMonth(monthEnd + 1);
    }
  } else {
    const rate = dailyRatePerWeight * plan.weight * MAX_FACTOR;
    const growthPerDay = 0.06 / 365;
    const midWindow = (calendar.windowStart + calendar.today) / 2;
    let time = plan.startDay - Math.log(1 - rng.next()) / rate;
    while (time <= plan.endDay) {
      const day = Math.floor(time);
      const factor =
        ((MONTH_FACTORS[calendar.month(day) - 1] ?? 1) / MONTH_FACTOR_MEAN) *
        (1 + growthPerDay * (day - midWindow));
      if (rng.next() * MAX_FACTOR < factor) {
        const issueDay = calendar.nextBusinessDay(day);
        if (issueDay <= plan.endDay) {
          issueDays.push(issueDay);
        }
      }
      time += -Math.log(1 - rng.next()) / rate;
    }
    if (issueDays.length === 0) {
      const day = calendar.previousBusinessDay(
        plan.startDay + rng.int(plan.endDay - plan.startDay + 1),
      );
      issueDays.push(Math.max(day, calendar.nextBusinessDay(plan.startDay)));
    }
  }

  const disputeRate =
    plan.profile === 'disputes' ? 0.16 : plan.profile === 'in_difficulty' ? 0.02 : 0.012;
  for (const issueDay of issueDays) {
    const isDisputed = rng.chance(disputeRate);
    let creditNoteDay = -1;
    // Disputes end in a credit note about half the time, after weeks of back and
    // forth; otherwise a credit note fixes a return or a forgotten discount fast.
    if (isDisputed ? rng.chance(0.55) : rng.chance(0.021)) {
      const delay = isDisputed ? rng.between(20, 150) : rng.between(3, 30);
      const day = calendar.nextBusinessDay(issueDay + delay);
      creditNoteDay = day <= calendar.today ? day : -1;
    }
    slots.push({ issueDay, creditNoteDay, isDisputed });
  }
  return slots;
}
