import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { findCompany } from '../companies/service.ts';
import type { Company } from '../companies/model.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  invalidField,
} from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import type { TRole } from '../shared/schemas.ts';
import { MIN_PASSWORD_LENGTH, SESSION_HOURS, normaliseEmail, type User } from './model.ts';
import type { PasswordAttempts } from './password-attempts.ts';
import { generatePassword, hashPassword, hashToken, newSecret, verifyPassword } from './secrets.ts';
import {
  deleteSession,
  deleteUserSessions,
  findPasswordHash,
  findSessionByTokenHash,
  findUserByEmail,
  findUserById,
  findUserForLogin,
  findUserIdsByEmail,
  findUserNames,
  insertSession,
  insertUser,
  listUsers as listUserRows,
  lockUserLanguage,
  updatePasswordHash,
  updateUserLanguage,
} from './store.ts';

export type Session = { user: User; company: Company; csrfToken: string; sessionId: string };

/**
 * Managing who gets in takes an admin in person, or the CLI on the server: an integration's
 * token, even one with the admin role, may not issue or revoke tokens nor lock anybody out,
 * so a leaked one cannot entrench itself.
 */
export function requireAccessManager(ctx: Ctx): void {
  requirePermission(ctx, 'users:manage');
  if (ctx.actor.type === 'api_token') {
    throw new ForbiddenError('access_needs_signed_in_admin');
  }
}

export function userContext(user: User): Ctx {
  return {
    companyId: user.companyId,
    actor: { type: 'user', id: user.id, name: user.displayName },
    role: user.role,
  };
}

export type CreateUserInput = {
  email: string;
  displayName: string;
  role: TRole;
  /** When absent, a password is generated and returned once. */
  password?: string;
};

export async function createUser(
  deps: Deps,
  ctx: Ctx,
  input: CreateUserInput,
): Promise<{ user: User; password: string }> {
  requireAccessManager(ctx);
  const email = normaliseEmail(input.email);
  const password = input.password ?? generatePassword();
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(deps.db, async (tx) => {
    if (await findUserForLogin(tx, email)) {
      throw new ConflictError('user_email_taken', { email });
    }
    const user: User = {
      companyId: ctx.companyId,
      id: deps.ids.newId(),
      email,
      displayName: input.displayName.trim(),
      role: input.role,
      isActive: true,
      // Their own choice, once they sign in and make it.
      language: null,
    };
    await insertUser(tx, { ...user, passwordHash });
    await recordEvents(tx, ctx, [
      {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        customerId: null,
        data: { email, role: user.role },
      },
    ]);
    return { user, password };
  });
}

function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalidField('password', 'password_too_short', { min: MIN_PASSWORD_LENGTH });
  }
}

// Verified when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * Signs a user in; the returned token goes in the session cookie and is stored only hashed.
 * `address` is the client's, as the HTTP edge sees it through trusted proxies: wrong
 * passwords are limited per address and per account.
 */
export async function login(
  deps: Deps,
  attempts: PasswordAttempts,
  input: { email: string; password: string; address: string },
): Promise<Session & { token: string }> {
  const email = normaliseEmail(input.email);
  const user = await attempts.run(
    { address: input.address, email },
    deps.clock.now(),
    async (markWrong) => {
      const found = await findUserForLogin(deps.db, email);
      const storedHash = found?.passwordHash ?? (await (decoyHash ??= hashPassword(newSecret())));
      const isValid = await verifyPassword(storedHash, input.password);
      if (!found || !isValid || !found.isActive || found.passwordHash === null) {
        throw markWrong(new UnauthorizedError('wrong_credentials'));
      }
      return found;
    },
  );
  const company = await findCompany(deps, user.companyId);
  if (!company) {
    throw new UnauthorizedError('wrong_credentials');
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const sessionId = deps.ids.newId();
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_HOURS * 3_600_000);
  await inTransaction(deps.db, async (tx) => {
    await insertSession(tx, {
      companyId: user.companyId,
      id: sessionId,
      userId: user.id,
      csrfToken,
      expiresAt,
      tokenHash: hashToken(token),
    });
    await recordEvents(tx, userContext(user), [
      { action: 'user.signed_in', entityType: 'user', entityId: user.id, customerId: null },
    ]);
  });
  return { user, company, csrfToken, sessionId, token };
}

/** Resolves a session cookie to its user and company, or throws `Unauthorized`. */
export async function authenticateSession(deps: Deps, token: string): Promise<Session> {
  const session = await findSessionByTokenHash(deps.db, hashToken(token));
  if (!session || session.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new UnauthorizedError('session_expired');
  }
  const user = await findUserById(deps.db, session.companyId, session.userId);
  const company = await findCompany(deps, session.companyId);
  if (!user || !user.isActive || !company) {
    throw new UnauthorizedError('session_expired');
  }
  return { user, company, csrfToken: session.csrfToken, sessionId: session.id };
}

