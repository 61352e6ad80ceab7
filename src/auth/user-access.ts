import { inTransaction } from '../db/transaction.ts';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import type { TRole } from '../shared/schemas.ts';
import { keepsAnActiveAdmin, type User } from './model.ts';
import { requireAccessManager } from './service.ts';
import {
  deleteUserSessions,
  findUserById,
  listUsers as listUserRows,
  lockActiveAdminIds,
  updateUserAccess,
} from './store.ts';

/** The company's users, by e-mail, active or not. */
export async function listUsers(deps: Deps, ctx: Ctx): Promise<User[]> {
  requireAccessManager(ctx);
  return listUserRows(deps.db, ctx.companyId);
}

export type AccessChange = { role?: TRole | undefined; isActive?: boolean | undefined };

/**
 * Changes who a user may be: their role, or whether they may sign in at all.
 * - Deactivating closes their sessions in the same transaction, so the next request of an
 *   open browser is refused; signing in is refused while inactive. API tokens they issued are
 *   the company's integrations and stay (the token list says who issued each, ADR 10).
 * - A new role applies from the user's next request: sessions read the user at every request.
 * - The company keeps at least one active admin.
 * Each change is an event with its before and after; a change to the same value records nothing.
 */
export async function changeUserAccess(
  deps: Deps,
  ctx: Ctx,
  userId: string,
  change: AccessChange,
): Promise<User> {
  requireAccessManager(ctx);
  return inTransaction(deps.db, async (tx) => {
    const activeAdminIds = await lockActiveAdminIds(tx, ctx.companyId);
    const before = await findUserById(tx, ctx.companyId, userId);
    if (!before) {
      throw new NotFoundError('user', userId);
    }
    const after: User = {
      ...before,
      role: change.role ?? before.role,
      isActive: change.isActive ?? before.isActive,
    };
    if (after.role === before.role && after.isActive === before.isActive) {
      return before;
    }
    if (!keepsAnActiveAdmin(activeAdminIds, before, after)) {
      throw new ConflictError('last_admin');
    }
    await updateUserAccess(tx, after);
    const events: EventInput[] = [];
    const about = { entityType: 'user', entityId: userId, customerId: null };
    if (after.role !== before.role) {
      events.push({
        ...about,
        action: 'user.role_changed',
        data: { changes: { role: { from: before.role, to: after.role } } },
      });
    }
    if (after.isActive !== before.isActive) {
      const changes = { isActive: { from: before.isActive, to: after.isActive } };
      events.push(
        after.isActive
          ? { ...about, action: 'user.reactivated', data: { changes } }
          : {
              ...about,
              action: 'user.deactivated',
              data: {
                changes,
                sessionsClosed: await deleteUserSessions(tx, ctx.companyId, userId),
              },
            },
      );
    }
    await recordEvents(tx, ctx, events);
    return after;
  });
}
