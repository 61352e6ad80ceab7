import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { isLanguage, type Language } from '../shared/language.ts';
import type { TRole } from '../shared/schemas.ts';
import type { ApiToken, User } from './model.ts';

type UserRow = {
  company_id: string;
  id: string;
  email: string;
  display_name: string;
  role: string;
  is_active: boolean;
  language: string | null;
};

function toUser(row: UserRow): User {
  return {
    companyId: row.company_id,
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as TRole,
    isActive: row.is_active,
    // The column's check admits only `fr` and `en`.
    language: isLanguage(row.language) ? row.language : null,
  };
}

export async function insertUser(
  q: Queryable,
  user: User & { passwordHash: string | null },
): Promise<void> {
  await q
    .insertInto('app_user')
    .values({
      company_id: user.companyId,
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      is_active: user.isActive,
      language: user.language,
    })
    .execute();
}

/** Sign-in looks a user up by e-mail alone (unique across companies); the only query without a company. */
export async function findUserForLogin(
  q: Queryable,
  email: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const row = await q
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

export async function findUserByEmail(
  q: Queryable,
  companyId: string,
  email: string,
): Promise<User | undefined> {
  const row = await q
    .selectFrom('app_user')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<User | undefined> {
  const row = await q
    .selectFrom('app_user')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findPasswordHash(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<string | null> {
  const row = await q
    .selectFrom('app_user')
    .select('password_hash')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function updatePasswordHash(
  q: Queryable,
  companyId: string,
  id: string,
  passwordHash: string,
): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ password_hash: passwordHash })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

export type SessionRecord = {
  companyId: string;
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
};

export async function insertSession(
  q: Queryable,
  session: SessionRecord & { tokenHash: string },
): Promise<void> {
  await q
    .insertInto('user_session')
    .values({
      company_id: session.companyId,
      id: session.id,
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** Looks a session up by the hash of its cookie token (the token itself is never stored). */
export async function findSessionByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<SessionRecord | undefined> {
  const row = await q
    .selectFrom('user_session')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      companyId: row.company_id,
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    }
  );
}

export async function deleteSession(q: Queryable, companyId: string, id: string): Promise<void> {
  await q
    .deleteFrom('user_session')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/** Closes every session of a user; returns how many were open. */
export async function deleteUserSessions(
  q: Queryable,
  companyId: string,
  userId: string,
): Promise<number> {
  const result = await q
    .deleteFrom('user_session')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listUsers(q: Queryable, companyId: string): Promise<User[]> {
  const rows = await q
    .selectFrom('app_user')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('email')
    .execute();
  return rows.map(toUser);
}

/**
 * The ids of the company's active admins, their rows locked until the transaction ends: two
 * admins demoting each other at once are serialised here, and the second, re-reading the
 * rows, sees the first one's change (ADR 10).
 */
export async function lockActiveAdminIds(q: Queryable, companyId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('app_user')
    .select('id')
    .where('company_id', '=', companyId)
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

export async function updateUserAccess(
  q: Queryable,
  user: Pick<User, 'companyId' | 'id' | 'role' | 'isActive'>,
): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ role: user.role, is_active: user.isActive })
    .where('company_id', '=', user.companyId)
    .where('id', '=', user.id)
    .execute();
}

/** A user's language, their row locked until the transaction ends; undefined for no such user. */
export async function lockUserLanguage(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<{ language: Language | null } | undefined> {
  const row = await q
    .selectFrom('app_user')
    .select('language')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && { language: isLanguage(row.language) ? row.language : null };
}

export async function updateUserLanguage(
  q: Queryable,
  user: Pick<User, 'companyId' | 'id'>,
  language: Language,
): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ language })
    .where('company_id', '=', user.companyId)
    .where('id', '=', user.id)
    .execute();
}

type ApiTokenRow = {
  company_id: string;
  id: string;
  name: string;
  role: string;
  created_at: Date;
  created_by: string | null;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    companyId: row.company_id,
    id: row.id,
    name: row.name,
    role: row.role as TRole,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const API_TOKEN_COLUMNS = [
  'company_id',
  'id',
  'name',
  'role',
  'created_at',
  'created_by',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function insertApiToken(
  q: Queryable,
  token: ApiToken & { tokenHash: string },
): Promise<void> {
  await q
    .insertInto('api_token')
    .values({
      company_id: token.companyId,
      id: token.id,
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      created_by: token.createdBy,
      expires_at: token.expiresAt,
      last_used_at: token.lastUsedAt,
      revoked_at: token.revokedAt,
    })
    .execute();
}

/** Looks a token up by the hash of its secret (the secret itself is never stored). */
export async function findApiTokenByHash(
  q: Queryable,
  tokenHash: string,
): Promise<ApiToken | undefined> {
  const row = await q
    .selectFrom('api_token')
    .select(API_TOKEN_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toApiToken(row);
}

/** One token of the company, its row locked for the caller's transaction. */
export async function lockApiToken(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<ApiToken | undefined> {
  const row = await q
    .selectFrom('api_token')
    .select(API_TOKEN_COLUMNS)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toApiToken(row);
}

/** The company's tokens, newest first (ids are time-ordered), without their hashes. */
export async function listApiTokens(q: Queryable, companyId: string): Promise<ApiToken[]> {
  const rows = await q
    .selectFrom('api_token')
    .select(API_TOKEN_COLUMNS)
    .where('company_id', '=', companyId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toApiToken);
}

export async function markApiTokenRevoked(
  q: Queryable,
  companyId: string,
  id: string,
  revokedAt: Date,
): Promise<void> {
  await q
    .updateTable('api_token')
    .set({ revoked_at: revokedAt })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute();
}

/**
 * Records a use of a token unless one was recorded since `staleBefore`: of concurrent
 * requests, one writes and the others change nothing.
 */
export async function recordApiTokenUse(
  q: Queryable,
  token: Pick<ApiToken, 'companyId' | 'id'>,
  usedAt: Date,
  staleBefore: Date,
): Promise<void> {
  await q
    .updateTable('api_token')
    .set({ last_used_at: usedAt })
    .where('company_id', '=', token.companyId)
    .where('id', '=', token.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
    .execute();
}

/** Display names of users, for timelines and lists. */
export async function findUserNames(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('company_id', '=', companyId)
    .where('id', '=', anyOf(ids, 'uuid'))
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** User ids by (normalised) e-mail in a company, in one statement whatever the count. */
export async function findUserIdsByEmail(
  q: Queryable,
  companyId: string,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) {
    return new Map();
  }
  const rows = await q
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('company_id', '=', companyId)
    .where('email', '=', anyOf(emails, 'text'))
    .execute();
  return new Map(rows.map((row) => [row.email, row.id]));
}
