import { anyOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { TRole } from '../shared/schemas.ts';
import type { User } from './model.ts';

type UserRow = {
  company_id: string;
  id: string;
  email: string;
  display_name: string;
  role: string;
  is_active: boolean;
};

function toUser(row: UserRow): User {
  return {
    companyId: row.company_id,
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as TRole,
    isActive: row.is_active,
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

export async function deleteUserSessions(
  q: Queryable,
  companyId: string,
  userId: string,
): Promise<void> {
  await q
    .deleteFrom('user_session')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .execute();
}

export type ApiTokenRecord = {
  companyId: string;
  id: string;
  name: string;
  role: TRole;
  revokedAt: Date | null;
};

export async function insertApiToken(
  q: Queryable,
  token: ApiTokenRecord & { tokenHash: string; createdBy: string | null },
): Promise<void> {
  await q
    .insertInto('api_token')
    .values({
      company_id: token.companyId,
      id: token.id,
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
      created_by: token.createdBy,
    })
    .execute();
}

export async function findApiTokenByHash(
  q: Queryable,
  tokenHash: string,
): Promise<ApiTokenRecord | undefined> {
  const row = await q
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      companyId: row.company_id,
      id: row.id,
      name: row.name,
      role: row.role as TRole,
      revokedAt: row.revoked_at,
    }
  );
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
