/**
 * Access links (issue 10, docs/disputes.md « The department's link », docs/portal.md): a
 * narrow door without an account, for a department member to one dispute or for a customer
 * to its own account. The token is given once, in the link; only its SHA-256 is kept.
 *
 * Pure (HOUSE_STYLE §3): the link and the instant come in as arguments.
 */

/** Whom a link is given to: a department member (one dispute), a customer (its account). */
export const ACCESS_LINK_AUDIENCES = ['department', 'customer'] as const;
export type AccessLinkAudience = (typeof ACCESS_LINK_AUDIENCES)[number];

/** A link as stored (never its token). */
export type AccessLink = {
  companyId: string;
  id: string;
  audience: AccessLinkAudience;
  /** The dispute a department link opens; null for a customer's. */
  disputeId: string | null;
  /** The customer whose account (or whose dispute) the link opens. */
  customerId: string;
  recipientName: string | null;
  recipientEmail: string | null;
  /** The e-mail (outbox message) that carried the link, when one did. */
  messageId: string | null;
  /** Who made it, by name as then (a user, the CLI, a run). */
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** How long a customer's portal link opens the account unless told (days). */
export const DEFAULT_PORTAL_LINK_DAYS = 90;
/** The longest a portal link may be given (days): a year of reminders. */
export const MAX_PORTAL_LINK_DAYS = 365;

export type AccessLinkStatus = 'active' | 'expired' | 'revoked';

/** A link's status at `now`: revoked wins over expired (it was closed on purpose). */
export function accessLinkStatus(
  link: Pick<AccessLink, 'expiresAt' | 'revokedAt'>,
  now: Date,
): AccessLinkStatus {
  if (link.revokedAt !== null) {
    return 'revoked';
  }
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

const DAY_MS = 86_400_000;

/** When a link made at `now` for `days` days stops opening anything. */
export function accessLinkExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Whether `days` is a lifetime a link may be given: a whole number from 1 to `max`. */
export function isLinkLifetime(days: number, max: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= max;
}

/**
 * `last_used_at` says when a link was last used to the minute, as for API tokens
 * (src/auth/model.ts): a page reloading its data writes the row once a minute at most.
 */
export const LINK_LAST_USE_RESOLUTION_SECONDS = 60;

export function isLinkLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return (
    lastUsedAt === null ||
    now.getTime() - lastUsedAt.getTime() >= LINK_LAST_USE_RESOLUTION_SECONDS * 1000
  );
}

/**
 * A token as handed out: 256 random bits in base64url, 43 characters. Anything else is
 * refused before the database is asked (a truncated or padded copy says `link_invalid`).
 */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
