/**
 * The customers' portal links (issue 10, docs/portal.md): each customer may have private
 * links (`access_link`, audience `customer`: src/access/), made by staff (the customer page,
 * `encaisse portal link`) or one per reminder (the daily run: src/dunning/reminder-links.ts),
 * revocable all at once. The URL carries the token in its fragment
 * (`<publicUrl>/portail#<token>`) and is given once: only the token's hash is kept.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { DEFAULT_PORTAL_LINK_DAYS, MAX_PORTAL_LINK_DAYS } from '../access/model.ts';
import {
  createAccessLink,
  listAccessLinks,
  revokeAccessLinks,
  type AccessLink,
} from '../access/service.ts';
import { accessLinkUrl } from '../access/urls.ts';
import { recordEvents } from '../audit/service.ts';
import { requireCustomer } from '../customers/service.ts';
import { inTransaction } from '../db/transaction.ts';

/** A link just made, and its URL (shown this once). */
export type NewPortalLink = { link: AccessLink; url: string };

/**
 * Makes a portal link for `customerId` (`dunning:assign`: collectors, credit managers,
 * admins, who send it), valid `days` days (1..365, default 90: 400 `link_lifetime`
 * otherwise), with `portal_link.created` on the customer. 404 for a customer the company
 * does not have.
 */
export async function createPortalLink(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; days?: number | undefined; publicUrl: string },
): Promise<NewPortalLink> {
  requirePermission(ctx, 'dunning:assign');
  await requireCustomer(deps, ctx, input.customerId);
  return inTransaction(deps.db, async (tx) => {
    const { link, token } = await createAccessLink(deps, tx, ctx, {
      audience: 'customer',
      customerId: input.customerId,
      days: input.days ?? DEFAULT_PORTAL_LINK_DAYS,
      maxDays: MAX_PORTAL_LINK_DAYS,
      now: deps.clock.now(),
    });
    await recordEvents(tx, ctx, [
      {
        action: 'portal_link.created',
        entityType: 'customer',
        entityId: input.customerId,
        customerId: input.customerId,
        data: { linkId: link.id, expiresAt: link.expiresAt.toISOString(), messageId: null },
      },
    ]);
    return { link, url: accessLinkUrl(input.publicUrl, 'customer', token) };
  });
}

/** A customer's portal links, the newest first (`customers:read`): never their tokens. */
export async function listPortalLinks(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<AccessLink[]> {
  requirePermission(ctx, 'customers:read');
  await requireCustomer(deps, ctx, customerId);
  return listAccessLinks(deps.db, ctx, { audience: 'customer', customerId });
}

/**
 * Revokes every portal link of `customerId` still unrevoked (`dunning:assign`), in one
 * statement, with one event `portal_link.revoked` naming them; the next request with any of
 * them is refused (`link_revoked`). How many were revoked (0: none was left).
 */
export async function revokePortalLinks(deps: Deps, ctx: Ctx, customerId: string): Promise<number> {
  requirePermission(ctx, 'dunning:assign');
  await requireCustomer(deps, ctx, customerId);
  return inTransaction(deps.db, async (tx) => {
    const revoked = await revokeAccessLinks(
      tx,
      ctx,
      { audience: 'customer', customerId },
      deps.clock.now(),
    );
    if (revoked.length > 0) {
      await recordEvents(tx, ctx, [
        {
          action: 'portal_link.revoked',
          entityType: 'customer',
          entityId: customerId,
          customerId,
          data: { linkIds: revoked.map((link) => link.id), count: revoked.length },
        },
      ]);
    }
    return revoked.length;
  });
}
