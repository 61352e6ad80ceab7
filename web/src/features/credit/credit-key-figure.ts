/**
 * The customer page's « Plafond d'encours » key figure, reckoned as the « Crédit » tab
 * reckons it (issue 12, docs/credit.md « Exposure »): the exposure with the orders still to
 * invoice, against the limit in force, from the same answer (`GET /api/customers/:id/credit`),
 * so the two never disagree. Pure: no DOM, no clock.
 */
import type { TCustomerCredit } from './credit-api.ts';

/** How the figure is coloured: within, at the alert threshold, or over the limit. */
export type LimitFigureTone = 'ok' | 'alert' | 'over';

/** The key figure of a customer's limit. */
export type LimitFigure = {
  limitCents: number;
  currency: string;
  /** The exposure in the limit's currency: open items + orders − unapplied cash. */
  exposureCents: number;
  /** The server's `usedBps` as a ratio; +∞ for a zero limit with something owed. */
  ratio: number;
  /** How much the exposure is over the limit, 0 when within. */
  excessCents: number;
  tone: LimitFigureTone;
};

/**
 * The figure of `credit`, or `null` without a limit. The ratio is the server's `usedBps`
 * (floored, as it reckons it) and the tone its `level`: red over the limit or past the
 * block threshold, orange from the alert threshold. A zero limit has no `usedBps`: anything
 * owed is over it.
 */
export function limitFigureOf(
  credit: Pick<TCustomerCredit, 'limit' | 'exposures' | 'usedBps' | 'level'>,
): LimitFigure | null {
  const limit = credit.limit;
  if (limit === null) {
    return null;
  }
  const exposureCents =
    credit.exposures.find((parts) => parts.currency === limit.currency)?.totalCents ?? 0;
  const ratio =
    credit.usedBps === null
      ? exposureCents > 0
        ? Number.POSITIVE_INFINITY
        : 0
      : credit.usedBps / 10_000;
  const excessCents = Math.max(0, exposureCents - limit.amountCents);
  const tone: LimitFigureTone =
    excessCents > 0 || credit.level === 'block'
      ? 'over'
      : credit.level === 'alert'
        ? 'alert'
        : 'ok';
  return {
    limitCents: limit.amountCents,
    currency: limit.currency,
    exposureCents,
    ratio,
    excessCents,
    tone,
  };
}
