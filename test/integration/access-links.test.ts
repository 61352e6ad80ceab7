/**
 * Access links on a real database (src/access/, issue 10): a link made in a transaction is
 * known again by its token alone, as the holder it was given to (its audience, its one
 * dispute or account, no role); a tampered, malformed, expired or revoked token is refused
 * with its own 401 code; another company's token acts in its own company only; the last
 * use is written at most once a minute; revoking by customer, dispute or link.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import {
  authenticateAccessLink,
  createAccessLink,
  createAccessLinks,
  listAccessLinks,
  revokeAccessLinks,
  setAccessLinkMessages,
  type NewAccessLink,
} from '../../src/access/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { InvalidError, UnauthorizedError, type DomainError } from '../../src/shared/errors.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const MINUTE = 60_000;
const DAY = 86_400_000;

function later(ms: number): Date {
  return new Date(TEST_NOW.getTime() + ms);
}

async function makeLink(ctx: Ctx, input: Partial<NewAccessLink> & { customerId: string }) {
  return inTransaction(deps.db, (tx) =>
    createAccessLink(deps, tx, ctx, {
      audience: 'department',
      disputeId: randomUUID(),
      days: 14,
      maxDays: 60,
      now: TEST_NOW,
      ...input,
    }),
  );
}

async function refusal(token: string, now: Date): Promise<string> {
  const error: unknown = await authenticateAccessLink(deps, token, now).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  return (error as DomainError).reason;
}

describe('access links', () => {
  it('knows a department link again by its token: its dispute, its recipient, no role', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const disputeId = randomUUID();
    const { link, token } = await makeLink(ctx, {
      customerId: customer.id,
      disputeId,
      recipientName: '  Paul Martin ',
      recipientEmail: 'Paul.Martin@Example.test ',
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({
      audience: 'department',
      disputeId,
      customerId: customer.id,
      recipientName: 'Paul Martin',
      recipientEmail: 'paul.martin@example.test',
      createdByName: 'tester',
      expiresAt: later(14 * DAY),
      revokedAt: null,
      lastUsedAt: null,
    });

    const known = await authenticateAccessLink(deps, token, later(MINUTE));
    expect(known.ctx).toEqual({
      companyId: ctx.companyId,
      actor: { type: 'department', id: link.id, name: 'Paul Martin' },
      role: 'read_only',
      audience: {
        kind: 'department',
        linkId: link.id,
        disputeId,
        customerId: customer.id,
        ip: null,
      },
    });
    const [listed] = await listAccessLinks(deps.db, ctx, { disputeId });
    expect(listed?.lastUsedAt).toEqual(later(MINUTE));
  });

  it('makes a customer link for its account alone, never a dispute', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const { link, token } = await makeLink(ctx, {
      audience: 'customer',
      customerId: customer.id,
      days: 90,
      maxDays: 365,
    });
    expect(link.disputeId).toBeNull();
    // The address the request came from goes with the holder's acts (their events).
    const known = await authenticateAccessLink(deps, token, TEST_NOW, { ip: '203.0.113.9' });
    expect(known.ctx.audience).toEqual({
      kind: 'customer',
      linkId: link.id,
      customerId: customer.id,
      ip: '203.0.113.9',
    });
    expect(known.ctx.actor).toEqual({ type: 'customer', id: link.id, name: null });
  });

  it('refuses a lifetime outside 1..maxDays on `days`', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    for (const days of [0, 61, 1.5]) {
      const error = await makeLink(ctx, { customerId: customer.id, days }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).issues).toEqual([
        expect.objectContaining({ field: 'days', code: 'link_lifetime', params: { max: 60 } }),
      ]);
    }
    expect(await listAccessLinks(deps.db, ctx, { customerId: customer.id })).toEqual([]);
  });

  it('refuses a tampered, malformed or unknown token as link_invalid', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const { token } = await makeLink(ctx, { customerId: customer.id });
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await refusal(`${token.slice(0, -1)}${last}`, TEST_NOW)).toBe('link_invalid');
    expect(await refusal(token.slice(0, -1), TEST_NOW)).toBe('link_invalid');
    expect(await refusal(`${token}=`, TEST_NOW)).toBe('link_invalid');
    expect(await refusal('', TEST_NOW)).toBe('link_invalid');
    expect(await refusal("' OR 1=1 --", TEST_NOW)).toBe('link_invalid');
  });

  it('refuses an expired link from its expiry on, as link_expired', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const { token } = await makeLink(ctx, { customerId: customer.id, days: 1 });
    await expect(authenticateAccessLink(deps, token, later(DAY - 1))).resolves.toBeDefined();
    expect(await refusal(token, later(DAY))).toBe('link_expired');
  });

  it('revokes by link, by dispute, by customer: each once, the next use link_revoked', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const other = await makeCustomer(deps, ctx);
    const disputeId = randomUUID();
    const one = await makeLink(ctx, { customerId: customer.id, disputeId });
    const two = await makeLink(ctx, { customerId: customer.id, disputeId });
    const portal = await makeLink(ctx, { audience: 'customer', customerId: customer.id });
    const kept = await makeLink(ctx, { audience: 'customer', customerId: other.id });

    const byLink = await revokeAccessLinks(deps.db, ctx, { linkId: one.link.id }, later(MINUTE));
    expect(byLink.map((link) => link.id)).toEqual([one.link.id]);
    expect(byLink[0]?.revokedAt).toEqual(later(MINUTE));
    expect(await refusal(one.token, later(2 * MINUTE))).toBe('link_revoked');

    const byDispute = await revokeAccessLinks(deps.db, ctx, { disputeId }, later(2 * MINUTE));
    expect(byDispute.map((link) => link.id)).toEqual([two.link.id]);

    const byCustomer = await revokeAccessLinks(
      deps.db,
      ctx,
      { customerId: customer.id },
      later(3 * MINUTE),
    );
    expect(byCustomer.map((link) => link.id)).toEqual([portal.link.id]);
    expect(await refusal(portal.token, later(4 * MINUTE))).toBe('link_revoked');
    // Revoked stays revoked, even once expired too.
    expect(await refusal(two.token, later(30 * DAY))).toBe('link_revoked');
    await expect(
      authenticateAccessLink(deps, kept.token, later(4 * MINUTE)),
    ).resolves.toMatchObject({ link: { id: kept.link.id } });
    const listed = await listAccessLinks(deps.db, ctx, { customerId: customer.id });
    expect(listed.map((link) => [link.id, link.revokedAt])).toEqual([
      [portal.link.id, later(3 * MINUTE)],
      [two.link.id, later(2 * MINUTE)],
      [one.link.id, later(MINUTE)],
    ]);
  });

  it("acts in the link's own company: another company's token neither sees nor revokes this one's", async () => {
    const mine = await makeCompany(deps);
    const theirs = await makeCompany(deps);
    const customer = await makeCustomer(deps, mine.ctx);
    const theirCustomer = await makeCustomer(deps, theirs.ctx);
    const { link } = await makeLink(mine.ctx, { customerId: customer.id });
    const foreign = await makeLink(theirs.ctx, { customerId: theirCustomer.id });

    const known = await authenticateAccessLink(deps, foreign.token, TEST_NOW);
    expect(known.ctx.companyId).toBe(theirs.company.id);
    expect(await listAccessLinks(deps.db, known.ctx, { customerId: customer.id })).toEqual([]);
    expect(await revokeAccessLinks(deps.db, known.ctx, { linkId: link.id }, TEST_NOW)).toEqual([]);
    const [still] = await listAccessLinks(deps.db, mine.ctx, { linkId: link.id });
    expect(still?.revokedAt).toBeNull();
  });

  it('makes many links in one call and ties each to its e-mail', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const disputeIds = [randomUUID(), randomUUID(), randomUUID()];
    const made = await inTransaction(deps.db, (tx) =>
      createAccessLinks(
        deps,
        tx,
        ctx,
        disputeIds.map((disputeId) => ({
          audience: 'department' as const,
          disputeId,
          customerId: customer.id,
          recipientEmail: 'logistique@example.test',
          days: 14,
          maxDays: 60,
          now: TEST_NOW,
        })),
      ),
    );
    expect(new Set(made.map((entry) => entry.token)).size).toBe(3);
    const messageIds = disputeIds.map(() => randomUUID());
    await setAccessLinkMessages(
      deps.db,
      ctx,
      made.map((entry, index) => ({ linkId: entry.link.id, messageId: messageIds[index] ?? '' })),
    );
    const listed = await listAccessLinks(deps.db, ctx, { customerId: customer.id });
    expect(listed.map((link) => [link.disputeId, link.messageId])).toEqual(
      disputeIds.map((disputeId, index) => [disputeId, messageIds[index]]).toReversed(),
    );
    for (const [index, entry] of made.entries()) {
      const known = await authenticateAccessLink(deps, entry.token, TEST_NOW);
      expect(known.ctx.audience).toMatchObject({ disputeId: disputeIds[index] });
    }
  });

  it('writes the last use at most once a minute', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const { link, token } = await makeLink(ctx, { customerId: customer.id });
    await authenticateAccessLink(deps, token, later(0));
    await authenticateAccessLink(deps, token, later(MINUTE - 1));
    const [first] = await listAccessLinks(deps.db, ctx, { linkId: link.id });
    expect(first?.lastUsedAt).toEqual(later(0));
    await authenticateAccessLink(deps, token, later(MINUTE));
    const [second] = await listAccessLinks(deps.db, ctx, { linkId: link.id });
    expect(second?.lastUsedAt).toEqual(later(MINUTE));
  });
});
