import { inTransaction } from '../db/transaction.ts';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents } from '../audit/service.ts';
import type { Company } from '../companies/model.ts';
import { findCompany } from '../companies/service.ts';
import { ConflictError, NotFoundError, UnauthorizedError, invalidField } from '../shared/errors.ts';
import type { TRole } from '../shared/schemas.ts';
import {
  DEFAULT_API_TOKEN_DAYS,
  LAST_USE_RESOLUTION_SECONDS,
  MAX_API_TOKEN_DAYS,
  isLastUseStale,
  type ApiToken,
} from './model.ts';
import { hashToken, newSecret } from './secrets.ts';
import { requireAccessManager } from './service.ts';
import {
  findApiTokenByHash,
  findUserNames,
  insertApiToken,
  listApiTokens as listApiTokenRows,
  lockApiToken,
  markApiTokenRevoked,
  recordApiTokenUse,
} from './store.ts';

const DAY_MS = 86_400_000;

/** A token as an admin sees it: never its secret; who issued it, by name. */
export type ApiTokenView = ApiToken & { createdByName: string | null };

async function withCreatorNames(
  deps: Deps,
  ctx: Ctx,
  tokens: readonly ApiToken[],
): Promise<ApiTokenView[]> {
  const ids = tokens.flatMap((token) => (token.createdBy === null ? [] : [token.createdBy]));
  const names = await findUserNames(deps.db, ctx.companyId, [...new Set(ids)]);
  return tokens.map((token) => ({
    ...token,
    createdByName: token.createdBy === null ? null : (names.get(token.createdBy) ?? null),
  }));
}

/**
 * Issues an API token for an integration (ERP); the secret is returned once and stored
 * hashed. It expires after `expiresInDays` (a year unless told).
 */
export async function createApiToken(
  deps: Deps,
  ctx: Ctx,
  input: { name: string; role: TRole; expiresInDays?: number },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  requireAccessManager(ctx);
  const name = input.name.trim();
  if (name === '') {
    throw invalidField('name', 'token_name_required');
  }
  const days = input.expiresInDays ?? DEFAULT_API_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_API_TOKEN_DAYS) {
    throw invalidField('expiresInDays', 'token_lifetime', { max: MAX_API_TOKEN_DAYS });
  }
  const secret = `enc_${newSecret()}`;
  const now = deps.clock.now();
  const apiToken: ApiToken = {
    companyId: ctx.companyId,
    id: deps.ids.newId(),
    name,
    role: input.role,
    createdAt: now,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
    lastUsedAt: null,
    revokedAt: null,
  };
  await inTransaction(deps.db, async (tx) => {
    await insertApiToken(tx, { ...apiToken, tokenHash: hashToken(secret) });
    await recordEvents(tx, ctx, [
      {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: apiToken.id,
        customerId: null,
        data: { name, role: apiToken.role, expiresAt: apiToken.expiresAt.toISOString() },
      },
    ]);
  });
  return {
    token: secret,
    apiToken: { ...apiToken, createdByName: apiToken.createdBy === null ? null : ctx.actor.name },
  };
}

/** The company's tokens, newest first: active, expired and revoked. */
export async function listApiTokens(deps: Deps, ctx: Ctx): Promise<ApiTokenView[]> {
  requireAccessManager(ctx);
  return withCreatorNames(deps, ctx, await listApiTokenRows(deps.db, ctx.companyId));
}

/** Revokes a token: the next request with it is refused. */
export async function revokeApiToken(deps: Deps, ctx: Ctx, id: string): Promise<ApiTokenView> {
  requireAccessManager(ctx);
  const revoked = await inTransaction(deps.db, async (tx) => {
    const token = await lockApiToken(tx, ctx.companyId, id);
    if (!token) {
      throw new NotFoundError('api_token', id);
    }
    if (token.revokedAt !== null) {
      throw new ConflictError('api_token_already_revoked', {
        name: token.name,
        date: token.revokedAt.toISOString(),
      });
    }
    const revokedAt = deps.clock.now();
    await markApiTokenRevoked(tx, ctx.companyId, id, revokedAt);
    await recordEvents(tx, ctx, [
      {
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        customerId: null,
        data: { changes: { revokedAt: { from: null, to: revokedAt.toISOString() } } },
      },
    ]);
    return { ...token, revokedAt };
  });
  return (await withCreatorNames(deps, ctx, [revoked]))[0] as ApiTokenView;
}

/**
 * Resolves a Bearer token to the context it acts in, or throws `Unauthorized` when it is
 * unknown, revoked or expired. Its last use is written at most once a minute, on its own
 * (never inside the request's transaction, which may roll back).
 */
export async function authenticateApiToken(
  deps: Deps,
  secret: string,
): Promise<Ctx & { company: Company }> {
  const token = await findApiTokenByHash(deps.db, hashToken(secret));
  const company = token && (await findCompany(deps, token.companyId));
  if (!token || token.revokedAt !== null || !company) {
    throw new UnauthorizedError('api_token_unknown');
  }
  const now = deps.clock.now();
  if (token.expiresAt.getTime() <= now.getTime()) {
    throw new UnauthorizedError('api_token_expired', { date: token.expiresAt.toISOString() });
  }
  if (isLastUseStale(token.lastUsedAt, now)) {
    const staleBefore = new Date(now.getTime() - LAST_USE_RESOLUTION_SECONDS * 1000);
    await recordApiTokenUse(deps.db, token, now, staleBefore);
  }
  return {
    companyId: token.companyId,
    actor: { type: 'api_token', id: token.id, name: token.name },
    role: token.role,
    company,
  };
}
