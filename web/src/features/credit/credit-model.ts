/**
 * The figures the credit pages draw and prefill (docs/credit.md): the gauge of an exposure
 * against its limit and thresholds, what a held order puts over the limit, the default end
 * of an exception, amounts as typed, and who may decide what. Pure: no DOM, no clock.
 */
import { can } from '../../../../src/app/permissions.ts';
import { addDays, type CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { cents, parseAmount, percentOf, toDecimalString } from '../../../../src/shared/money.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';

/** Where the exposure stands: under the alert threshold, at it, or over the block threshold. */
export type GaugeTone = 'ok' | 'alert' | 'block';

/**
 * A gauge's drawing, in percent of its scale (one decimal): the part of the exposure within
 * the limit, the part over it, and the marks of the alert and block thresholds.
 */
export type Gauge = {
  withinPercent: number;
  overPercent: number;
  alertPercent: number;
  blockPercent: number;
  tone: GaugeTone;
};

/** `part` of `whole` in percent, one decimal (the gauge is drawn, not reckoned with). */
function percentOfScale(part: number, whole: number): number {
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * The gauge of `exposureCents` against `limitCents`. The scale is the largest of the
 * exposure, the limit and the block threshold, so that an exposure over the limit shows
 * how far over. The thresholds are rounded down, as the server's check rounds them
 * (`percentOf … 'down'`: a threshold never lets a cent more through than it says), and the
 * tone follows its `thresholdReached`: over the block threshold (exactly at it is still
 * within), at or above the alert threshold; a zero limit is over as soon as anything is owed.
 */
export function gaugeOf(
  exposureCents: number,
  limitCents: number,
  policy: { alertBps: number; blockBps: number },
): Gauge {
  const limit = cents(limitCents);
  const alertAt = percentOf(limit, policy.alertBps, 'down');
  const blockAt = percentOf(limit, policy.blockBps, 'down');
  const owed = Math.max(0, exposureCents);
  const scale = Math.max(owed, limitCents, blockAt, 1);
  const within = Math.min(owed, limitCents);
  const tone: GaugeTone =
    limitCents === 0
      ? owed > 0
        ? 'block'
        : 'ok'
      : owed > blockAt
        ? 'block'
        : owed >= alertAt
          ? 'alert'
          : 'ok';
  return {
    withinPercent: percentOfScale(within, scale),
    overPercent: percentOfScale(owed - within, scale),
    alertPercent: percentOfScale(alertAt, scale),
    blockPercent: percentOfScale(blockAt, scale),
    tone,
  };
}

/** What of a customer's credit the excess of an order is reckoned from. */
export type CreditFigures = {
  limit: { amountCents: number; currency: string; state: string } | null;
  exposures: readonly { currency: string; totalCents: number }[];
  exceptions: readonly {
    amountCents: number;
    currency: string;
    expiresOn: string;
    orderId: string | null;
  }[];
  policy: { blockBps: number };
};

/**
 * What a held order puts over the limit: the exposure with the order, less the block
 * threshold and the room of the live exceptions that count for it (the entity's, and the
 * order's own), as the server's `checkCredit` reckons it; 0 when it fits. `null` when no
 * limit in the order's currency is in force: no excess to offer, the amount is the
 * decider's to type.
 */
export function orderExcessCents(
  order: { id: string; amountCents: number; currency: string },
  credit: CreditFigures,
  today: string,
): number | null {
  const limit = credit.limit;
  if (limit === null || limit.currency !== order.currency || limit.state !== 'in_force') {
    return null;
  }
  const exposure =
    credit.exposures.find((parts) => parts.currency === order.currency)?.totalCents ?? 0;
  const room = credit.exceptions
    .filter(
      (exception) =>
        exception.currency === order.currency &&
        exception.expiresOn >= today &&
        (exception.orderId === null || exception.orderId === order.id),
    )
    .reduce((sum, exception) => sum + exception.amountCents, 0);
  const blockAt = percentOf(cents(limit.amountCents), credit.policy.blockBps, 'down');
  return Math.max(0, exposure + order.amountCents - blockAt - room);
}

/** How long an exception runs when the queue offers one: a month (92 days at most). */
export const DEFAULT_EXCEPTION_DAYS = 30;

/** The end the queue offers for an exception: today + 30 days. */
export function defaultExceptionEnd(today: CalendarDate): CalendarDate {
  return addDays(today, DEFAULT_EXCEPTION_DAYS);
}

/**
 * An amount in cents as the reader types it back: `50000` → `500,00` (fr), `500.00` (en);
 * `parseAmount` reads both back unchanged.
 */
export function amountInputText(amountCents: number, language: Language): string {
  const text = toDecimalString(cents(amountCents));
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** A typed amount in cents (`1 500,00`, `1500.00`), or `undefined` when it is not one. */
export function readAmountCents(text: string): number | undefined {
  const parsed = parseAmount(text, 2);
  return parsed.ok ? parsed.value : undefined;
}

function roleCan(role: string, permission: 'credit:decide'): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, permission);
}

/**
 * Whether the role may grant exceptions and place or release holds (`credit:decide`:
 * administrators, credit managers and collectors, each within its ceiling).
 */
export function canDecideCredit(role: string): boolean {
  return roleCan(role, 'credit:decide');
}

/**
 * Whether the role is offered « Décider l'encours autorisé »: a credit manager or an
 * administrator (docs/credit.md « Authority », levels 2 and 3). A collector's level 1 only
 * sets a zero limit, a decision the page leaves to those above it.
 */
export function canDecideLimit(role: string): boolean {
  return role === 'admin' || role === 'credit_manager';
}
