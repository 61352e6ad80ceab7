import type { Language } from '../shared/language.ts';
import type { TRole } from '../shared/schemas.ts';

/** Sessions last a working day and a night; a collector signs in each morning. */
export const SESSION_HOURS = 12;

/** Minimum password length (ANSSI recommends 12+ characters for a password alone). */
export const MIN_PASSWORD_LENGTH = 12;

export type User = {
  companyId: string;
  id: string;
  email: string;
  displayName: string;
  role: TRole;
  isActive: boolean;
  /**
   * The language the user chose; `null` until they do. Their web app starts in it, and the
   * API speaks it when a request names no language of its own (ADR 18).
   */
  language: Language | null;
};

/** E-mail addresses are compared trimmed and lower-cased: `Anne@X.fr ` is the account `anne@x.fr`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An integration is re-keyed at least yearly unless told otherwise; two years at most. */
export const DEFAULT_API_TOKEN_DAYS = 365;
export const MAX_API_TOKEN_DAYS = 730;

/**
 * `last_used_at` says when a token was last seen to the minute: a busy integration then
 * writes its row once a minute, not on every request.
 */
export const LAST_USE_RESOLUTION_SECONDS = 60;

export type ApiToken = {
  companyId: string;
  id: string;
  name: string;
  role: TRole;
  createdAt: Date;
  /** The user who issued it; null when the CLI did. */
  createdBy: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

export function apiTokenStatus(
  token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>,
  now: Date,
): ApiTokenStatus {
  if (token.revokedAt !== null) {
    return 'revoked';
  }
  return token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function isLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return (
    lastUsedAt === null ||
    now.getTime() - lastUsedAt.getTime() >= LAST_USE_RESOLUTION_SECONDS * 1000
  );
}

/**
 * Whether the company still has an active admin once `before` becomes `after`: nobody could
 * manage users any more otherwise (only the CLI, on the server, could).
 */
export function keepsAnActiveAdmin(
  activeAdminIds: readonly string[],
  before: Pick<User, 'id'>,
  after: Pick<User, 'role' | 'isActive'>,
): boolean {
  const staysAdmin = after.role === 'admin' && after.isActive;
  return staysAdmin || activeAdminIds.some((id) => id !== before.id);
}
