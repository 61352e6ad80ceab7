import type { ApiTokenView } from './api-tokens.ts';
import { apiTokenStatus, type User } from './model.ts';
import type { TApiTokenSummary, TUserSummary } from './schemas.ts';

/** A user as the API and `encaisse users list --json` show it (never a password hash). */
export function presentUser(user: User): TUserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    isActive: user.isActive,
  };
}

/** A token as the API and `encaisse tokens list --json` show it: never its secret or hash. */
export function presentApiToken(token: ApiTokenView, now: Date): TApiTokenSummary {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    status: apiTokenStatus(token, now),
    createdAt: token.createdAt.toISOString(),
    createdBy:
      token.createdBy === null
        ? null
        : { id: token.createdBy, displayName: token.createdByName ?? '' },
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
