/**
 * How the demo's customers pay. Each customer gets one profile; the profile drives
 * its payment delays, partial payments, disputes, risk category and status, so the
 * aged balance, the DSO and the worst-payer list tell a consistent story.
 */

/** A customer's payment behaviour in the demo ledger. */
export type PayerProfile =
  | 'on_time'
  | 'slightly_late'
  | 'chronically_late'
  | 'disputes'
  | 'in_difficulty';

/** Every profile, in the order `PAYER_PROFILE_MIX` is cumulated. */
export const PAYER_PROFILES: readonly PayerProfile[] = [
  'on_time',
  'slightly_late',
  'chronically_late',
  'disputes',
  'in_difficulty',
];

/**
 * Share of customers per profile, in percent:
 * - `on_time` pays at or slightly before the due date (SEPA and LCR exactly on it);
 * - `slightly_late` pays 5–20 days late;
 * - `chronically_late` pays 30–90 days late, often in two or three instalments;
 * - `disputes` pays well except for the invoices it disputes, which stay unpaid for
 *   months and often end with a credit note on part of them;
 * - `in_difficulty` paid late until a few months ago, then stopped: a big overdue
 *   balance, round-sum instalments, and some very old invoices never paid.
 */
export const PAYER_PROFILE_MIX: Record<PayerProfile, number> = {
  on_time: 45,
  slightly_late: 25,
  chronically_late: 15,
  disputes: 10,
  in_difficulty: 5,
};

/**
 * The profile at position `point` in [0, 1) of the cumulated mix. Fed with an
 * evenly spread sequence, it reproduces the mix to within one customer.
 */
export function profileAt(point: number): PayerProfile {
  let cumulated = 0;
  for (const profile of PAYER_PROFILES) {
    cumulated += PAYER_PROFILE_MIX[profile] / 100;
    if (point < cumulated) {
      return profile;
    }
  }
  return 'in_difficulty';
}

/** Canonical payment-terms codes, as `customer.payment_terms` stores them. */
export type DemoPaymentTerms = 'net:30' | 'net:45' | 'net:60' | 'eom:45' | 'eom_plus:45' | 'net:0';

/** How a customer pays (`customer.payment_method`, `payment.method`). */
export type DemoPaymentMethod = 'transfer' | 'sepa_direct_debit' | 'lcr' | 'card' | 'cheque';

/** `customer.risk_category`. */
export type DemoRiskCategory = 'low' | 'standard' | 'high' | 'critical';

/** `customer.status`. */
export type DemoCustomerStatus = 'prospect' | 'active' | 'on_hold' | 'in_litigation' | 'closed';

type Table<T> = readonly (readonly [T, number])[];

/**
 * French B2B terms: 30 days net is the default, "45 jours fin de mois" is common,
 * 60 days net is the legal maximum (Code de commerce L441-10), cash on order is
 * for small accounts.
 */
export const PAYMENT_TERMS_MIX: Table<DemoPaymentTerms> = [
  ['net:30', 34],
  ['eom:45', 22],
  ['net:45', 14],
  ['net:60', 16],
  ['eom_plus:45', 6],
  ['net:0', 8],
];

/**
 * Payment methods per profile. Direct debit and LCR are pulled on the due date, so
 * they go with good payers; bad payers pay by transfer or cheque, when they pay.
 */
export const PAYMENT_METHODS_BY_PROFILE: Record<PayerProfile, Table<DemoPaymentMethod>> = {
  on_time: [
    ['transfer', 45],
    ['sepa_direct_debit', 25],
    ['lcr', 15],
    ['card', 4],
    ['cheque', 11],
  ],
  slightly_late: [
    ['transfer', 62],
    ['lcr', 12],
    ['cheque', 22],
    ['card', 4],
  ],
  chronically_late: [
    ['transfer', 68],
    ['cheque', 24],
    ['lcr', 8],
  ],
  disputes: [
    ['transfer', 70],
    ['sepa_direct_debit', 10],
    ['lcr', 10],
    ['cheque', 10],
  ],
  in_difficulty: [
    ['transfer', 62],
    ['lcr', 18],
    ['cheque', 20],
  ],
};

/** Cash-on-order customers pay by card, sometimes by transfer or cheque. */
export const CASH_PAYMENT_METHODS: Table<DemoPaymentMethod> = [
  ['card', 55],
  ['transfer', 35],
  ['cheque', 10],
];

/** Risk category per profile, as a credit manager would have set it. */
export const RISK_BY_PROFILE: Record<PayerProfile, Table<DemoRiskCategory>> = {
  on_time: [
    ['low', 60],
    ['standard', 40],
  ],
  slightly_late: [
    ['low', 10],
    ['standard', 84],
    ['high', 6],
  ],
  chronically_late: [
    ['standard', 25],
    ['high', 68],
    ['critical', 7],
  ],
  disputes: [
    ['standard', 70],
    ['high', 30],
  ],
  in_difficulty: [
    ['high', 40],
    ['critical', 60],
  ],
};

/**
 * Status of a customer that buys (prospects and closed accounts are decided
 * earlier). Most firms in difficulty are blocked or handed to litigation; a few
 * are not yet, which is what the credit manager should spot.
 */
export const STATUS_BY_PROFILE: Record<PayerProfile, Table<DemoCustomerStatus>> = {
  on_time: [['active', 1]],
  slightly_late: [
    ['active', 98],
    ['on_hold', 2],
  ],
  chronically_late: [
    ['active', 80],
    ['on_hold', 20],
  ],
  disputes: [
    ['active', 90],
    ['in_litigation', 6],
    ['on_hold', 4],
  ],
  in_difficulty: [
    ['on_hold', 50],
    ['in_litigation', 30],
    ['active', 20],
  ],
};
