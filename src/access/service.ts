/**
 * Access links' use cases (issue 10): make one for a department member or a customer, know
 * its holder again by its token, list and revoke them. The callers (disputes, the portal)
 * decide who may make or revoke one (`authorize`, src/app/policy.ts) and record the trail's
 * events (`dispute.link_sent`, `portal_link.created`, `portal_link.revoked`) in the same
 * transaction: a link is always about something of theirs.
 */
import type { Audience, Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { hashToken, newSecret } from '../auth/secrets.ts';
import type { Queryable } from '../db/client.ts';
import { invalidField, UnauthorizedError } from '../shared/errors.ts';
import {
  accessLinkExpiry,
  accessLinkStatus,
  isLinkLastUseStale,
  isLinkLifetime,
  isWellFormedToken,
  LINK_LAST_USE_RESOLUTION_SECONDS,
  type AccessLink,
  type AccessLinkAudience,
} from './model.ts';
import {
  findAccessLinkByHash,
  insertAccessLinks,
  listAccessLinkRows,
  recordAccessLinkUse,
  revokeAccessLinkRows,
  updateAccessLinkMessages,
  type AccessLinkFilter,
} from './store.ts';

export type { AccessLink, AccessLinkAudience, AccessLinkStatus } from './model.ts';
export { accessLinkStatus } from './model.ts';
export type { AccessLinkFilter } from './store.ts';

export type NewAccessLink = {
  audience: AccessLinkAudience;
  /** Required for a department link: the one dispute it opens. */
  disputeId?: string | null;
  customerId: string;
  recipientName?: string | null;
  recipientEmail?: string | null;
  messageId?: string | null;
  /** Its lifetime in days, from `now`: 1 to `maxDays`. */
  days: number;
  /** The longest lifetime the caller allows (a department link 60 days, a portal link 365). */
  maxDays: number;
  now: Date;
};

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A link made but not yet stored, with its token (`prepareAccessLinks`). */
export type PreparedAccessLink = { link: AccessLink; token: string };

/**
 * Makes links without storing them: the caller writes each token's URL into what it sends
 * and stores only the links that went out (`saveAccessLinks`), as the daily run does for
 * its reminders. A lifetime outside 1..`maxDays`: 400 `link_lifetime` on `days`.
 */
export function prepareAccessLinks(
  deps: Pick<Deps, 'ids'>,
  ctx: Ctx,
  inputs: readonly NewAccessLink[],
): PreparedAccessLink[] {
  return inputs.map((input) => {
    if (!isLinkLifetime(input.days, input.maxDays)) {
      throw invalidField('days', 'link_lifetime', { max: input.maxDays });
    }
    const disputeId = input.audience === 'department' ? (input.disputeId ?? null) : null;
    if (input.audience === 'department' && disputeId === null) {
      // A maker's bug: the disputes' service always names its dispute.
      throw new Error('A department link opens one dispute: disputeId is required');
    }
    const link: AccessLink = {
      companyId: ctx.companyId,
      id: deps.ids.newId(),
      audience: input.audience,
      disputeId,
      customerId: input.customerId,
      recipientName: blankToNull(input.recipientName),
      recipientEmail: blankToNull(input.recipientEmail)?.toLowerCase() ?? null,
      messageId: input.messageId ?? null,
      createdByName: ctx.actor.name,
      createdAt: input.now,
      expiresAt: accessLinkExpiry(input.now, input.days),
      revokedAt: null,
      lastUsedAt: null,
    };
    return { link, token: newSecret() };
  });
}

/**
 * Stores prepared links in the caller's transaction `tx`, in a fixed number of statements
 * whatever their number; only each token's SHA-256 is kept.
 */
export async function saveAccessLinks(
  tx: Queryable,
  made: readonly PreparedAccessLink[],
): Promise<void> {
  await insertAccessLinks(
    tx,
    made.map(({ link, token }) => ({ ...link, tokenHash: hashToken(token) })),
  );
}

/**
 * Makes and stores links in `tx` (`prepareAccessLinks`, `saveAccessLinks`); each token is
 * returned this once and goes into the URL the caller builds (`accessLinkUrl`).
 */
export async function createAccessLinks(
  deps: Pick<Deps, 'ids'>,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly NewAccessLink[],
): Promise<PreparedAccessLink[]> {
  const made = prepareAccessLinks(deps, ctx, inputs);
  await saveAccessLinks(tx, made);
  return made;
}

/** One link, as `createAccessLinks` makes them. */
export async function createAccessLink(
  deps: Pick<Deps, 'ids'>,
  tx: Queryable,
  ctx: Ctx,
  input: NewAccessLink,
): Promise<PreparedAccessLink> {
  const [made] = await createAccessLinks(deps, tx, ctx, [input]);
  return made as PreparedAccessLink;
}

/**
 * Ties each link to the e-mail that carried it (queued after its link, whose URL the
 * e-mail holds), in one statement.
 */
export async function setAccessLinkMessages(
  q: Queryable,
  ctx: Ctx,
  pairs: readonly { linkId: string; messageId: string }[],
): Promise<void> {
  await updateAccessLinkMessages(q, ctx.companyId, pairs);
}

/** The audience a link's holder acts as (src/app/context.ts). */
function audienceOf(link: AccessLink, ip: string | null): Audience {
  return link.audience === 'department'
    ? {
        kind: 'department',
        linkId: link.id,
        // A department link always has its dispute (the table's check).
        disputeId: link.disputeId as string,
        customerId: link.customerId,
        ip,
      }
    : { kind: 'customer', linkId: link.id, customerId: link.customerId, ip };
}

/**
 * The context a link's holder acts in, from its token: in the link's company, as the
 * department member or customer it was given to (`actor.id` is the link's), with no role
 * (`read_only`, and every role permission refused: permissions.ts). 401 `link_invalid` for
 * an unknown, tampered or malformed token (never saying whether some link is near it),
 * `link_expired`, `link_revoked`. Its last use is written at most once a minute, on its
 * own (never in the request's transaction, which may roll back). `origin.ip`, the address
 * the request came from, goes with every event the holder's acts record (`linkTrail`).
 */
export async function authenticateAccessLink(
  deps: Pick<Deps, 'db'>,
  token: string,
  now: Date,
  origin: { ip: string | null } = { ip: null },
): Promise<{ ctx: Ctx; link: AccessLink }> {
  const link = isWellFormedToken(token)
    ? await findAccessLinkByHash(deps.db, hashToken(token))
    : undefined;
  if (link === undefined) {
    throw new UnauthorizedError('link_invalid');
  }
  switch (accessLinkStatus(link, now)) {
    case 'revoked':
      throw new UnauthorizedError('link_revoked');
    case 'expired':
      throw new UnauthorizedError('link_expired', { date: link.expiresAt.toISOString() });
    case 'active':
      break;
  }
  if (isLinkLastUseStale(link.lastUsedAt, now)) {
    const staleBefore = new Date(now.getTime() - LINK_LAST_USE_RESOLUTION_SECONDS * 1000);
    await recordAccessLinkUse(deps.db, link, now, staleBefore);
  }
  return {
    ctx: {
      companyId: link.companyId,
      actor: { type: link.audience, id: link.id, name: link.recipientName },
      role: 'read_only',
      audience: audienceOf(link, origin.ip),
    },
    link,
  };
}

/**
 * Revokes at `now` the company's links matching `filter` (a customer's, a dispute's, one
 * link) that are still unrevoked, in one statement: the next request with any of them is
 * refused (`link_revoked`). The links it revoked, newest first (none: nothing to revoke).
 */
export async function revokeAccessLinks(
  q: Queryable,
  ctx: Ctx,
  filter: AccessLinkFilter,
  now: Date,
): Promise<AccessLink[]> {
  return revokeAccessLinkRows(q, ctx.companyId, filter, now);
}

/** The company's links matching `filter`, newest first: active, expired and revoked. */
export async function listAccessLinks(
  q: Queryable,
  ctx: Ctx,
  filter: AccessLinkFilter,
): Promise<AccessLink[]> {
  return listAccessLinkRows(q, ctx.companyId, filter);
}
