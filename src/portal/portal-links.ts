/**
 * The customers' portal links (issue 10, docs/portal.md): each customer may have private
 * links (`access_link`, audience `customer`: src/access/), made by staff (the customer page,
 * `encaisse portal link`) or one per reminder (`createMessagePortalLinkInTx`, for the daily
 * run), revocable all at once. The URL carries the token in its fragment
 * (`<publicUrl>/portail#<token>`) and is given once: only the token's hash is kept.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import {
  createAccessLink,
  listAccessLinks,
  revokeAccessLinks,
  type AccessLink,
} from '../access/service.ts';
import { accessLinkUrl } from '../access/urls.ts';
import { recordEvents } from '../audit/service.ts';
import { requireCustomer } from '../customers/service.ts';
import type { Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';

/** How long a portal link opens the account unless told (days). */
export const DEFAULT_PORTAL_LINK_DAYS = 90;
/** The longest a portal link may be given (days): a year of reminders. */
export const MAX_PORTAL_LINK_DAYS = 365;

/** A link just made, and its URL (shown this once). */
export type NewPortalLink = { link: AccessLink; url: string };

/** Makes the link in `tx` and records `portal_link.created` on the customer. */
async function createPortalLinkInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  input: {
    customerId: string;
    days: number;
    publicUrl: string;
    messageId: string | null;
    now: Date;
  },
): Promise<NewPortalLink> {
  const { link, token } = await createAccessLink(deps, tx, ctx, {
    audience: 'customer',
    customerId: input.customerId,
    messageId: input.messageId,
    days: input.days,
    maxDays: MAX_PORTAL_LINK_DAYS,
    now: input.now,
  });
  await recordEvents(tx, ctx, [
    {
      action: 'portal_link.created',
      entityType: 'customer',
      entityId: input.customerId,
      customerId: input.customerId,
      data: {
        linkId: link.id,
        expiresAt: link.expiresAt.toISOString(),
        messageId: input.messageId,
      },
    },
  ]);
  return { link, url: accessLinkUrl(input.publicUrl, 'customer', token) };
}

/**
 * Makes a portal link for `customerId` (`dunning:assign`: collectors, credit managers,
 * admins, who send it), valid `days` days (1..365, default 90: 400 `link_lifetime`
 * otherwise). 404 for a customer the company does not have.
 */
export async function createPortalLink(
  deps: Deps,
  ctx: Ctx,
  input: { customerId: string; days?: number | undefined; publicUrl: string },
): Promise<NewPortalLink> {
  requirePermission(ctx, 'dunning:assign');
  await requireCustomer(deps, ctx, input.customerId);
  return inTransaction(deps.db, (tx) =>
    createPortalLinkInTx(deps, tx, ctx, {
      customerId: input.customerId,
      days: input.days ?? DEFAULT_PORTAL_LINK_DAYS,
      publicUrl: input.publicUrl,
      messageId: null,
      now: deps.clock.now(),
    }),
  );
}

/**
 * The portal link of one reminder, made in the run's transaction `tx` with the message it
 * goes in (`messageId`), valid the default 90 days from `now`: the URL to write into it.
 * The caller (the daily run) holds `dunning:assign`.
 */
export async function createMessagePortalLinkInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  input: { customerId: string; messageId: string; now: Date; publicUrl: string },
): Promise<string> {
  requirePermission(ctx, 'dunning:assign');
  const { url } = await createPortalLinkInTx(deps, tx, ctx, {
    ...input,
    days: DEFAULT_PORTAL_LINK_DAYS,
  });
  return url;
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