export async function logout(deps: Deps, session: Session): Promise<void> {
  await deleteSession(deps.db, session.company.id, session.sessionId);
}

/**
 * Changes one's own password after checking the current one, which counts against the same
 * wrong-password limits as signing in; the user's sessions are closed.
 */
export async function changePassword(
  deps: Deps,
  attempts: PasswordAttempts,
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; address: string },
): Promise<void> {
  const user =
    ctx.actor.type === 'user' && ctx.actor.id !== null
      ? await findUserById(deps.db, ctx.companyId, ctx.actor.id)
      : undefined;
  if (!user) {
    throw new ForbiddenError('password_change_needs_user');
  }
  const userId = user.id;
  await attempts.run(
    { address: input.address, email: user.email },
    deps.clock.now(),
    async (markWrong) => {
      const storedHash = await findPasswordHash(deps.db, ctx.companyId, userId);
      if (storedHash === null || !(await verifyPassword(storedHash, input.currentPassword))) {
        throw markWrong(invalidField('currentPassword', 'wrong_password'));
      }
    },
  );
  checkPasswordStrength(input.newPassword);
  await setPassword(deps, ctx, userId, input.newPassword);
}

/** Sets a user's password (CLI `users set-password`, or after the check above) and closes their sessions. */
export async function setPassword(
  deps: Deps,
  ctx: Ctx,
  userId: string,
  password: string,
): Promise<void> {
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await inTransaction(deps.db, async (tx) => {
    await updatePasswordHash(tx, ctx.companyId, userId, passwordHash);
    await deleteUserSessions(tx, ctx.companyId, userId);
    await recordEvents(tx, ctx, [
      { action: 'user.password_changed', entityType: 'user', entityId: userId, customerId: null },
    ]);
  });
}

/**
 * Sets the signed-in user's own language (the web's FR / EN switch). It is theirs alone, so
 * it asks no permission, but it takes a user: an API token or the CLI has none (ADR 18).
 * A change to the same language records nothing.
 */
export async function changeOwnLanguage(deps: Deps, ctx: Ctx, language: Language): Promise<void> {
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  if (userId === null) {
    throw new ForbiddenError('language_needs_user');
  }
  await inTransaction(deps.db, async (tx) => {
    const before = await lockUserLanguage(tx, ctx.companyId, userId);
    if (!before) {
      throw new NotFoundError('user', userId);
    }
    if (before.language === language) {
      return;
    }
    await updateUserLanguage(tx, { companyId: ctx.companyId, id: userId }, language);
    await recordEvents(tx, ctx, [
      {
        action: 'user.language_changed',
        entityType: 'user',
        entityId: userId,
        customerId: null,
        data: { changes: { language: { from: before.language, to: language } } },
      },
    ]);
  });
}

export async function getUserByEmail(deps: Deps, ctx: Ctx, email: string): Promise<User> {
  const user = await findUserByEmail(deps.db, ctx.companyId, normaliseEmail(email));
  if (!user) {
    throw new NotFoundError('user', email);
  }
  return user;
}

/** Display names of the given users of the context's company. */
export async function findUserDisplayNames(
  deps: Deps,
  ctx: Ctx,
  ids: readonly string[],
  q: Queryable = deps.db,
): Promise<Map<string, string>> {
  return findUserNames(q, ctx.companyId, [...new Set(ids)]);
}

/**
 * The company's active users, by name, that a customer may be given to as its collector.
 * Whoever reads customers may read who collects them; managing users stays an admin's.
 */
export async function listAssignableUsers(deps: Deps, ctx: Ctx): Promise<User[]> {
  requirePermission(ctx, 'customers:read');
  const users = await listUserRows(deps.db, ctx.companyId);
  return users
    .filter((user) => user.isActive)
    .toSorted((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
}

/** Checks that a user id belongs to the context's company (e.g. a customer's collector). */
export async function assertUserInCompany(
  deps: Deps,
  ctx: Ctx,
  userId: string,
  field: string,
): Promise<void> {
  if (!(await findUserById(deps.db, ctx.companyId, userId))) {
    throw invalidField(field, 'unknown_user', { userId });
  }
}

/** User ids by e-mail (lower-cased keys) in the context's company, in the caller's transaction. */
export async function findUserIdsByEmails(
  q: Queryable,
  ctx: Ctx,
  emails: readonly string[],
): Promise<Map<string, string>> {
  return findUserIdsByEmail(q, ctx.companyId, [...new Set(emails.map(normaliseEmail))]);
}
